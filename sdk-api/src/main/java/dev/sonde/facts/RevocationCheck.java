package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A live revocation check (article steps 1-2: CRLs and OCSP over plain HTTP, TCP 80): a CRL
 * downloaded and verified, an OCSP request answered, or a catalog revocation URL reached.
 * Evidence file {@code probe:revocation}.
 *
 * @param kind   {@code crl}, {@code ocsp}, or {@code http} (a catalog revocation host reached with a plain GET)
 * @param url    the URL used
 * @param host   its host
 * @param status ok, problem, or not run
 * @param reason {@code GOOD} / {@code REACHABLE}, {@code REVOKED}, {@code UNKNOWN}, {@code UNREACHABLE},
 *               {@code TIMED_OUT}, {@code BAD_RESPONSE}, {@code STALE}, {@code NO_URL}; its status is {@code status}
 * @param servedBy the {@code host:port} that served the leaf checked (CRL or OCSP of a served leaf); {@code ""} for a
 *               plain GET of a catalog URL. A revoked leaf is that server's problem, not the revocation host's
 */
public record RevocationCheck(RevocationKind kind, String url, String host, ProbeStatus status, RevocationReason reason,
        LogTime time, String thread, Evidence source, String servedBy) implements Fact {

    public RevocationCheck {
        servedBy = servedBy == null ? "" : servedBy; // recordings made before servedBy existed
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        ProbeFacts.agree(status, reason);
    }

    /** A check that names no served leaf (a plain GET, or a recording made before {@code servedBy} existed). */
    public RevocationCheck(RevocationKind kind, String url, String host, ProbeStatus status, RevocationReason reason,
            LogTime time, String thread, Evidence source) {
        this(kind, url, host, status, reason, time, thread, source, "");
    }

    /** True when the check could not be completed (as opposed to completed with "revoked"). */
    public boolean failed() {
        return status == ProbeStatus.PROBLEM && reason != RevocationReason.REVOKED;
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the revocation data was fetched and verified. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
