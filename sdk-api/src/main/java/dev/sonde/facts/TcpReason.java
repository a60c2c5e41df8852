package dev.sonde.facts;

/** Why a TCP connect ended as it did ({@link PortCheck#reason()}). */
public enum TcpReason implements ProbeReason {
    /** The connection was established (and closed at once). */
    CONNECTED(ProbeStatus.OK),
    /** The host answered with a reset: nothing listens, or a firewall rejects actively. */
    REFUSED(ProbeStatus.PROBLEM),
    /** No answer before the deadline: packets are silently dropped (the usual firewall block). */
    TIMED_OUT(ProbeStatus.PROBLEM),
    /** No route to the host or its network. */
    UNREACHABLE(ProbeStatus.PROBLEM),
    /** The host name did not resolve (or resolution did not finish in time). */
    DNS_FAILED(ProbeStatus.PROBLEM);

    private final ProbeStatus status;

    TcpReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
