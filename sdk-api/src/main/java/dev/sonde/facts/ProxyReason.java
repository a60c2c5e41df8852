package dev.sonde.facts;

/** How a proxy treated a request sent through it without credentials ({@link ProxyCheck#reason()}). */
public enum ProxyReason implements ProbeReason {
    /** The proxy opened the tunnel (CONNECT) or passed the request on, without asking for credentials. */
    OPEN(ProbeStatus.OK),
    /** The proxy answered 407 Proxy Authentication Required: an authenticated proxy, which GWSMO cannot use. */
    AUTH_REQUIRED(ProbeStatus.PROBLEM),
    /** The proxy answered with another refusal (403, 502, ...): detail {@code httpStatus}. */
    DENIED(ProbeStatus.PROBLEM),
    /** The proxy answered with something that is not HTTP, or closed without answering. */
    BAD_RESPONSE(ProbeStatus.PROBLEM),
    /** The proxy accepted the connection but did not answer by the deadline. */
    TIMED_OUT(ProbeStatus.PROBLEM),
    /** The proxy itself could not be reached (detail {@code tcp} says how it failed). */
    PROXY_UNREACHABLE(ProbeStatus.PROBLEM),
    /** The proxy's host name did not resolve. */
    DNS_FAILED(ProbeStatus.PROBLEM);

    private final ProbeStatus status;

    ProxyReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
