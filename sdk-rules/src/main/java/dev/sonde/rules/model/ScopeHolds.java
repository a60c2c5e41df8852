package dev.sonde.rules.model;

import dev.sonde.facts.Fact;
import java.util.Objects;

/**
 * Says that a {@link Scope} holds, inserted (logically) by the rule that knows when: for every cause, or only for
 * causes whose evidence holds {@link #anchor} (a scope about one connection attempt).
 *
 * @param scope  the scope
 * @param anchor the fact a cause's evidence must hold, or {@code null} when the scope holds for every cause
 */
public record ScopeHolds(Scope scope, Fact anchor) {

    public ScopeHolds {
        Objects.requireNonNull(scope, "scope");
    }

    /** {@code scope} holds for every cause. */
    public static ScopeHolds of(Scope scope) {
        return new ScopeHolds(scope, null);
    }

    /** {@code scope} holds for the causes whose evidence holds {@code anchor}. */
    public static ScopeHolds forCausesWith(Scope scope, Fact anchor) {
        return new ScopeHolds(scope, Objects.requireNonNull(anchor, "anchor"));
    }

    /** True when it holds for this cause. */
    public boolean holdsFor(Detection cause) {
        return anchor == null || cause.facts().contains(anchor);
    }
}
