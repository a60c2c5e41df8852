package dev.sonde;

import dev.sonde.facts.LogTime;
import dev.sonde.facts.MachineTimes;
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
 * @param explainedBy     the id of the finding that causes this one on every one of its targets; empty when it is a
 *                        root cause on at least one target (never null). {@link #causes()} names the causes it has on
 *                        some targets, so a reader sees "root cause here, consequence there"
 * @param params          the concrete values behind the text (host, port, issuer, product...), sorted by key
 * @param targets         where it was seen, each with its times, count, state, cause and evidence; ordered by first
 *                        seen, then target. Empty only for findings built without targets (older callers)
 * @param state           where it stands at the end of the input: the most pressing of its targets' states
 *                        ({@link Target.State#ONGOING} when it has none)
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
        Map<String, String> params,
        List<FindingTarget> targets,
        Target.State state) {

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
        targets = List.copyOf(targets);
        Objects.requireNonNull(state, "state");
    }

    /** A finding without targets (before issue 10): no target, {@link Target.State#ONGOING}. */
    public Finding(String id, int rank, Severity severity, double confidence, String title, String explanation,
            List<String> remediation, String articleStep, List<Evidence> evidence, int evidenceOmitted,
            Optional<String> explainedBy, Map<String, String> params) {
        this(id, rank, severity, confidence, title, explanation, remediation, articleStep, evidence, evidenceOmitted,
                explainedBy, params, List.of(), Target.State.ONGOING);
    }

    /**
     * The time of its first failing attempt over all targets; empty when no target's evidence has a time. Times are
     * compared as one machine's ({@link MachineTimes}): an authorization log's zone-less time at its trace logs' offset.
     */
    public Optional<LogTime> firstSeen() {
        return seen().stream().min(MachineTimes.of(seen()));
    }

    /** The time of its last failing attempt over all targets, compared as {@link #firstSeen()}; empty when none has one. */
    public Optional<LogTime> lastSeen() {
        return seen().stream().max(MachineTimes.of(seen()));
    }

    private List<LogTime> seen() {
        return targets.stream().flatMap(t -> java.util.stream.Stream.of(t.firstSeen(), t.lastSeen())).flatMap(Optional::stream)
                .toList();
    }

    /**
     * The distinct findings that cause it on some of its targets, in order of its targets. With
     * {@link #isRootCause()} true and this list not empty, it is a root cause on one target and a consequence on
     * another.
     */
    public List<String> causes() {
        return targets.stream().map(FindingTarget::explainedBy).flatMap(Optional::stream).distinct().toList();
    }

    /** True for a root cause: nothing else explains it on at least one of its targets. */
    public boolean isRootCause() {
        return explainedBy.isEmpty();
    }

    /** The same finding at another rank. */
    public Finding withRank(int newRank) {
        return new Finding(id, newRank, severity, confidence, title, explanation, remediation, articleStep,
                evidence, evidenceOmitted, explainedBy, params, targets, state);
    }
}
