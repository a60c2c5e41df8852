package dev.sonde.facts;

import dev.sonde.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The local clock compared with the {@code Date} header of a catalog server's answer. Evidence file
 * {@code probe:clock}.
 *
 * @param target        the URL whose answer was compared
 * @param offsetSeconds local time minus server time, in seconds (positive: the local clock is ahead)
 * @param status        ok (within the tolerance), problem (skewed), or not run
 * @param serverTime    the server's time, or {@code null} when not measured
 * @param localTime     the local clock's time compared, or {@code null}
 */
public record ClockCheck(String target, long offsetSeconds, ProbeStatus status, Instant serverTime, Instant localTime,
        LogTime time, String thread, Evidence source) implements Fact {

    public ClockCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }

    /** The offset as a duration (sign kept). */
    public Duration offset() {
        return Duration.ofSeconds(offsetSeconds);
    }

    /** {@code ahead} or {@code behind} (or {@code inSync} when the offset is zero). */
    public String clock() {
        return offsetSeconds > 0 ? "ahead" : offsetSeconds < 0 ? "behind" : "inSync";
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the server answered with a Date that agrees with the local clock. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
