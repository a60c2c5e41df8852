package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;

/**
 * Stops a script from inside the engine: thrown by the instruction observer at the deadline or past the
 * budget, and by the guarded built-ins past their limits. An {@link Error}, not an exception, because Rhino's
 * interpreter lets a script's {@code catch} see exceptions but not errors: a script cannot swallow its stop
 * (its {@code finally} blocks still run, and are stopped the same way).
 */
final class SandboxStop extends Error {

    private final PacFailureReason reason;

    SandboxStop(PacFailureReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    PacFailureReason reason() {
        return reason;
    }
}
