package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import java.util.Objects;

/** A PAC script that could not be fetched or gave no route: why, and one line of detail. */
public final class PacException extends Exception {

    private final PacFailureReason reason;

    public PacException(PacFailureReason reason, String detail) {
        super(Objects.requireNonNullElse(detail, ""));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PacFailureReason reason() {
        return reason;
    }

    /** The detail line (the message). */
    public String detail() {
        return getMessage();
    }
}
