package dev.sonde.facts;

/** How the local clock compares with a server's (the outcome of the clock probe behind a {@link ClockCheck}). */
public enum ClockReason implements ProbeReason {
    /** Within the tolerance. */
    IN_SYNC(ProbeStatus.OK),
    /** Off by more than the tolerance (detail {@code offsetSeconds}: positive when the local clock is ahead). */
    SKEWED(ProbeStatus.PROBLEM),
    /** No usable {@code Date} to compare with (missing or unparsable), so nothing was measured. */
    NO_DATE(ProbeStatus.NOT_RUN);

    private final ProbeStatus status;

    ClockReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
