package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.Severity;
import dev.sonde.facts.NetworkErrorKind;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a kind of network error a log records means (data: the {@code networkErrors} section,
 * {@code network-errors.json}): the finding it raises, how bad and how sure, and the article step. One rule
 * ({@code ports.drl}) applies every row, so adding a kind or changing what one means needs no DRL.
 *
 * @param kind        the network error's kind ({@code TIMEOUT}, {@code NAME_NOT_RESOLVED} ...)
 * @param finding     the finding id it raises
 * @param severity    how bad
 * @param confidence  how sure, 0..1
 * @param articleStep the article step, or {@code ""}
 * @param because     why, for people reading the data
 */
public record NetworkErrorFinding(NetworkErrorKind kind, String finding, Severity severity, double confidence,
        String articleStep, String because) implements FindingMetadata, Serializable {

    public NetworkErrorFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(severity, "severity");
        articleStep = Objects.requireNonNullElse(articleStep, "");
        because = Objects.requireNonNullElse(because, "");
    }

    @JsonCreator
    public static NetworkErrorFinding of(@JsonProperty("kind") NetworkErrorKind kind, @JsonProperty("finding") String finding,
            @JsonProperty("severity") String severity, @JsonProperty("confidence") Double confidence,
            @JsonProperty("articleStep") String articleStep, @JsonProperty("because") String because) {
        if (kind == null) {
            throw new IllegalArgumentException("'kind' is missing");
        }
        return new NetworkErrorFinding(kind, RuleMetadata.checkedId("finding", finding), RuleMetadata.checkedSeverity(severity),
                RuleMetadata.checkedConfidence(confidence), articleStep == null ? "" : articleStep.trim(), because);
    }
}
