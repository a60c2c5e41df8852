package dev.sonde.probes;

import dev.sonde.facts.ProbeReason;
import dev.sonde.facts.ProbeStatus;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one probe found: its status, a typed reason, the target it looked at, a small detail map
 * and how long it took. Immutable; the detail map is copied, sorted by key and unmodifiable, so
 * equal findings compare and print the same way.
 *
 * <p>The status follows from the reason ({@link ProbeReason#status()}); the constructor rejects a
 * pair that disagrees. Detail values are plain data (numbers, names, addresses, issuer DNs), never
 * prose and never credentials; each probe documents its keys.
 *
 * @param status  ok, problem or not run, as fixed by the reason
 * @param reason  why, in the probe family's own terms
 * @param target  what was probed ({@code host:port}, a URL, a proxy)
 * @param detail  measured facts backing the reason, keyed by the probe's documented keys
 * @param elapsed wall time the probe took (zero for pure computations)
 * @param <R>     the probe family's reason type
 */
public record ProbeOutcome<R extends Enum<R> & ProbeReason>(
        ProbeStatus status, R reason, String target, Map<String, String> detail, Duration elapsed) {

    public ProbeOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(elapsed, "elapsed");
        if (reason.status() != status) {
            throw new IllegalArgumentException("reason " + reason + " means " + reason.status() + ", not " + status);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, was " + elapsed);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "detail key"), Objects.requireNonNull(v, "detail value")));
        }
        detail = Collections.unmodifiableMap(copy);
    }

    /** An outcome whose status is the reason's own. */
    public static <R extends Enum<R> & ProbeReason> ProbeOutcome<R> of(
            R reason, String target, Map<String, String> detail, Duration elapsed) {
        return new ProbeOutcome<>(reason.status(), reason, target, detail, elapsed);
    }

    /** True when the check ran and found no problem. */
    public boolean ok() {
        return status == ProbeStatus.OK;
    }

    /** True when the check ran and found a problem. */
    public boolean problem() {
        return status == ProbeStatus.PROBLEM;
    }

    /** A detail value, or {@code ""} when the probe did not record that key. */
    public String detail(String key) {
        return detail.getOrDefault(key, "");
    }

    @Override
    public String toString() {
        return status + "(" + reason.name() + ") " + target + " " + detail + " in " + elapsed.toMillis() + " ms";
    }
}
