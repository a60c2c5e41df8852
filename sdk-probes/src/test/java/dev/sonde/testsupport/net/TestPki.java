package dev.sonde.testsupport.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made at test time with Bouncy Castle (EC P-256, SHA256withECDSA; a full set takes
 * tens of milliseconds):
 * <ul>
 *   <li>a <b>genuine</b> root → issuing intermediate → leaves, standing in for Google Trust Services;</li>
 *   <li>an <b>interceptor</b> root shaped like Fiddler's ({@code CN=DO_NOT_TRUST_FiddlerRoot,
 *       O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com}) and a leaf it made for {@code *.google.com}
 *       (also naming {@code localhost} and {@code 127.0.0.1}, as an interceptor's forged leaf would name
 *       whatever the client asked for);</li>
 *   <li>leaves from the genuine intermediate: {@link #healthy()} ({@code localhost}, {@code 127.0.0.1},
 *       {@code ::1}, valid for 84 days like Google's), {@link #expired()}, {@link #notYetValid()},
 *       {@link #wrongName()} ({@code wrong-name.example.test} only), {@link #revoked()} (listed on the CRL and
 *       answered "revoked" by OCSP) and {@link #unlisted()} (valid, but unknown to the OCSP responder).</li>
 * </ul>
 * Genuine leaves carry a CRL distribution point and an OCSP responder URL pointing at the loopback
 * {@link RevocationTestServer} whose URLs were given. Immutable once made.
 */
public final class TestPki {

    /** A certificate with its private key and the chain a server presents for it (itself first). */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }

        /** The certificate's serial number. */
        public BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }

    /** Subject of the genuine root. */
    public static final String GENUINE_ROOT_DN = "CN=Sonde Test Root R1,O=Sonde Test Trust Services,C=US";
    /** Subject of the genuine issuing intermediate. */
    public static final String GENUINE_ISSUER_DN = "CN=Sonde Test Issuing CA WR2,O=Sonde Test Trust Services,C=US";
    /** Subject of the interceptor root, as Fiddler names its own. */
    public static final String INTERCEPTOR_ROOT_DN = "CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST,OU=Created by http://www.fiddler2.com";
    /** The name the wrong-name leaf carries (and nothing else). */
    public static final String WRONG_NAME = "wrong-name.example.test";
    /** Validity of the healthy leaves, as Google's. */
    public static final Duration LEAF_LIFETIME = Duration.ofDays(84);

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Instant now;
    private final Issued genuineRoot;
    private final Issued issuingCa;
    private final Issued interceptorRoot;
    private final Issued interceptor;
    private final Issued healthy;
    private final Issued expired;
    private final Issued notYetValid;
    private final Issued wrongName;
    private final Issued revoked;
    private final Issued unlisted;

    private TestPki(URI crlUrl, URI ocspUrl) {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        genuineRoot = selfSigned(GENUINE_ROOT_DN, now.minus(days(365)), now.plus(days(3650)));
        issuingCa = intermediate(genuineRoot, GENUINE_ISSUER_DN, now.minus(days(300)), now.plus(days(1825)));
        interceptorRoot = selfSigned(INTERCEPTOR_ROOT_DN, now.minus(days(30)), now.plus(days(3650)));
        interceptor = leaf(interceptorRoot, "CN=*.google.com,O=DO_NOT_TRUST,OU=Created by http://www.fiddler2.com",
                now.minus(days(1)), now.plus(days(365)), List.of("*.google.com", "google.com", "localhost"),
                List.of("127.0.0.1"), null, null);
        List<String> localNames = List.of("localhost");
        List<String> localIps = List.of("127.0.0.1", "::1");
        healthy = leaf(issuingCa, "CN=localhost", now.minus(days(1)), now.minus(days(1)).plus(LEAF_LIFETIME), localNames, localIps,
                crlUrl, ocspUrl);
        expired = leaf(issuingCa, "CN=localhost", now.minus(days(100)), now.minus(days(16)), localNames, localIps, crlUrl, ocspUrl);
        notYetValid = leaf(issuingCa, "CN=localhost", now.plus(days(10)), now.plus(days(94)), localNames, localIps, crlUrl, ocspUrl);
        wrongName = leaf(issuingCa, "CN=" + WRONG_NAME, now.minus(days(1)), now.plus(days(83)), List.of(WRONG_NAME), List.of(),
                crlUrl, ocspUrl);
        revoked = leaf(issuingCa, "CN=localhost", now.minus(days(1)), now.plus(days(83)), localNames, localIps, crlUrl, ocspUrl);
        unlisted = leaf(issuingCa, "CN=localhost", now.minus(days(1)), now.plus(days(83)), localNames, localIps, crlUrl, ocspUrl);
    }

    /** Makes a PKI whose genuine leaves point at {@code crlUrl} and {@code ocspUrl}. */
    public static TestPki create(URI crlUrl, URI ocspUrl) {
        return new TestPki(crlUrl, ocspUrl);
    }

    /** Makes a PKI whose genuine leaves point at {@code revocation}'s CRL and OCSP URLs. */
    public static TestPki create(RevocationTestServer revocation) {
        return new TestPki(revocation.crlUrl(), revocation.ocspUrl());
    }

    /** When the PKI was made (whole seconds); validity periods are relative to it. */
    public Instant createdAt() {
        return now;
    }

    /** The genuine root (the trust anchor tests give the probes). */
    public Issued genuineRoot() {
        return genuineRoot;
    }

    /** The genuine issuing intermediate; it signs the CRL and the OCSP answers. */
    public Issued issuingCa() {
        return issuingCa;
    }

    /** The interceptor's root. */
    public Issued interceptorRoot() {
        return interceptorRoot;
    }

    /** The interceptor's forged leaf for {@code *.google.com}; its chain is leaf + interceptor root. */
    public Issued interceptor() {
        return interceptor;
    }

    /** A valid leaf for {@code localhost}, {@code 127.0.0.1} and {@code ::1}; OCSP says good. */
    public Issued healthy() {
        return healthy;
    }

    /** Expired 16 days ago. */
    public Issued expired() {
        return expired;
    }

    /** Valid from 10 days on. */
    public Issued notYetValid() {
        return notYetValid;
    }

    /** Valid now, but only for {@value #WRONG_NAME}. */
    public Issued wrongName() {
        return wrongName;
    }

    /** Valid and well named, but revoked (CRL and OCSP). */
    public Issued revoked() {
        return revoked;
    }

    /** Valid and well named, but the OCSP responder does not know it (answers "unknown"). */
    public Issued unlisted() {
        return unlisted;
    }

    /** Serials the OCSP responder answers "good" for: the genuine leaves, except revoked and unlisted. */
    public Set<BigInteger> goodSerials() {
        return Set.of(healthy.serial(), expired.serial(), notYetValid.serial(), wrongName.serial());
    }

    /** Serials listed as revoked (CRL and OCSP). */
    public Set<BigInteger> revokedSerials() {
        return Set.of(revoked.serial());
    }

    /** A server-side TLS context presenting {@code leaf}'s chain. */
    public static SSLContext serverContext(Issued leaf) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", leaf.key(), PASSWORD, leaf.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a server TLS context", e);
        }
    }

    /** A client-side TLS context trusting only {@code anchor} (for test clients that need a real, verifying client). */
    public static SSLContext clientContextTrusting(X509Certificate anchor) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("anchor", anchor);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a client TLS context", e);
        }
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 on this JVM", e);
        }
    }

    /** A self-signed CA certificate. */
    public static Issued selfSigned(String dn, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(x500(dn), serial(), Date.from(notBefore),
                    Date.from(notAfter), x500(dn), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            return new Issued(cert, kp.getPrivate(), List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make root " + dn, e);
        }
    }

    /** An intermediate CA (path length 0) issued by {@code issuer}. */
    public static Issued intermediate(Issued issuer, String dn, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(), Date.from(notBefore),
                    Date.from(notAfter), x500(dn), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate()));
            X509Certificate cert = sign(b, issuer.key());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(issuer.chain());
            return new Issued(cert, kp.getPrivate(), chain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make intermediate " + dn, e);
        }
    }

    /**
     * A TLS server leaf issued by {@code issuer}, with the given subject alternative names and,
     * when given, a CRL distribution point and an OCSP responder. Its chain is itself plus the
     * issuer's chain without the root (what servers send), or plus the issuer when that is a root
     * (what interceptors send).
     */
    public static Issued leaf(Issued issuer, String dn, Instant notBefore, Instant notAfter, List<String> dnsNames,
                              List<String> ipAddresses, URI crlUrl, URI ocspUrl) {
        KeyPair kp = newKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            for (String ip : ipAddresses) {
                names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(
                        InetAddress.getByName(ip).getAddress())));
            }
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(), Date.from(notBefore),
                    Date.from(notAfter), x500(dn), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate()))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            if (crlUrl != null) {
                GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl.toString()));
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)}));
            }
            if (ocspUrl != null) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl.toString())));
            }
            X509Certificate cert = sign(b, issuer.key());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            List<X509Certificate> above = issuer.chain();
            boolean issuerIsRoot = above.size() == 1;
            chain.addAll(issuerIsRoot ? above : above.subList(0, above.size() - 1));
            return new Issued(cert, kp.getPrivate(), chain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make leaf " + dn, e);
        }
    }

    /**
     * The name for an RFC 2253 string, in the order the string means. ({@code new X500Name(dn)} would
     * encode the RDNs in the order written, which is the reverse of what RFC 2253 and the JDK mean, so
     * that the certificate would print as {@code C=US,O=...,CN=...}.)
     */
    private static X500Name x500(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
