package dev.sonde.facts;

import dev.sonde.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The certificate chain a catalog host presented to a live TLS probe, captured without trusting it
 * and then verified (PKIX) against the catalog's trust anchors only, with validity judged at the
 * probe's clock and the leaf matched against the host name. Unlike {@link Certificate} (text from a
 * log), this is a verified observation: {@link TlsReason#UNTRUSTED_CHAIN} means no catalog anchor signed it.
 * Evidence file {@code probe:tls}.
 *
 * @param host        the catalog host (sent as SNI and checked against the leaf)
 * @param port        the port
 * @param status      ok (trusted, valid, named), problem, or not run
 * @param reason      the first problem ({@code UNTRUSTED_CHAIN}, {@code EXPIRED}, {@code NOT_YET_VALID},
 *                    {@code NAME_MISMATCH}, {@code HANDSHAKE_FAILED}, {@code BAD_RESPONSE}, {@code TIMED_OUT}), or {@code TRUSTED};
 *                    its status is {@code status}
 * @param problems    every chain problem found ({@code UNTRUSTED_CHAIN}, {@code EXPIRED}, {@code NOT_YET_VALID},
 *                    {@code NAME_MISMATCH})
 * @param leafSubject the leaf's subject DN (RFC 2253), or {@code ""} when no chain was seen
 * @param leafIssuer  the leaf's issuer DN
 * @param topIssuer   the issuer DN of the last certificate presented (typically the root that made the chain)
 * @param issuers     every issuer DN of the presented chain, leaf first
 * @param notBefore   the leaf's start of validity, or {@code null}
 * @param notAfter    the leaf's end of validity, or {@code null}
 * @param sha256      the leaf's SHA-256 fingerprint (lower-case hex), or {@code ""}
 * @param checkedAt   the local clock's time validity was judged at, or {@code null} when no chain was seen
 */
public record ServedChain(String host, int port, ProbeStatus status, TlsReason reason, List<TlsReason> problems,
        String leafSubject, String leafIssuer, String topIssuer, List<String> issuers, Instant notBefore, Instant notAfter,
        String sha256, Instant checkedAt, LogTime time, String thread, Evidence source) implements Fact {

    public ServedChain {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        ProbeFacts.agree(status, reason);
        problems = List.copyOf(problems);
        leafSubject = Objects.requireNonNullElse(leafSubject, "");
        leafIssuer = Objects.requireNonNullElse(leafIssuer, "");
        topIssuer = Objects.requireNonNullElse(topIssuer, "");
        issuers = List.copyOf(issuers);
        sha256 = Objects.requireNonNullElse(sha256, "");
    }

    /** True when the chain showed this problem ({@link TlsReason#UNTRUSTED_CHAIN}, {@link TlsReason#EXPIRED} ...). */
    public boolean has(TlsReason problem) {
        return problems.contains(problem);
    }

    /** True when a chain was captured (the handshake got as far as the server's certificates). */
    public boolean captured() {
        return !leafSubject.isEmpty();
    }

    /** The leaf's common name ({@code *.google.com}), or its subject DN. */
    public String subjectName() {
        return ProbeFacts.commonName(leafSubject);
    }

    /** The leaf issuer's common name ({@code WR2}, {@code DO_NOT_TRUST_FiddlerRoot}), or its DN. */
    public String issuerName() {
        return ProbeFacts.commonName(leafIssuer);
    }

    /** The top issuer's common name (the root that made the chain), or its DN. */
    public String topIssuerName() {
        return ProbeFacts.commonName(topIssuer);
    }

    /** Every attribute value of every issuer DN ({@code DO_NOT_TRUST_FiddlerRoot}, {@code DO_NOT_TRUST} ...), for pattern matching. */
    public List<String> issuerValues() {
        List<String> out = new ArrayList<>();
        for (String dn : issuers) {
            for (String v : ProbeFacts.values(dn)) {
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** True when the leaf is outside its validity at {@link #checkedAt()}. */
    public boolean leafOutsideValidity() {
        return checkedAt != null && notBefore != null && notAfter != null
                && (checkedAt.isBefore(notBefore) || checkedAt.isAfter(notAfter));
    }

    /** How far {@link #checkedAt()} is outside the leaf's validity (zero when inside or unknown). */
    public java.time.Duration outsideValidityBy() {
        if (!leafOutsideValidity()) {
            return java.time.Duration.ZERO;
        }
        return checkedAt.isAfter(notAfter) ? java.time.Duration.between(notAfter, checkedAt)
                : java.time.Duration.between(checkedAt, notBefore);
    }

    /** {@code ahead} when the clock is past the leaf's end, {@code behind} before its start, else {@code ""}. */
    public String clock() {
        if (!leafOutsideValidity()) {
            return "";
        }
        return checkedAt.isAfter(notAfter) ? "ahead" : "behind";
    }

    /** {@code host:port}. */
    public String target() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the served chain verified against the anchors for the host. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
