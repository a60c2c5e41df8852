package dev.sonde.facts;

/** How an HTTPS request to an allow-listed URL ended ({@link UrlCheck#reason()}). */
public enum UrlReason implements ProbeReason {
    /** The genuine server answered (any status: 401, 404 and redirects included). */
    ANSWERED(ProbeStatus.OK),
    /** Something in between answered with a block (403/451/511 carrying a proxy's {@code Via} or a non-Google {@code Server}). */
    FILTERED(ProbeStatus.PROBLEM),
    /** The proxy in the way asked for credentials (407). */
    PROXY_AUTH_REQUIRED(ProbeStatus.PROBLEM),
    /** The TLS handshake failed with the catalog's anchors: the chain is not Google's, or not for this name. */
    UNTRUSTED(ProbeStatus.PROBLEM),
    /** The connection was reset. */
    RESET(ProbeStatus.PROBLEM),
    /** The connection was refused. */
    REFUSED(ProbeStatus.PROBLEM),
    /** No answer by the deadline. */
    TIMED_OUT(ProbeStatus.PROBLEM),
    /** Any other failure (detail {@code error}). */
    FAILED(ProbeStatus.PROBLEM);

    private final ProbeStatus status;

    UrlReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
