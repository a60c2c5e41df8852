package dev.sonde.probes.tls;

import dev.sonde.facts.TlsReason;
import dev.sonde.probes.ProbeOutcome;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link TlsChainProbe} saw: the outcome, the chain as presented (readable and raw), every
 * problem found, and the verified path when there is one.
 *
 * @param outcome      the verdict; its reason is the first of {@code problems}, or another reason when
 *                     no chain was seen
 * @param chain        the presented certificates, as sent (leaf first), as plain data
 * @param problems     every chain problem found, in {@link TlsReason} precedence order; empty when trusted
 *                     or when no chain was seen
 * @param certificates the presented certificates themselves, for follow-up checks (revocation)
 * @param verifiedPath leaf → ... → trust anchor when the chain verified, else empty
 * @param protocol     negotiated protocol ({@code TLSv1.3}), or {@code ""} when the handshake did not finish
 * @param cipherSuite  negotiated cipher suite, or {@code ""}
 */
public record TlsChainResult(
        ProbeOutcome<TlsReason> outcome, List<CertificateInfo> chain, List<TlsReason> problems,
        List<X509Certificate> certificates, List<X509Certificate> verifiedPath, String protocol, String cipherSuite) {

    public TlsChainResult {
        chain = List.copyOf(chain);
        problems = List.copyOf(problems);
        certificates = List.copyOf(certificates);
        verifiedPath = List.copyOf(verifiedPath);
    }

    /** The presented leaf, as data. */
    public Optional<CertificateInfo> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /** The presented leaf certificate. */
    public Optional<X509Certificate> leafCertificate() {
        return certificates.isEmpty() ? Optional.empty() : Optional.of(certificates.get(0));
    }

    /**
     * The certificate that signed the leaf: from the verified path, else the presented certificate
     * whose subject is the leaf's issuer and whose key verifies the leaf's signature.
     */
    public Optional<X509Certificate> leafIssuerCertificate() {
        if (verifiedPath.size() > 1) {
            return Optional.of(verifiedPath.get(1));
        }
        if (certificates.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate leaf = certificates.get(0);
        for (X509Certificate c : certificates) {
            if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) && signs(c, leaf)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean signs(X509Certificate issuer, X509Certificate subject) {
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
