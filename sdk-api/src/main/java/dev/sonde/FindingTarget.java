package dev.sonde;

import dev.sonde.facts.LogTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One target of a {@link Finding}: where the problem was seen, when, how often, where it stands and what causes it
 * there. A finding can be a root cause on one target and a consequence on another.
 *
 * @param target      what the problem is about ({@link Target#MACHINE} for this computer as a whole,
 *                    {@link Target#unknown()} for a destination the log did not write)
 * @param firstSeen   the time of its first failing attempt on this target; empty when the evidence has no time
 * @param lastSeen    the time of its last failing attempt on this target; empty when the evidence has no time
 * @param count       the number of attempts (log connection attempts or probe checks) it was seen in, at least 1
 * @param state       where it stands at the end of the input
 * @param explainedBy the finding that causes it on this target; empty where it is a root cause (never null)
 * @param evidence    the lines (or probe results) that show it on this target, at most a handful
 */
public record FindingTarget(Target target, Optional<LogTime> firstSeen, Optional<LogTime> lastSeen, int count,
        Target.State state, Optional<String> explainedBy, List<Evidence> evidence) {

    public FindingTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(firstSeen, "firstSeen (Optional.empty() when unknown)");
        Objects.requireNonNull(lastSeen, "lastSeen (Optional.empty() when unknown)");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explainedBy, "explainedBy (Optional.empty() for a root cause)");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        evidence = List.copyOf(evidence);
    }

    /** True where nothing else explains it on this target. */
    public boolean isRootCause() {
        return explainedBy.isEmpty();
    }
}
