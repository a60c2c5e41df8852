package dev.sonde.facts;

/** Why a revocation check ended as it did ({@link RevocationCheck#reason()}): a CRL, an OCSP request or a plain GET. */
public enum RevocationReason implements ProbeReason {
    /** A verified, current answer says the certificate is not revoked. */
    GOOD(ProbeStatus.OK),
    /** A catalog revocation host answered a plain GET (any HTTP status): port 80 to it is open. */
    REACHABLE(ProbeStatus.OK),
    /** A verified answer says the certificate is revoked. */
    REVOKED(ProbeStatus.PROBLEM),
    /** A verified OCSP answer says the responder does not know the certificate. */
    UNKNOWN(ProbeStatus.PROBLEM),
    /** The revocation server could not be reached (refused, unroutable, name not resolved). */
    UNREACHABLE(ProbeStatus.PROBLEM),
    /** The revocation server did not answer in time. */
    TIMED_OUT(ProbeStatus.PROBLEM),
    /** An answer came but is unusable: HTTP error or redirect, too large, unparsable, bad signature, wrong issuer, wrong nonce. */
    BAD_RESPONSE(ProbeStatus.PROBLEM),
    /** A verified answer whose next update is already past at the probe's clock time. */
    STALE(ProbeStatus.PROBLEM),
    /** The certificate names no usable (HTTP) CRL or OCSP location, so nothing was fetched. */
    NO_URL(ProbeStatus.NOT_RUN);

    private final ProbeStatus status;

    RevocationReason(ProbeStatus status) {
        this.status = status;
    }

    @Override
    public ProbeStatus status() {
        return status;
    }
}
