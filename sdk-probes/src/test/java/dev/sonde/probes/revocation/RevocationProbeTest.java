package dev.sonde.probes.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.RevocationReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.RevocationTestServer.Mode;
import dev.sonde.testsupport.net.RevocationTestServer;
import dev.sonde.testsupport.net.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CRL and OCSP checks against a real loopback CRL server and OCSP responder built with Bouncy Castle. */
class RevocationProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private static LoopbackPki net;
    private static TestPki pki;
    private static RevocationTestServer server;
    private static RevocationProbe probe;

    @BeforeAll
    static void start() {
        net = LoopbackPki.start();
        pki = net.pki();
        server = net.revocation();
        probe = new RevocationProbe(Clock.systemUTC(), HttpClient.Builder.NO_PROXY, RevocationProbe.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterEach
    void backToServing() {
        server.mode(Mode.SERVING);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    private static X509Certificate ca() {
        return pki.issuingCa().certificate();
    }

    private static Deadline deadline() {
        return Deadline.after(TIMEOUT);
    }

    @Test
    void crlSaysGoodForAValidCertificate() {
        ProbeOutcome<RevocationReason> r = probe.crl(pki.healthy().certificate(), ca(), deadline());

        assertThat(r.status()).isEqualTo(ProbeStatus.OK);
        assertThat(r.reason()).isEqualTo(RevocationReason.GOOD);
        assertThat(r.target()).isEqualTo(server.crlUrl().toString()); // the URL came from the leaf's CRL DP
        assertThat(r.detail(RevocationProbe.HTTP_STATUS)).isEqualTo("200");
        assertThat(r.detail(RevocationProbe.ENTRIES)).isEqualTo("1");
        assertThat(Instant.parse(r.detail(RevocationProbe.NEXT_UPDATE))).isAfter(Instant.now());
    }

    @Test
    void crlSaysRevokedForTheRevokedCertificate() {
        ProbeOutcome<RevocationReason> r = probe.crl(pki.revoked().certificate(), ca(), deadline());

        assertThat(r.status()).isEqualTo(ProbeStatus.PROBLEM);
        assertThat(r.reason()).isEqualTo(RevocationReason.REVOKED);
        assertThat(r.detail(RevocationProbe.REVOCATION_REASON)).isEqualTo("keyCompromise");
        assertThat(Instant.parse(r.detail(RevocationProbe.REVOKED_AT))).isBefore(Instant.now());
    }

    @Test
    void ocspSaysGoodRevokedOrUnknownBySerial() {
        ProbeOutcome<RevocationReason> good = probe.ocsp(pki.healthy().certificate(), ca(), deadline());
        ProbeOutcome<RevocationReason> revoked = probe.ocsp(pki.revoked().certificate(), ca(), deadline());
        ProbeOutcome<RevocationReason> unknown = probe.ocsp(pki.unlisted().certificate(), ca(), deadline());

        assertThat(good.reason()).isEqualTo(RevocationReason.GOOD);
        assertThat(good.target()).isEqualTo(server.ocspUrl().toString());
        assertThat(good.detail(RevocationProbe.RESPONDER)).isEqualTo(TestPki.GENUINE_ISSUER_DN);
        assertThat(revoked.reason()).isEqualTo(RevocationReason.REVOKED);
        assertThat(revoked.detail(RevocationProbe.REVOCATION_REASON)).isEqualTo("keyCompromise");
        assertThat(unknown.reason()).isEqualTo(RevocationReason.UNKNOWN);
        assertThat(unknown.status()).isEqualTo(ProbeStatus.PROBLEM);
    }

    @Test
    void answersPastTheirNextUpdateAreStale() {
        RevocationProbe weekAhead = new RevocationProbe(
                Clock.fixed(Instant.now().plus(RevocationTestServer.NEXT_UPDATE).plus(Duration.ofDays(1)), ZoneOffset.UTC),
                HttpClient.Builder.NO_PROXY, RevocationProbe.DEFAULT_MAX_BODY_BYTES);

        assertThat(weekAhead.crl(pki.healthy().certificate(), ca(), deadline()).reason()).isEqualTo(RevocationReason.STALE);
        assertThat(weekAhead.ocsp(pki.healthy().certificate(), ca(), deadline()).reason()).isEqualTo(RevocationReason.STALE);
        // revocation is final: a stale list that names the certificate still says revoked
        assertThat(weekAhead.crl(pki.revoked().certificate(), ca(), deadline()).reason()).isEqualTo(RevocationReason.REVOKED);
    }

    @Test
    void serverDownIsUnreachable() {
        server.mode(Mode.DOWN);

        ProbeOutcome<RevocationReason> crl = probe.crl(pki.healthy().certificate(), ca(), deadline());
        ProbeOutcome<RevocationReason> ocsp = probe.ocsp(pki.healthy().certificate(), ca(), deadline());

        assertThat(crl.reason()).isEqualTo(RevocationReason.UNREACHABLE);
        assertThat(ocsp.reason()).isEqualTo(RevocationReason.UNREACHABLE);
        assertThat(crl.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void blackHoleTimesOutWithinTheDeadline() {
        server.mode(Mode.BLACK_HOLE);

        ProbeOutcome<RevocationReason> crl = probe.crl(pki.healthy().certificate(), ca(), Deadline.after(SHORT));
        ProbeOutcome<RevocationReason> ocsp = probe.ocsp(pki.healthy().certificate(), ca(), Deadline.after(SHORT));

        assertThat(crl.reason()).isEqualTo(RevocationReason.TIMED_OUT);
        assertThat(ocsp.reason()).isEqualTo(RevocationReason.TIMED_OUT);
        assertThat(crl.elapsed()).isLessThan(SHORT.plus(SLACK)); // sanity bound, not a performance claim
        assertThat(ocsp.elapsed()).isLessThan(SHORT.plus(SLACK));
    }

    @Test
    void somethingElseThanRevocationDataIsABadResponse() {
        server.mode(Mode.GARBAGE);

        ProbeOutcome<RevocationReason> crl = probe.crl(pki.healthy().certificate(), ca(), deadline());
        ProbeOutcome<RevocationReason> ocsp = probe.ocsp(pki.healthy().certificate(), ca(), deadline());

        assertThat(crl.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
        assertThat(crl.detail(RevocationProbe.ERROR)).startsWith("not a CRL");
        assertThat(ocsp.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
        assertThat(ocsp.detail(RevocationProbe.ERROR)).startsWith("not an OCSP response");
    }

    @Test
    void answersSignedByAnotherKeyAreRejected() {
        server.mode(Mode.WRONG_SIGNER);

        ProbeOutcome<RevocationReason> crl = probe.crl(pki.revoked().certificate(), ca(), deadline());
        ProbeOutcome<RevocationReason> ocsp = probe.ocsp(pki.revoked().certificate(), ca(), deadline());

        assertThat(crl.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
        assertThat(crl.detail(RevocationProbe.ERROR)).contains("signature");
        assertThat(ocsp.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
        assertThat(ocsp.detail(RevocationProbe.ERROR)).contains("signature");
    }

    @Test
    void aCertificateWithoutRevocationUrlsIsNotChecked() {
        ProbeOutcome<RevocationReason> r = probe.crl(pki.interceptor().certificate(), pki.interceptorRoot().certificate(), deadline());

        assertThat(r.status()).isEqualTo(ProbeStatus.NOT_RUN);
        assertThat(r.reason()).isEqualTo(RevocationReason.NO_URL);
        assertThat(probe.ocsp(pki.interceptor().certificate(), pki.interceptorRoot().certificate(), deadline()).reason())
                .isEqualTo(RevocationReason.NO_URL);
    }

    @Test
    void bodiesBeyondTheCapAreNotRead() {
        RevocationProbe tiny = new RevocationProbe(Clock.systemUTC(), HttpClient.Builder.NO_PROXY, 64);

        ProbeOutcome<RevocationReason> r = tiny.crl(pki.healthy().certificate(), ca(), deadline());

        assertThat(r.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
        assertThat(r.detail(RevocationProbe.ERROR)).contains("too large");
    }

    @Test
    void redirectsAreReportedNotFollowed() throws IOException {
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/", ex -> {
            ex.getResponseHeaders().set("Location", server.crlUrl().toString());
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        redirector.start();
        try {
            int before = server.crlRequests();
            URI url = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + "/crl");

            ProbeOutcome<RevocationReason> r = probe.crl(url, pki.healthy().certificate(), ca(), deadline());

            assertThat(r.reason()).isEqualTo(RevocationReason.BAD_RESPONSE);
            assertThat(r.detail(RevocationProbe.HTTP_STATUS)).isEqualTo("302");
            assertThat(r.detail(RevocationProbe.LOCATION)).isEqualTo(server.crlUrl().toString());
            assertThat(server.crlRequests()).isEqualTo(before);
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void aCertificateAndAnIssuerThatDoNotBelongTogetherAreRefused() {
        assertThatThrownBy(() -> probe.crl(pki.healthy().certificate(), pki.interceptorRoot().certificate(), deadline()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not issue");
    }
}
