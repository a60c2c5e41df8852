package dev.sonde.facts;

/**
 * Why a TLS chain check ended as it did ({@link ServedChain#reason()}). The problem constants are declared in order of
 * precedence: when a chain has several problems the outcome names the first, and
 * {@link ServedChain#problems()} lists them all.
 */
public enum TlsReason implements ProbeReason {
    /** The chain verifies against the given anchors, is valid now and names the host. */
    TRUSTED(ProbeStatus.OK),
    /** The chain does not lead to any of the given anchors: an interceptor's or an unknown CA. */
    UNTRUSTED_CHAIN(ProbeStatus.PROBLEM),
    /** A certificate of the chain has expired at the probe's clock time. */
    EXPIRED(ProbeStatus.PROBLEM),
    /** A certificate of the chain is not yet valid at the probe's clock time. */
    NOT_YET_VALID(ProbeStatus.PROBLEM),
    /** The leaf certificate does not name the host. */
    NAME_MISMATCH(ProbeStatus.PROBLEM),
    /** The server (or something in between) broke off the handshake. */
    HANDSHAKE_FAILED(ProbeStatus.PROBLEM),
    /** The server (or something in between) answered the ClientHello with bytes that are not TLS: no chain came. */
    BAD_RESPONSE(ProbeStatus.PROBLEM),
    /** The TCP connection opened but the handshake did not finish by the deadline. */
    TIMED_OUT(ProbeStatus.PROBLEM),
    /** No TCP connection (detail {@code tcp} says why), so no handshake was tried. */
    CONNECT_FAILED(ProbeStatus.NOT_RUN),
    /** The host name did not resolve, so no connection was tried. */
    DNS_FAILED(ProbeStatus.NOT_RUN);

    private final ProbeStatus status;

    TlsReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
