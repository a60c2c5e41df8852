package dev.sonde.testsupport.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A plain-HTTP revocation server on 127.0.0.1, like {@code crl.pki.goog} and {@code ocsp.pki.goog}:
 * <ul>
 *   <li>{@code GET /crl/issuing.crl}: a CRL (DER, {@code application/pkix-crl}) built with Bouncy
 *       Castle's {@code X509v2CRLBuilder} at each request and signed by the issuing CA, listing the
 *       revoked serials; next update one week on;</li>
 *   <li>{@code POST /ocsp}: an OCSP responder built with {@code BasicOCSPRespBuilder}, signed by the
 *       issuing CA itself: "good" for known serials, "revoked" for revoked ones, "unknown" for the rest
 *       (and for certificates of another issuer); it echoes the request's nonce.</li>
 * </ul>
 * Until {@link #publish} is called every request gets 503. {@link #mode} changes behaviour at
 * once: {@link Mode#DOWN} closes the port (refused), {@link Mode#BLACK_HOLE} accepts and never
 * answers, {@link Mode#GARBAGE} answers 200 with bytes that are no CRL or OCSP response,
 * {@link Mode#WRONG_SIGNER} signs with a key that is not the issuer's.
 */
public final class RevocationTestServer implements AutoCloseable {

    /** How the server behaves. */
    public enum Mode {
        /** Real, correctly signed answers. */
        SERVING,
        /** Port closed: connections are refused. */
        DOWN,
        /** Connections are accepted and requests read, but no answer ever comes. */
        BLACK_HOLE,
        /** 200 with a body that is neither a CRL nor an OCSP response. */
        GARBAGE,
        /** Well-formed answers signed by an unrelated key. */
        WRONG_SIGNER
    }

    /** Path of the CRL. */
    public static final String CRL_PATH = "/crl/issuing.crl";
    /** Path of the OCSP responder. */
    public static final String OCSP_PATH = "/ocsp";
    /** How long after its issue a CRL or OCSP answer says the next update is due. */
    public static final Duration NEXT_UPDATE = Duration.ofDays(7);

    private static final Duration BLACK_HOLE_MAX = Duration.ofSeconds(30);

    private final InetSocketAddress address;
    private final PrivateKey strangerKey = TestPki.newKeyPair().getPrivate();
    private final AtomicInteger crlRequests = new AtomicInteger();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private volatile CountDownLatch blackHoleRelease = new CountDownLatch(1);
    private volatile TestPki.Issued issuer;
    private volatile Set<BigInteger> good = Set.of();
    private volatile Set<BigInteger> revoked = Set.of();
    private volatile Mode mode = Mode.SERVING;
    private HttpServer server;
    private ExecutorService executor;

    private RevocationTestServer() throws IOException {
        startHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.address = server.getAddress();
    }

    /** Starts a server on a free loopback port. */
    public static RevocationTestServer start() {
        try {
            return new RevocationTestServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the revocation server", e);
        }
    }

    /** Serves revocation data for certificates issued by {@code issuer}. */
    public RevocationTestServer publish(TestPki.Issued issuer, Set<BigInteger> goodSerials, Set<BigInteger> revokedSerials) {
        this.good = Set.copyOf(goodSerials);
        this.revoked = Set.copyOf(revokedSerials);
        this.issuer = issuer;
        return this;
    }

    /** Serves revocation data for {@code pki}'s issuing CA, its good and its revoked serials. */
    public RevocationTestServer publish(TestPki pki) {
        return publish(pki.issuingCa(), pki.goodSerials(), pki.revokedSerials());
    }

    /** Switches behaviour; takes effect for the next connection. */
    public synchronized RevocationTestServer mode(Mode newMode) {
        if (newMode == mode) {
            return this;
        }
        Mode old = mode;
        mode = newMode;
        if (old == Mode.BLACK_HOLE) {
            blackHoleRelease.countDown();
            blackHoleRelease = new CountDownLatch(1);
        }
        try {
            if (newMode == Mode.DOWN) {
                stopHttp();
            } else if (old == Mode.DOWN) {
                startHttp(address);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot rebind " + address, e);
        }
        return this;
    }

    /** The port (the same in every mode). */
    public int port() {
        return address.getPort();
    }

    /** URL of the CRL. */
    public URI crlUrl() {
        return URI.create("http://127.0.0.1:" + port() + CRL_PATH);
    }

    /** URL of the OCSP responder. */
    public URI ocspUrl() {
        return URI.create("http://127.0.0.1:" + port() + OCSP_PATH);
    }

    /** CRL requests received. */
    public int crlRequests() {
        return crlRequests.get();
    }

    /** OCSP requests received. */
    public int ocspRequests() {
        return ocspRequests.get();
    }

    @Override
    public synchronized void close() {
        blackHoleRelease.countDown();
        stopHttp();
    }

    private void startHttp(InetSocketAddress bindTo) throws IOException {
        server = HttpServer.create(bindTo, 16);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "revocation-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(CRL_PATH, this::crl);
        server.createContext(OCSP_PATH, this::ocsp);
        server.start();
    }

    private void stopHttp() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void crl(HttpExchange ex) throws IOException {
        crlRequests.incrementAndGet();
        try (ex) {
            if (!common(ex)) {
                return;
            }
            TestPki.Issued ca = issuer;
            Instant now = Instant.now();
            JcaX509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now.minusSeconds(60)));
            b.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
            for (BigInteger serial : revoked) {
                b.addCRLEntry(serial, Date.from(now.minus(Duration.ofDays(2))), CRLReason.keyCompromise);
            }
            byte[] der = b.build(signer(ca.key())).getEncoded();
            send(ex, 200, "application/pkix-crl", der);
        } catch (Exception e) {
            send(ex, 500, "text/plain", String.valueOf(e).getBytes());
        }
    }

    private void ocsp(HttpExchange ex) throws IOException {
        ocspRequests.incrementAndGet();
        try (ex) {
            if (!common(ex)) {
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", new byte[0]);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(64 * 1024);
            }
            TestPki.Issued ca = issuer;
            OCSPReq req;
            try {
                req = new OCSPReq(body);
            } catch (IOException | RuntimeException malformed) {
                send(ex, 200, "application/ocsp-response", new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded());
                return;
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.certificate());
            JcaBasicOCSPRespBuilder b = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            for (Req r : req.getRequestList()) {
                CertificateID id = r.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(caHolder, digests)) {
                    status = new UnknownStatus();
                } else if (revoked.contains(id.getSerialNumber())) {
                    status = new RevokedStatus(Date.from(now.minus(Duration.ofDays(2))), CRLReason.keyCompromise);
                } else if (good.contains(id.getSerialNumber())) {
                    status = CertificateStatus.GOOD;
                } else {
                    status = new UnknownStatus();
                }
                b.addResponse(id, status, Date.from(now.minusSeconds(60)), Date.from(now.plus(NEXT_UPDATE)));
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                b.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = b.build(signer(ca.key()), new X509CertificateHolder[] {caHolder}, Date.from(now));
            OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            send(ex, 200, "application/ocsp-response", resp.getEncoded());
        } catch (Exception e) {
            send(ex, 500, "text/plain", String.valueOf(e).getBytes());
        }
    }

    /** Handles the modes every path shares; false when the exchange is already answered (or never will be). */
    private boolean common(HttpExchange ex) throws IOException {
        Mode m = mode;
        if (m == Mode.BLACK_HOLE) {
            try {
                blackHoleRelease.await(BLACK_HOLE_MAX.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false; // closed without an answer
        }
        if (m == Mode.GARBAGE) {
            send(ex, 200, "application/octet-stream", "<html>blocked by policy</html>".getBytes());
            return false;
        }
        if (issuer == null) {
            send(ex, 503, "text/plain", new byte[0]);
            return false;
        }
        return true;
    }

    private ContentSigner signer(PrivateKey caKey) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(mode == Mode.WRONG_SIGNER ? strangerKey : caKey);
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public String toString() {
        return "RevocationTestServer[" + address + ", " + mode + "]";
    }
}
