package dev.sonde.probes.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyReason;
import dev.sonde.probes.Deadline;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.FixedAnswerServer;
import dev.sonde.testsupport.net.ProxyTestServer;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authenticated-proxy detection against a real loopback proxy. */
class ProxyAuthProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final ProxyAuthProbe probe = new ProxyAuthProbe();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Basic realm=\"corp proxy\"                      | Basic",
        "Digest realm=\"corp\", nonce=\"4b2a\", qop=\"auth\" | Digest",
        "NTLM                                           | NTLM",
        "Negotiate                                      | Negotiate",
        "basic realm=\"lower case\"                      | Basic",
        "ntlm                                           | NTLM"})
    void eachSchemeIsNamed(String challenge, String scheme) {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth(challenge)) {
            ProxyAuthResult r = probe.connect("127.0.0.1", proxy.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().status()).isEqualTo(ProbeStatus.PROBLEM);
            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
            assertThat(r.httpStatus()).isEqualTo(407);
            assertThat(r.schemes()).containsExactly(scheme);
            assertThat(r.outcome().detail(ProxyAuthProbe.SCHEMES)).isEqualTo(scheme);
            assertThat(r.outcome().detail(ProxyAuthProbe.PROXY_AUTHENTICATE)).isEqualTo(challenge);
            assertThat(r.outcome().detail(ProxyAuthProbe.VIA)).isEqualTo(ProxyTestServer.VIA);
            assertThat(r.outcome().detail(ProxyAuthProbe.REQUEST)).isEqualTo("CONNECT mail.google.com:443");
        }
    }

    @Test
    void everyOfferedSchemeIsNamedInOrder() {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("Negotiate", "NTLM", "Basic realm=\"corp\"",
                "Digest realm=\"corp\", nonce=\"abc\"")) {
            ProxyAuthResult r = probe.connect("127.0.0.1", proxy.port(), "oauth2.googleapis.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
            assertThat(r.schemes()).containsExactly("Negotiate", "NTLM", "Basic", "Digest");
            assertThat(r.outcome().detail(ProxyAuthProbe.SCHEMES)).isEqualTo("Negotiate, NTLM, Basic, Digest");
        }
    }

    @Test
    void noCredentialsAreEverSent() {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("Basic realm=\"corp\"", "NTLM")) {
            probe.connect("127.0.0.1", proxy.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));
            probe.get("127.0.0.1", proxy.port(), URI.create("http://crl.pki.goog/gtsr1/gtsr1.crl"), Deadline.after(TIMEOUT));

            assertThat(proxy.requestHeads()).hasSize(2);
            assertThat(proxy.requestHeads().get(0)).startsWith("CONNECT mail.google.com:443 HTTP/1.1\r\n");
            assertThat(proxy.requestHeads().get(1)).startsWith("GET http://crl.pki.goog/gtsr1/gtsr1.crl HTTP/1.1\r\n");
            assertThat(proxy.requestHeads()).allSatisfy(head -> assertThat(head.toLowerCase(Locale.ROOT))
                    .doesNotContain("authorization").doesNotContain("cookie"));
        }
    }

    @Test
    void plainRequestsAreCheckedToo() {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("Negotiate")) {
            ProxyAuthResult r = probe.get("127.0.0.1", proxy.port(), URI.create("http://ocsp.pki.goog/"), Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
            assertThat(r.schemes()).containsExactly("Negotiate");
        }
        try (ProxyTestServer open = ProxyTestServer.open()) {
            ProxyAuthResult r = probe.get("127.0.0.1", open.port(), URI.create("http://ocsp.pki.goog/"), Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.OPEN);
            assertThat(r.httpStatus()).isEqualTo(200);
        }
    }

    @Test
    void anOpenProxyTunnels() {
        Instant now = Instant.now();
        TestPki.Issued root = TestPki.selfSigned("CN=Proxy Test Root", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        TestPki.Issued leaf = TestPki.leaf(root, "CN=localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)),
                List.of("localhost"), List.of("127.0.0.1"), null, null);
        try (ProxyTestServer proxy = ProxyTestServer.open(); TlsTestServer origin = TlsTestServer.start(leaf)) {
            ProxyAuthResult r = probe.connect("127.0.0.1", proxy.port(), "127.0.0.1", origin.port(), Deadline.after(TIMEOUT));

            assertThat(r.outcome().status()).isEqualTo(ProbeStatus.OK);
            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.OPEN);
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.schemes()).isEmpty();
        }
    }

    @Test
    void anOpenProxyThatRefusesTheDestinationIsDenied() {
        // the test proxy tunnels only to loopback; anything else gets 403, as a filtering proxy would answer
        try (ProxyTestServer proxy = ProxyTestServer.open()) {
            ProxyAuthResult r = probe.connect("127.0.0.1", proxy.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.DENIED);
            assertThat(r.httpStatus()).isEqualTo(403);
        }
    }

    @Test
    void proxyNotListeningIsUnreachable() {
        ProxyAuthResult r = probe.connect("127.0.0.1", ClosedPort.allocate().port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

        assertThat(r.outcome().reason()).isEqualTo(ProxyReason.PROXY_UNREACHABLE);
        assertThat(r.outcome().detail(ProxyAuthProbe.TCP)).isEqualTo("REFUSED");
        assertThat(r.httpStatus()).isZero();
    }

    @Test
    void silentProxyTimesOutWithinTheDeadline() {
        try (BlackHolePort hole = BlackHolePort.accepting()) {
            ProxyAuthResult r = probe.connect("127.0.0.1", hole.port(), "mail.google.com", 443, Deadline.after(SHORT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.TIMED_OUT);
            assertThat(r.outcome().elapsed()).isLessThan(SHORT.plus(SLACK)); // sanity bound, not a performance claim
        }
    }

    @Test
    void somethingThatIsNotAProxyIsABadResponse() {
        try (FixedAnswerServer smtp = FixedAnswerServer.answering("220 mail.example.test ESMTP ready\r\n\r\n")) {
            ProxyAuthResult r = probe.connect("127.0.0.1", smtp.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.BAD_RESPONSE);
            assertThat(r.outcome().detail(ProxyAuthProbe.ERROR)).startsWith("not an HTTP status line");
        }
    }

    @Test
    void aFilterThatRefusesTheTunnelNamesItselfInServerAndVia() {
        // what a Blue Coat / Symantec ProxySG answers a CONNECT its policy denies
        try (FixedAnswerServer proxySg = FixedAnswerServer.answering("HTTP/1.1 403 Forbidden\r\nServer: ProxySG\r\n"
                + "Via: 1.1 proxysg.corp.example (ProxySG)\r\nContent-Type: text/html\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n")) {
            ProxyAuthResult r = probe.connect("127.0.0.1", proxySg.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).isEqualTo(ProxyReason.DENIED);
            assertThat(r.httpStatus()).isEqualTo(403);
            assertThat(r.outcome().detail(ProxyAuthProbe.SERVER)).isEqualTo("ProxySG");
            assertThat(r.outcome().detail(ProxyAuthProbe.VIA)).isEqualTo("1.1 proxysg.corp.example (ProxySG)");
        }
    }

    @Test
    void serverAndViaAreCleanedBeforeTheyAreKept() {
        // control characters (an escape sequence), a secret and a value far longer than any product's banner
        String long200 = "x".repeat(200);
        try (FixedAnswerServer hostile = FixedAnswerServer.answering("HTTP/1.1 403 Forbidden\r\nServer: Evil\u001b[31mProxy\u00e9\r\n"
                + "Via: 1.1 filter access_token=ya29.secretvalue " + long200 + "\r\nContent-Length: 0\r\n\r\n")) {
            ProxyAuthResult r = probe.connect("127.0.0.1", hostile.port(), "mail.google.com", 443, Deadline.after(TIMEOUT));

            assertThat(r.outcome().detail(ProxyAuthProbe.SERVER)).isEqualTo("Evil?[31mProxy?");
            String via = r.outcome().detail(ProxyAuthProbe.VIA);
            assertThat(via).doesNotContain("secretvalue").endsWith("...").hasSizeLessThanOrEqualTo(140);
            assertThat(via.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        }
    }
}
