package dev.sonde;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem of a rule pack and where it is: what {@code sonde rules check} prints as
 * {@code file:line:col: error: message}, and what a {@link RulePackException} carries.
 *
 * <pre>{@code
 * try {
 *     Sonde.builder().rulePack(Path.of("my-pack")).build();
 * } catch (RulePackException e) {
 *     e.problems().forEach(p -> System.err.println(p)); // certificates.drl:12:4: error: [ERR 102] ...
 * }
 * }</pre>
 *
 * @param file    the file inside the pack, with {@code /} ({@code certificates.drl}, {@code cases/x/expect.json});
 *                {@code "."} for the pack as a whole. In packs layered together, a DRL file's path starts with its
 *                pack's id ({@code gwsmo/certificates.drl})
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param level   {@link Level#ERROR} (the pack is refused) or {@link Level#WARNING}
 * @param message what is wrong, on one line
 */
public record PackProblem(String file, int line, int column, Level level, String message) {

    /** How bad a pack problem is: an error means the pack is refused. */
    public enum Level {
        ERROR, WARNING;

        /** {@code error} or {@code warning}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public PackProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative, were " + line + ":" + column);
        }
    }

    /** An error of {@code file} (line and column unknown). */
    public static PackProblem error(String file, String message) {
        return new PackProblem(file, 0, 0, Level.ERROR, message);
    }

    /** A warning about {@code file} (line and column unknown). */
    public static PackProblem warning(String file, String message) {
        return new PackProblem(file, 0, 0, Level.WARNING, message);
    }

    /** True for an error. */
    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line:col: error: message}, the line and column left out when unknown. */
    @Override
    public String toString() {
        return format(file);
    }

    /** Like {@link #toString()} with {@code file} written as given (e.g. prefixed with the pack's folder). */
    public String format(String shownFile) {
        return place(shownFile) + ": " + level.label() + ": " + message;
    }

    /** {@code file:line:col: message}, the line and column left out when unknown: how a refusal names it. */
    public String located() {
        return place(file) + ": " + message;
    }

    private String place(String shownFile) {
        return shownFile + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }
}
