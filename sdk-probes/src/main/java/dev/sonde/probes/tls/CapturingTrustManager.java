package dev.sonde.probes.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Records the chain a server presents and accepts it, so the handshake completes and the chain can
 * be judged afterwards by {@link ChainVerifier} against the caller's trust anchors. Used for one
 * connection and then dropped; it never decides trust, and no data is sent over a connection it
 * accepted.
 *
 * <p>It extends {@link X509ExtendedTrustManager} on purpose: the JDK wraps a plain
 * {@code X509TrustManager} in a checker that adds its own algorithm-constraint checks, which could
 * abort the handshake before the chain is seen.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

    private volatile List<X509Certificate> chain = List.of();

    /** The chain the server presented, in the order it was sent; empty when none was seen. */
    List<X509Certificate> chain() {
        return chain;
    }

    private void capture(X509Certificate[] presented) {
        chain = presented == null ? List.of() : List.of(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
        capture(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
        capture(presented);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) {
        capture(presented);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a probe never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a probe never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        throw new CertificateException("a probe never accepts client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
