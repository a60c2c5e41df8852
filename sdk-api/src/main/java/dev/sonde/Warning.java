package dev.sonde;

import java.util.Objects;

/**
 * Something the analysis could not use, said plainly: a line it skipped, a file it could not read,
 * a limit it hit. Warnings never remove findings already made.
 *
 * <p>A warning of kind {@link Kind#INCOMPLETE} says that something which could have held evidence was
 * not analyzed (a deadline passed, a limit dropped facts or lines, an input could not be read or decoded,
 * a rule failed): the report's {@link Report#outcome() outcome} is then {@link Report.Outcome#INCOMPLETE},
 * never a clean bill of health. A {@link Kind#NOTE} loses nothing that matters (lines of no known format
 * passed over, repeats folded into counts).
 *
 * @param file    the input (or component) concerned
 * @param line    1-based line number, or 0 when the warning is about the whole input
 * @param message one clear sentence
 * @param kind    whether the analysis missed something because of it
 */
public record Warning(String file, long line, String message, Kind kind) implements Comparable<Warning> {

    /** Whether a warning means the analysis missed something. */
    public enum Kind {
        /** Said for information; nothing that could hold evidence was lost. */
        NOTE,
        /** Something that could hold evidence was not analyzed: the report is incomplete. */
        INCOMPLETE
    }

    public Warning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** A {@link Kind#NOTE}: nothing that could hold evidence was lost. */
    public Warning(String file, long line, String message) {
        this(file, line, message, Kind.NOTE);
    }

    /** A warning that something which could hold evidence was not analyzed ({@link Kind#INCOMPLETE}). */
    public static Warning incomplete(String file, long line, String message) {
        return new Warning(file, line, message, Kind.INCOMPLETE);
    }

    /** True when this warning makes the report incomplete. */
    public boolean makesIncomplete() {
        return kind == Kind.INCOMPLETE;
    }

    @Override
    public int compareTo(Warning o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Long.compare(line, o.line);
        }
        if (c == 0) {
            c = message.compareTo(o.message);
        }
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
