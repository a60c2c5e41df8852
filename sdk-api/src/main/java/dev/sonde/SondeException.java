package dev.sonde;

/**
 * Thrown when Sonde cannot do what was asked at all (no rule engine on the class path, a rule pack
 * that does not compile). Bad log content never throws: it becomes warnings in the {@link Report}.
 */
public class SondeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SondeException(String message) {
        super(message);
    }

    public SondeException(String message, Throwable cause) {
        super(message, cause);
    }
}
