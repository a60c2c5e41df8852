package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of the "A explains B" table (data: the {@code explains} section, {@code explains.json}): when both
 * findings are found and the {@link #scope} holds, {@link #cause} explains {@link #consequence}, which then ranks
 * below it and names it in {@code explainedBy}. One rule applies every row ({@code explains.drl}); the engine then
 * checks the link on each of the consequence's targets ({@link #where}, {@link #overlap}, {@link #magnitude}).
 *
 * @param cause       the finding id that causes the other ({@code CLOCK_SKEW})
 * @param consequence the finding id that follows from it ({@code CERT_EXPIRED})
 * @param scope       when the link holds at all (a rule inserts {@link ScopeHolds})
 * @param because     why, in one sentence for people reading the data
 * @param where       where the cause must have been seen for a target of the consequence ({@link Where#ANY} when
 *                    the row does not say)
 * @param overlap     true when the cause's times must overlap the consequence's on that target (a minute's
 *                    tolerance; a live probe's "now" never overlaps an old log)
 * @param magnitude   which sizes must agree ({@link Magnitude#NONE} when the row does not say)
 */
public record Explains(String cause, String consequence, Scope scope, String because, Where where, boolean overlap,
        Magnitude magnitude) implements Serializable {

    public Explains {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(scope, "scope");
        because = Objects.requireNonNullElse(because, "");
        where = Objects.requireNonNullElse(where, Where.ANY);
        magnitude = Objects.requireNonNullElse(magnitude, Magnitude.NONE);
    }

    /** A row that holds on every target (no {@code where}, {@code overlap} or {@code magnitude}). */
    public Explains(String cause, String consequence, Scope scope, String because) {
        this(cause, consequence, scope, because, Where.ANY, false, Magnitude.NONE);
    }

    @JsonCreator
    public static Explains of(@JsonProperty("cause") String cause, @JsonProperty("consequence") String consequence,
            @JsonProperty("scope") Scope scope, @JsonProperty("because") String because,
            @JsonProperty("where") Where where, @JsonProperty("overlap") Boolean overlap,
            @JsonProperty("magnitude") Magnitude magnitude) {
        String c = RuleMetadata.checkedId("cause", cause);
        String e = RuleMetadata.checkedId("consequence", consequence);
        if (c.equals(e)) {
            throw new IllegalArgumentException("a finding cannot explain itself: " + c);
        }
        if (scope == null) {
            throw new IllegalArgumentException("'scope' is missing (always, secure_retry, ...)");
        }
        if (because == null || because.isBlank()) {
            throw new IllegalArgumentException("'because' is missing: say in one sentence why " + c + " explains " + e);
        }
        return new Explains(c, e, scope, because.trim(), where, Boolean.TRUE.equals(overlap), magnitude);
    }

    /** The conclusion this row draws, for the engine (which checks it on each target). */
    public Explanation explanation() {
        return new Explanation(cause, consequence, where, overlap, magnitude);
    }
}
