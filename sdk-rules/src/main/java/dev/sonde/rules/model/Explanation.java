package dev.sonde.rules.model;

import java.util.Objects;

/**
 * "Finding {@link #cause} explains finding {@link #effect}": inserted by the rule applying {@code explains.json}
 * (or by a pack's own rule). The engine checks it on each target of the effect ({@link #where}, {@link #overlap},
 * {@link #magnitude}); where it holds, the effect names the cause on that target, and an effect explained on every
 * target ranks below its cause.
 *
 * @param cause     the finding id that causes the other
 * @param effect    the finding id that follows from it
 * @param where     where the cause must have been seen for a target of the effect
 * @param overlap   true when their times must overlap on that target
 * @param magnitude which sizes must agree
 */
public record Explanation(String cause, String effect, Where where, boolean overlap, Magnitude magnitude) {

    public Explanation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(effect, "effect");
        where = Objects.requireNonNullElse(where, Where.ANY);
        magnitude = Objects.requireNonNullElse(magnitude, Magnitude.NONE);
    }

    /** A link that holds on every target of the effect (a rule's {@code new Explanation("X", "Y")}). */
    public Explanation(String cause, String effect) {
        this(cause, effect, Where.ANY, false, Magnitude.NONE);
    }
}
