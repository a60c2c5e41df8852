package dev.sonde.probes.revocation;

import dev.sonde.facts.RevocationReason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Judges a downloaded CRL (DER) for one certificate: parsed and signature-checked with Bouncy
 * Castle against the issuer's key, issuer name compared, the serial looked up, freshness checked.
 */
final class CrlCheck {

    private CrlCheck() {
    }

    /** The verdict on {@code der} for the certificate with {@code serial}; fills {@code detail}. */
    static RevocationReason judge(byte[] der, X509Certificate issuer, BigInteger serial, Instant now, Map<String, String> detail) {
        X509CRLHolder crl;
        try {
            crl = new X509CRLHolder(der);
        } catch (IOException | RuntimeException e) { // BC throws unchecked exceptions for some malformed DER
            detail.put(RevocationProbe.ERROR, "not a CRL: " + e.getMessage());
            return RevocationReason.BAD_RESPONSE;
        }
        if (!crl.getIssuer().equals(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()))) {
            detail.put(RevocationProbe.ERROR, "CRL issued by " + crl.getIssuer() + ", not the certificate's issuer");
            return RevocationReason.BAD_RESPONSE;
        }
        try {
            if (!crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                detail.put(RevocationProbe.ERROR, "CRL signature does not verify with the issuer's key");
                return RevocationReason.BAD_RESPONSE;
            }
        } catch (Exception e) { // OperatorCreationException, CertException, or unchecked from a bad algorithm
            detail.put(RevocationProbe.ERROR, "CRL signature cannot be checked: " + e.getMessage());
            return RevocationReason.BAD_RESPONSE;
        }
        detail.put(RevocationProbe.THIS_UPDATE, crl.getThisUpdate().toInstant().toString());
        Date next = crl.getNextUpdate();
        if (next != null) {
            detail.put(RevocationProbe.NEXT_UPDATE, next.toInstant().toString());
        }
        detail.put(RevocationProbe.ENTRIES, Integer.toString(crl.getRevokedCertificates().size()));
        X509CRLEntryHolder entry = crl.getRevokedCertificate(serial);
        if (entry != null) {
            detail.put(RevocationProbe.REVOKED_AT, entry.getRevocationDate().toInstant().toString());
            Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
            if (reason != null) {
                detail.put(RevocationProbe.REVOCATION_REASON,
                        RevocationProbe.reasonName(CRLReason.getInstance(reason.getParsedValue()).getValue().intValue()));
            }
            return RevocationReason.REVOKED;
        }
        if (next != null && next.toInstant().isBefore(now)) {
            return RevocationReason.STALE;
        }
        return RevocationReason.GOOD;
    }
}
