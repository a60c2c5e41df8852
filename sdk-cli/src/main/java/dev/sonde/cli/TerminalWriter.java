package dev.sonde.cli;

import dev.sonde.report.ReportText;
import dev.sonde.spi.Redaction;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The CLI's error stream: its sentences quote input (file names, pack files, catalog URLs, log excerpts), so each
 * piece written is redacted ({@link Redaction#redact}) and stripped of characters that could drive the terminal
 * ({@link ReportText#drivesTerminal}), except the line feed and the carriage return the progress line redraws itself
 * with. The commands print a sentence in one write, so a secret is never split between two pieces.
 */
final class TerminalWriter extends FilterWriter {

    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        write(new String(chars, off, len));
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        String clean = clean(text.substring(off, off + len));
        out.write(clean, 0, clean.length());
    }

    /** The text redacted, without characters that drive a terminal (line feeds and carriage returns kept). */
    static String clean(String text) {
        String redacted = Redaction.redact(text);
        StringBuilder b = new StringBuilder(redacted.length());
        for (int i = 0; i < redacted.length(); i++) {
            char c = redacted.charAt(i);
            if (c == '\n' || c == '\r' || !ReportText.drivesTerminal(c)) {
                b.append(c);
            } else if (c == '\t') {
                b.append(' ');
            }
        }
        return b.toString();
    }
}
