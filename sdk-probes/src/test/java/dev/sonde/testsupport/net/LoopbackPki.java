package dev.sonde.testsupport.net;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The usual starting point of a network test: a {@link RevocationTestServer} on loopback and a
 * {@link TestPki} whose genuine leaves point at it, already published. Close it when done
 * (typically in {@code @AfterAll}).
 */
public final class LoopbackPki implements AutoCloseable {

    private final RevocationTestServer revocation;
    private final TestPki pki;

    private LoopbackPki() {
        this.revocation = RevocationTestServer.start();
        this.pki = TestPki.create(revocation);
        revocation.publish(pki);
    }

    /** Starts the revocation server and makes the PKI. */
    public static LoopbackPki start() {
        return new LoopbackPki();
    }

    /** The certificates. */
    public TestPki pki() {
        return pki;
    }

    /** The CRL and OCSP server the genuine leaves point at. */
    public RevocationTestServer revocation() {
        return revocation;
    }

    /** The anchors a probe should trust: the genuine root only. */
    public List<X509Certificate> genuineAnchors() {
        return List.of(pki.genuineRoot().certificate());
    }

    @Override
    public void close() {
        revocation.close();
    }
}
