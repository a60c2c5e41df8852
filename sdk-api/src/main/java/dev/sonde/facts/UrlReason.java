package dev.sonde.facts;

/** How an HTTPS request to an allow-listed URL ended ({@link UrlCheck#reason()}). */
public enum UrlReason implements ProbeReason {
    /**
     * An HTTP answer came (any status: 401, 404 and redirects included). Whether it is Google's or a filtering
     * proxy's block page (a 403 naming a proxy in {@code Via}) is the rule pack's judgement
     * ({@code google-answers.json}).
     */
    ANSWERED(ProbeStatus.OK),
    /**
     * A proxy refused the tunnel to the URL's host with a block status (403, 451, 511). (Recorded probes of Sonde
     * before issue 9 also hold it for block pages answered inside the tunnel, which the rules judge now.)
     */
    FILTERED(ProbeStatus.PROBLEM),
    /** The proxy in the way asked for credentials (407). */
    PROXY_AUTH_REQUIRED(ProbeStatus.PROBLEM),
    /** The TLS handshake failed with the catalog's anchors: the chain is not Google's, or not for this name. */
    UNTRUSTED(ProbeStatus.PROBLEM),
    /**
     * Something answered the TLS handshake with bytes that are not TLS (a plain-HTTP server, a banner, noise): no
     * chain came, so nothing says the certificate was refused. Detail {@code error}.
     */
    BAD_RESPONSE(ProbeStatus.PROBLEM),
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
