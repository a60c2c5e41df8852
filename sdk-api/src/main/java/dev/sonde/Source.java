package dev.sonde;

import dev.sonde.spi.Redaction;
import java.util.Objects;

/**
 * Where a piece of evidence came from: a file (or probe id), a 1-based line number (0 when not
 * line-based) and the text found there. The text is clipped to {@value #MAX_TEXT} characters and
 * secrets (OAuth tokens, passwords, authorization headers) are redacted on construction, so no
 * fact or report ever carries them.
 */
public record Source(String file, long line, String text) implements Comparable<Source> {

    /** Longest text kept, in characters. */
    public static final int MAX_TEXT = 1000;

    public Source {
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
    public int compareTo(Source o) {
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
