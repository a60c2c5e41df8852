package dev.sonde.probes.clock;

import dev.sonde.facts.ClockReason;
import dev.sonde.probes.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * A comparison of the local clock with a server's {@code Date}.
 *
 * @param outcome    the verdict
 * @param offset     local time minus server time (positive: the local clock is ahead), or {@code null}
 *                   when nothing was measured
 * @param serverTime the server's time as its {@code Date} header gave it, or {@code null}
 * @param localTime  the local clock's time the comparison used
 */
public record ClockReading(ProbeOutcome<ClockReason> outcome, Duration offset, Instant serverTime, Instant localTime) {
}
