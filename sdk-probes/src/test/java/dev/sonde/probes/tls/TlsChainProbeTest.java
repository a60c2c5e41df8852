package dev.sonde.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.TlsReason;
import dev.sonde.probes.Deadline;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.FixedAnswerServer;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TLS chain probe against real loopback HTTPS servers presenting test-made chains. */
class TlsChainProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private static LoopbackPki net;
    private static TestPki pki;
    private static TlsChainProbe probe;

    @BeforeAll
    static void startPki() {
        net = LoopbackPki.start();
        pki = net.pki();
        probe = new TlsChainProbe(net.genuineAnchors(), Clock.systemUTC());
    }

    @AfterAll
    static void stopPki() {
        net.close();
    }

    private static TlsChainResult probe(TestPki.Issued leaf, String host) {
        return probe(probe, leaf, host, host);
    }

    private static TlsChainResult probe(TlsChainProbe p, TestPki.Issued leaf, String host, String serverName) {
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            return p.probe(host, server.port(), serverName, Deadline.after(TIMEOUT));
        }
    }

    private static TlsChainProbe atTime(Instant instant) {
        return new TlsChainProbe(net.genuineAnchors(), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void healthyChainIsTrustedAndFullyDescribed() {
        TlsChainResult r = probe(pki.healthy(), "localhost");

        assertThat(r.outcome().status()).isEqualTo(ProbeStatus.OK);
        assertThat(r.outcome().reason()).isEqualTo(TlsReason.TRUSTED);
        assertThat(r.problems()).isEmpty();
        assertThat(r.protocol()).isEqualTo("TLSv1.3");
        assertThat(r.outcome().detail(TlsChainProbe.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(r.outcome().detail(ChainVerifier.ANCHOR)).isEqualTo(TestPki.GENUINE_ROOT_DN);

        // presented: leaf + intermediate (servers do not send the root); verified path adds the anchor
        assertThat(r.certificates()).containsExactly(pki.healthy().certificate(), pki.issuingCa().certificate());
        assertThat(r.verifiedPath()).containsExactly(pki.healthy().certificate(), pki.issuingCa().certificate(),
                pki.genuineRoot().certificate());
        assertThat(r.leafIssuerCertificate()).contains(pki.issuingCa().certificate());

        CertificateInfo leaf = r.leaf().orElseThrow();
        assertThat(leaf.subject()).isEqualTo("CN=localhost");
        assertThat(leaf.issuer()).isEqualTo(TestPki.GENUINE_ISSUER_DN);
        assertThat(leaf.issuerCommonName()).isEqualTo("Sonde Test Issuing CA WR2");
        assertThat(leaf.serialNumber()).isEqualTo(pki.healthy().serial().toString(16));
        assertThat(leaf.notBefore()).isEqualTo(pki.healthy().certificate().getNotBefore().toInstant());
        assertThat(leaf.notAfter()).isEqualTo(leaf.notBefore().plus(TestPki.LEAF_LIFETIME));
        assertThat(leaf.sha256()).hasSize(64).isEqualTo(CertificateInfo.sha256(pki.healthy().certificate()));
        assertThat(leaf.dnsNames()).containsExactly("localhost");
        assertThat(leaf.ipAddresses()).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(leaf.crlUrls()).containsExactly(net.revocation().crlUrl().toString());
        assertThat(leaf.ocspUrls()).containsExactly(net.revocation().ocspUrl().toString());
        assertThat(r.chain().get(1).subject()).isEqualTo(TestPki.GENUINE_ISSUER_DN);
        assertThat(r.chain().get(1).issuer()).isEqualTo(TestPki.GENUINE_ROOT_DN);
    }

    @Test
    void ipLiteralMatchesTheIpAddressAlternativeName() {
        TlsChainResult r = probe(pki.healthy(), "127.0.0.1");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.TRUSTED);
        assertThat(r.outcome().target()).isEqualTo("127.0.0.1:" + r.outcome().target().split(":")[1]);
    }

    @Test
    void interceptorChainIsUntrustedAndNamesItsIssuer() {
        // Fiddler forges a leaf for the name asked; its root is not among the anchors
        TlsChainResult r = probe(probe, pki.interceptor(), "127.0.0.1", "mail.google.com");

        assertThat(r.outcome().status()).isEqualTo(ProbeStatus.PROBLEM);
        assertThat(r.outcome().reason()).isEqualTo(TlsReason.UNTRUSTED_CHAIN);
        assertThat(r.problems()).containsExactly(TlsReason.UNTRUSTED_CHAIN); // the name and dates are fine
        assertThat(r.outcome().detail(TlsChainProbe.LEAF_ISSUER)).isEqualTo(TestPki.INTERCEPTOR_ROOT_DN);
        assertThat(r.outcome().detail(TlsChainProbe.TOP_ISSUER)).contains("CN=DO_NOT_TRUST_FiddlerRoot");
        assertThat(r.outcome().detail(TlsChainProbe.ISSUERS)).isEqualTo(TestPki.INTERCEPTOR_ROOT_DN);
        assertThat(r.outcome().detail(TlsChainProbe.LEAF_SUBJECT)).startsWith("CN=*.google.com");
        assertThat(r.outcome().detail(ChainVerifier.PKIX_ERROR)).isNotEmpty();
        assertThat(r.leaf().orElseThrow().issuerCommonName()).isEqualTo("DO_NOT_TRUST_FiddlerRoot");
        assertThat(r.verifiedPath()).isEmpty();
        assertThat(r.leafIssuerCertificate()).contains(pki.interceptorRoot().certificate());
    }

    @Test
    void trustIsDecidedBySignatureNotByName() {
        // a root with the genuine root's exact name but another key: names agree, signatures do not
        Instant now = pki.createdAt();
        TestPki.Issued impostorRoot = TestPki.selfSigned(TestPki.GENUINE_ROOT_DN, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(100)));
        TestPki.Issued impostorCa = TestPki.intermediate(impostorRoot, TestPki.GENUINE_ISSUER_DN, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(100)));
        TestPki.Issued impostorLeaf = TestPki.leaf(impostorCa, "CN=localhost", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), List.of("localhost"), List.of(), null, null);

        TlsChainResult r = probe(impostorLeaf, "localhost");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.UNTRUSTED_CHAIN);
        assertThat(r.outcome().detail(TlsChainProbe.TOP_ISSUER)).isEqualTo(TestPki.GENUINE_ROOT_DN);

        // and an interceptor root that *is* given as an anchor makes its chain trusted
        TlsChainProbe trustingFiddler = new TlsChainProbe(List.of(pki.interceptorRoot().certificate()), Clock.systemUTC());
        assertThat(probe(trustingFiddler, pki.interceptor(), "127.0.0.1", "mail.google.com").outcome().reason())
                .isEqualTo(TlsReason.TRUSTED);
    }

    @Test
    void expiredLeafIsExpired() {
        TlsChainResult r = probe(pki.expired(), "localhost");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.EXPIRED);
        assertThat(r.problems()).containsExactly(TlsReason.EXPIRED); // still a genuine chain
        assertThat(r.verifiedPath()).hasSize(3);
        assertThat(r.outcome().detail(ChainVerifier.INVALID_CERTIFICATE)).isEqualTo("CN=localhost");
    }

    @Test
    void notYetValidLeafIsNotYetValid() {
        TlsChainResult r = probe(pki.notYetValid(), "localhost");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.NOT_YET_VALID);
        assertThat(r.problems()).containsExactly(TlsReason.NOT_YET_VALID);
    }

    @Test
    void injectedClockDecidesValidity() {
        Instant notAfter = pki.healthy().certificate().getNotAfter().toInstant();
        Instant notBefore = pki.healthy().certificate().getNotBefore().toInstant();

        TlsChainResult late = probe(atTime(notAfter.plusSeconds(1)), pki.healthy(), "localhost", "localhost");
        TlsChainResult early = probe(atTime(notBefore.minusSeconds(1)), pki.healthy(), "localhost", "localhost");
        TlsChainResult lastSecond = probe(atTime(notAfter), pki.healthy(), "localhost", "localhost");
        // the article's worked example: the machine's year moved years ahead
        TlsChainResult yearsAhead = probe(atTime(pki.createdAt().plus(Duration.ofDays(5 * 365))), pki.healthy(), "localhost",
                "localhost");

        assertThat(late.outcome().reason()).isEqualTo(TlsReason.EXPIRED);
        assertThat(early.outcome().reason()).isEqualTo(TlsReason.NOT_YET_VALID);
        assertThat(lastSecond.outcome().reason()).isEqualTo(TlsReason.TRUSTED);
        assertThat(yearsAhead.outcome().reason()).isEqualTo(TlsReason.EXPIRED);
        assertThat(yearsAhead.outcome().detail(TlsChainProbe.CHECKED_AT)).startsWith(
                pki.createdAt().plus(Duration.ofDays(5 * 365)).toString().substring(0, 10));
    }

    @Test
    void wrongNameLeafIsANameMismatch() {
        TlsChainResult r = probe(pki.wrongName(), "localhost");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.NAME_MISMATCH);
        assertThat(r.problems()).containsExactly(TlsReason.NAME_MISMATCH);
        assertThat(r.outcome().detail(TlsChainProbe.NAMES)).isEqualTo(TestPki.WRONG_NAME);
    }

    @Test
    void serverNameIsCheckedNotTheAddress() {
        TlsChainResult r = probe(probe, pki.healthy(), "127.0.0.1", "mail.google.com");

        assertThat(r.outcome().reason()).isEqualTo(TlsReason.NAME_MISMATCH);
        assertThat(r.outcome().detail(TlsChainProbe.SERVER_NAME)).isEqualTo("mail.google.com");
    }

    @Test
    void everyProblemIsListedAndTheFirstWins() {
        TlsChainProbe yearsAhead = atTime(pki.createdAt().plus(Duration.ofDays(2 * 365)));

        TlsChainResult r = probe(yearsAhead, pki.interceptor(), "localhost", "outlook.example.test");

        assertThat(r.problems()).containsExactly(TlsReason.UNTRUSTED_CHAIN, TlsReason.EXPIRED, TlsReason.NAME_MISMATCH);
        assertThat(r.outcome().reason()).isEqualTo(TlsReason.UNTRUSTED_CHAIN);
    }

    @Test
    void closedPortMeansTheHandshakeWasNotRun() {
        int port = ClosedPort.allocate().port();

        TlsChainResult r = probe.probe("127.0.0.1", port, Deadline.after(TIMEOUT));

        assertThat(r.outcome().status()).isEqualTo(ProbeStatus.NOT_RUN);
        assertThat(r.outcome().reason()).isEqualTo(TlsReason.CONNECT_FAILED);
        assertThat(r.outcome().detail(TlsChainProbe.TCP)).isEqualTo("REFUSED");
        assertThat(r.chain()).isEmpty();
    }

    @Test
    void silentServerTimesOutWithinTheDeadline() {
        try (BlackHolePort hole = BlackHolePort.accepting()) {
            TlsChainResult r = probe.probe("127.0.0.1", hole.port(), Deadline.after(SHORT));

            assertThat(r.outcome().reason()).isEqualTo(TlsReason.TIMED_OUT);
            assertThat(r.outcome().elapsed()).isLessThan(SHORT.plus(SLACK)); // sanity bound, not a performance claim
        }
    }

    @Test
    void aNonTlsServerIsABadResponse() {
        // a plain-HTTP server answers the ClientHello with an HTTP error and hangs up
        try (FixedAnswerServer http = FixedAnswerServer.answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            TlsChainResult r = probe.probe("127.0.0.1", http.port(), Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(TlsReason.BAD_RESPONSE);
            assertThat(r.outcome().detail(TlsChainProbe.ERROR)).contains("SSL");
            assertThat(r.outcome().elapsed()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void unresolvableNameMeansNotRun() {
        TlsChainProbe noDns = new TlsChainProbe(net.genuineAnchors(), Clock.systemUTC(), (host, deadline) -> {
            throw new UnknownHostException(host);
        });

        TlsChainResult r = noDns.probe("mail.google.com", 443, Deadline.after(TIMEOUT));

        assertThat(r.outcome().status()).isEqualTo(ProbeStatus.NOT_RUN);
        assertThat(r.outcome().reason()).isEqualTo(TlsReason.DNS_FAILED);
    }

    @Test
    void chainsFromElsewhereAreJudgedTheSameWay() {
        List<X509Certificate> expired = pki.expired().chain();

        assertThat(probe.verify(pki.healthy().chain(), "localhost").outcome().reason()).isEqualTo(TlsReason.TRUSTED);
        assertThat(probe.verify(expired, "localhost").problems()).containsExactly(TlsReason.EXPIRED);
        assertThat(probe.verify(pki.interceptor().chain(), "www.google.com").outcome().reason()).isEqualTo(TlsReason.UNTRUSTED_CHAIN);
        // a chain sent out of order (intermediate first) still verifies: the path is built, not assumed
        assertThat(probe.verify(List.of(pki.healthy().certificate(), pki.genuineRoot().certificate(), pki.issuingCa().certificate()),
                "localhost").outcome().reason()).isEqualTo(TlsReason.TRUSTED);
    }

    @Test
    void anchorsAreRequired() {
        assertThatThrownBy(() -> new TlsChainProbe(List.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trust anchor");
    }
}
