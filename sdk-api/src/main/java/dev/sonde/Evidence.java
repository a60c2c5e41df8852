package dev.sonde;

import dev.sonde.spi.Redaction;
import java.util.Objects;

/**
 * One line of evidence: the file (or probe id) it came from, a 1-based line number (0 when not
 * line-based) and the text found there. Every fact carries one ({@code Fact.source()}), and a finding quotes those of
 * its facts ({@link Finding#evidence()}); in the JSON report it is an element of {@code evidence}. (Called
 * {@code Source} before; {@link InputSummary} is what was done with a whole input.) The text is clipped to {@value #MAX_TEXT} characters and
 * secrets (OAuth tokens, passwords, authorization headers) are redacted on construction, so no
 * fact or report ever carries them.
 */
public record Evidence(String file, long line, String text) implements Comparable<Evidence> {

    /** Longest text kept, in characters. */
    public static final int MAX_TEXT = 1000;

    public Evidence {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
        text = text == null ? "" : clip(Redaction.redact(clip(text, 4 * MAX_TEXT)), MAX_TEXT);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Orders by file name, then line, then text: the order evidence is shown in. */
    @Override
    public int compareTo(Evidence o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Long.compare(line, o.line);
        }
        return c != 0 ? c : text.compareTo(o.text);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + text;
    }
}
