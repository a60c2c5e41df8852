package dev.sonde;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One diagnosed problem, ready for a person: what is wrong, why Sonde believes it, what to do.
 *
 * @param id              stable identifier, UPPER_SNAKE (e.g. {@code CLOCK_SKEW}); the public contract
 * @param rank            1 for the root cause to fix first, then 2, 3, ...
 * @param severity        how bad it is
 * @param confidence      how sure Sonde is, 0..1
 * @param title           one line saying what is wrong
 * @param explanation     plain words with the concrete values (issuer, host, port, dates, offset)
 * @param remediation     what to do, in order
 * @param articleStep     the step of Google's "network traffic problems" article this knowledge comes from
 * @param evidence        the log lines (or probe results) that support it, at most a handful
 * @param evidenceOmitted how many more supporting lines exist beyond {@code evidence}
 * @param explainedBy     the id of the finding that causes this one; empty for a root cause (never null)
 * @param params          the concrete values behind the text (host, port, issuer, product...), sorted by key
 */
public record Finding(
        String id,
        int rank,
        Severity severity,
        double confidence,
        String title,
        String explanation,
        List<String> remediation,
        String articleStep,
        List<Evidence> evidence,
        int evidenceOmitted,
        Optional<String> explainedBy,
        Map<String, String> params) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        title = Objects.requireNonNullElse(title, id);
        explanation = Objects.requireNonNullElse(explanation, "");
        remediation = List.copyOf(remediation);
        articleStep = Objects.requireNonNullElse(articleStep, "");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(explainedBy, "explainedBy (Optional.empty() for a root cause)");
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** True for a root cause (nothing else explains it). */
    public boolean isRootCause() {
        return explainedBy.isEmpty();
    }

    /** The same finding at another rank. */
    public Finding withRank(int newRank) {
        return new Finding(id, newRank, severity, confidence, title, explanation, remediation, articleStep,
                evidence, evidenceOmitted, explainedBy, params);
    }
}
