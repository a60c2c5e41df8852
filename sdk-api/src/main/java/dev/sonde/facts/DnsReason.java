package dev.sonde.facts;

/** How a host name lookup ended ({@link DnsCheck#reason()}). */
public enum DnsReason implements ProbeReason {
    /** The name resolved to at least one address. */
    RESOLVED(ProbeStatus.OK),
    /** The name does not exist, or the lookup failed. */
    NOT_FOUND(ProbeStatus.PROBLEM),
    /** The lookup did not finish by the deadline. */
    TIMED_OUT(ProbeStatus.PROBLEM);

    private final ProbeStatus status;

    DnsReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
