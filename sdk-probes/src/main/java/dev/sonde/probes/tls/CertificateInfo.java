package dev.sonde.probes.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What a presented certificate says about itself, as plain data: names in RFC 2253 form, validity,
 * SHA-256 fingerprint (lower-case hex of the DER encoding), subject alternative names, and where
 * it points for revocation (CRL distribution points, OCSP responders) and for its issuer's
 * certificate. Reading it proves nothing: trust comes only from the chain check.
 *
 * @param subject          subject DN, e.g. {@code CN=*.google.com,O=Google LLC}
 * @param issuer           issuer DN
 * @param subjectCommonName the subject's (last) common name, or {@code ""}
 * @param issuerCommonName the issuer's (last) common name, or {@code ""}
 * @param serialNumber     serial number, lower-case hex
 * @param notBefore        start of validity
 * @param notAfter         end of validity
 * @param sha256           SHA-256 fingerprint of the DER encoding, lower-case hex without separators
 * @param dnsNames         subject alternative names of type dNSName, as written
 * @param ipAddresses      subject alternative names of type iPAddress, in the JDK's textual form
 * @param crlUrls          URIs of the CRL distribution points
 * @param ocspUrls         URIs of OCSP responders (authority information access)
 * @param caIssuersUrls    URIs where the issuer's certificate can be fetched (authority information access)
 */
public record CertificateInfo(
        String subject, String issuer, String subjectCommonName, String issuerCommonName, String serialNumber,
        Instant notBefore, Instant notAfter, String sha256, List<String> dnsNames, List<String> ipAddresses,
        List<String> crlUrls, List<String> ocspUrls, List<String> caIssuersUrls) {

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        crlUrls = List.copyOf(crlUrls);
        ocspUrls = List.copyOf(ocspUrls);
        caIssuersUrls = List.copyOf(caIssuersUrls);
    }

    /** Reads a certificate. */
    public static CertificateInfo of(X509Certificate cert) {
        CertificateExtensions ext = CertificateExtensions.of(cert);
        return new CertificateInfo(
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                CertificateExtensions.commonName(cert.getSubjectX500Principal()),
                CertificateExtensions.commonName(cert.getIssuerX500Principal()),
                cert.getSerialNumber().toString(16),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                sha256(cert),
                ext.dnsNames(), ext.ipAddresses(), ext.crlUrls(), ext.ocspUrls(), ext.caIssuersUrls());
    }

    /** True when subject and issuer are the same name (a root, or a self-made interceptor root). */
    public boolean selfIssued() {
        return subject.equals(issuer);
    }

    /** True when {@code instant} lies within the validity period (both ends included). */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
