package dev.sonde.rules.model;

import java.util.Objects;

/**
 * "Finding {@link #cause} explains finding {@link #effect}": inserted by DRL rules that sit next to the
 * knowledge (a wrong clock makes a valid certificate look expired). The engine marks the effect
 * {@code explainedBy} its best-ranked cause and ranks it below.
 *
 * @param cause  the finding id that causes the other
 * @param effect the finding id that follows from it
 */
public record Explanation(String cause, String effect) {

    public Explanation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(effect, "effect");
    }
}
