package dev.sonde.probes.tls;

import dev.sonde.facts.TlsReason;
import dev.sonde.probes.revocation.RevocationProbe;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Judges a presented chain in three independent steps, so that each problem is named on its own:
 * <ol>
 *   <li><b>trust</b>: a PKIX path (JDK {@code CertPathBuilder}) from the leaf, through the presented
 *       certificates only, to one of the given anchors. Signatures, basic constraints and key usage
 *       decide; names never do. Revocation is not consulted here (see {@link RevocationProbe}). The
 *       path is built at a time inside the certificates' common validity window (the clock time
 *       itself when possible), so an expired but genuine chain still reads as trusted;</li>
 *   <li><b>time</b>: every certificate of the path (or, untrusted, of the presented chain) against
 *       the clock's time;</li>
 *   <li><b>name</b>: the leaf against the server name ({@link HostnameMatcher}).</li>
 * </ol>
 */
public final class ChainVerifier {

    /** Detail key: the trust anchor's subject DN, when the chain verified. */
    static final String ANCHOR = "anchor";
    /** Detail key: why PKIX rejected the chain. */
    static final String PKIX_ERROR = "pkixError";
    /** Detail key: the certificate that is outside its validity at the clock's time. */
    static final String INVALID_CERTIFICATE = "invalidCertificate";

    /** The verdict: problems in precedence order (empty = trusted) and the evidence. */
    record Verdict(List<TlsReason> problems, Map<String, String> detail, List<X509Certificate> path) {
        Verdict {
            problems = List.copyOf(problems);
            detail = Map.copyOf(detail);
            path = List.copyOf(path);
        }
    }

    private final Set<TrustAnchor> anchors;

    ChainVerifier(Set<TrustAnchor> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        this.anchors = Set.copyOf(anchors);
    }

    Verdict verify(List<X509Certificate> presented, String serverName, Instant now) {
        if (presented.isEmpty()) {
            throw new IllegalArgumentException("empty chain");
        }
        EnumSet<TlsReason> problems = EnumSet.noneOf(TlsReason.class);
        Map<String, String> detail = new LinkedHashMap<>();
        X509Certificate leaf = presented.get(0);

        List<X509Certificate> path = buildPath(presented, trustTime(presented, now), detail);
        if (path.isEmpty()) {
            problems.add(TlsReason.UNTRUSTED_CHAIN);
        }

        for (X509Certificate c : path.isEmpty() ? presented : path) {
            Date at = Date.from(now);
            if (at.after(c.getNotAfter())) {
                problems.add(TlsReason.EXPIRED);
                detail.putIfAbsent(INVALID_CERTIFICATE, name(c.getSubjectX500Principal()));
            } else if (at.before(c.getNotBefore())) {
                problems.add(TlsReason.NOT_YET_VALID);
                detail.putIfAbsent(INVALID_CERTIFICATE, name(c.getSubjectX500Principal()));
            }
        }

        if (!HostnameMatcher.matches(serverName, leaf)) {
            problems.add(TlsReason.NAME_MISMATCH);
        }
        return new Verdict(new ArrayList<>(problems), detail, path);
    }

    /** The path leaf → ... → anchor certificate, or empty when no anchor is reached. */
    private List<X509Certificate> buildPath(List<X509Certificate> presented, Instant at, Map<String, String> detail) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(presented.get(0));
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(presented)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            TrustAnchor anchor = result.getTrustAnchor();
            if (anchor.getTrustedCert() != null) {
                path.add(anchor.getTrustedCert());
                detail.put(ANCHOR, name(anchor.getTrustedCert().getSubjectX500Principal()));
            } else {
                detail.put(ANCHOR, anchor.getCAName());
            }
            return path;
        } catch (GeneralSecurityException | RuntimeException e) {
            detail.put(PKIX_ERROR, String.valueOf(e.getMessage()));
            return List.of();
        }
    }

    /**
     * {@code now} moved into the window where every presented certificate is valid (or, when the
     * windows do not overlap, into the leaf's): trust is judged apart from time.
     */
    static Instant trustTime(List<X509Certificate> presented, Instant now) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        for (X509Certificate c : presented) {
            Instant nb = c.getNotBefore().toInstant();
            Instant na = c.getNotAfter().toInstant();
            from = nb.isAfter(from) ? nb : from;
            to = na.isBefore(to) ? na : to;
        }
        if (from.isAfter(to)) {
            from = presented.get(0).getNotBefore().toInstant();
            to = presented.get(0).getNotAfter().toInstant();
        }
        return now.isBefore(from) ? from : now.isAfter(to) ? to : now;
    }

    /** Distinct issuer DNs of the presented chain, leaf first. */
    static List<String> issuers(List<X509Certificate> presented) {
        Set<String> out = new LinkedHashSet<>();
        presented.forEach(c -> out.add(name(c.getIssuerX500Principal())));
        return List.copyOf(out);
    }

    public static String name(X500Principal p) {
        return p.getName(X500Principal.RFC2253);
    }
}
