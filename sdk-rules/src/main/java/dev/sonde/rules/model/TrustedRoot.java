package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A root certificate that genuine Google chains lead to (data: the {@code trustAnchors} section):
 * live TLS probes verify served chains against these, never against the system's trust store. The
 * PEM is parsed and its SHA-256 checked against {@code sha256} when the pack loads.
 *
 * @param name   a label ({@code GTS Root R1})
 * @param sha256 SHA-256 of the DER encoding, lower-case hex
 * @param pem    the certificate, PEM
 */
public record TrustedRoot(String name, String sha256, String pem) implements Serializable {

    public TrustedRoot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pem, "pem");
    }

    @JsonCreator
    public static TrustedRoot of(@JsonProperty("name") String name, @JsonProperty("sha256") String sha256,
            @JsonProperty("pem") String pem) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' is missing");
        }
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("'pem' is missing or holds no PEM certificate");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("'pem' is not a readable certificate: " + e.getMessage());
        }
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + name, e);
        }
        String expected = sha256 == null ? "" : sha256.replace(":", "").trim().toLowerCase(Locale.ROOT);
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("'sha256' is missing (the certificate's is " + actual + ")");
        }
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("'sha256' " + expected + " does not match the certificate of '" + name
                    + "' (" + actual + ")");
        }
        return new TrustedRoot(name.trim(), actual, pem);
    }
}
