package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One row of the "A explains B" table (data: the {@code explains} section, {@code explains.json}): when both
 * findings are found and the {@link #scope} holds, {@link #cause} explains {@link #consequence}, which then ranks
 * below it and names it in {@code explainedBy}. One rule applies every row ({@code explains.drl}).
 *
 * @param cause       the finding id that causes the other ({@code CLOCK_SKEW})
 * @param consequence the finding id that follows from it ({@code CERT_EXPIRED})
 * @param scope       where the link holds
 * @param because     why, in one sentence for people reading the data
 */
public record Explains(String cause, String consequence, Scope scope, String because) {

    public Explains {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(consequence, "consequence");
        Objects.requireNonNull(scope, "scope");
        because = Objects.requireNonNullElse(because, "");
    }

    @JsonCreator
    public static Explains of(@JsonProperty("cause") String cause, @JsonProperty("consequence") String consequence,
            @JsonProperty("scope") Scope scope, @JsonProperty("because") String because) {
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
        return new Explains(c, e, scope, because.trim());
    }

    /** The conclusion this row draws, for the engine. */
    public Explanation explanation() {
        return new Explanation(cause, consequence);
    }
}
