package dev.sonde;

import java.util.List;

/**
 * A rule pack was refused: it cannot be read, breaks a limit, is not signed by the trusted key, or does not
 * compile. {@link #getMessage()} says it in sentences (naming the pack, file and line); {@link #problems()} lists
 * the same problems one by one, with file, line and column, for a program to show or check.
 */
public class RulePackException extends SondeException {
    private static final long serialVersionUID = 1L;

    private final List<PackProblem> problems;

    /**
     * @param message  the problems in sentences
     * @param problems the problems, at least one
     */
    public RulePackException(String message, List<PackProblem> problems) {
        this(message, problems, null);
    }

    /**
     * @param message  the problems in sentences
     * @param problems the problems, at least one
     * @param cause    what went wrong underneath, or null
     */
    public RulePackException(String message, List<PackProblem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a refused rule pack has at least one problem");
        }
    }

    /** A problem of the pack as a whole: one error of file {@code "."} whose message is {@code message}. */
    public RulePackException(String message, Throwable cause) {
        this(message, List.of(PackProblem.error(".", oneLine(message))), cause);
    }

    /** A problem of the pack as a whole (see {@link #RulePackException(String, Throwable)}). */
    public RulePackException(String message) {
        this(message, (Throwable) null);
    }

    /** The problems, in the order found; never empty. */
    public List<PackProblem> problems() {
        return problems;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown problem" : message.replaceAll("\\s+", " ").strip();
    }
}
