package dev.sonde;

import java.util.Objects;

/**
 * Something the analysis could not use, said plainly: a line it skipped, a file it could not read,
 * a limit it hit. Warnings never remove findings already made.
 *
 * @param file    the input (or component) concerned
 * @param line    1-based line number, or 0 when the warning is about the whole input
 * @param message one clear sentence
 */
public record Warning(String file, long line, String message) implements Comparable<Warning> {

    public Warning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Warning o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Long.compare(line, o.line);
        }
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
