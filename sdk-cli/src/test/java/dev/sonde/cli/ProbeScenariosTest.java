package dev.sonde.cli;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.spi.RuleEngine;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.ProxyTestServer;
import dev.sonde.testsupport.net.RevocationTestServer;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live probes against real loopback servers (test PKI made with Bouncy Castle, CRL/OCSP server, 407
 * proxy, closed and black-holed ports), through the real prober, rules and ranking. Nothing here
 * touches an address outside 127.0.0.0/8: catalogs name {@code localhost} / {@code 127.0.0.1} only,
 * system proxy discovery is off, and the one unresolvable name is answered by an injected resolver.
 */
class ProbeScenariosTest {

    static RuleEngine engine;
    static LoopbackPki loopback;
    static TestPki pki;
    static TlsTestServer healthy;

    @BeforeAll
    static void start() {
        engine = new DroolsRuleEngineFactory().create(Optional.empty());
        loopback = LoopbackPki.start();
        pki = loopback.pki();
        healthy = TlsTestServer.start(pki.healthy());
    }

    @AfterAll
    static void stop() {
        healthy.close();
        loopback.close();
    }

    static ProbeOptions options() {
        return ProbeOptions.defaults().withSystemProxyDiscovery(false)
                .withTimeout(Duration.ofSeconds(15)).withProbeTimeout(Duration.ofSeconds(5));
    }

    static LoopbackCatalog catalog() {
        return LoopbackCatalog.trusting(pki.genuineRoot().certificate());
    }

    static String https(TlsTestServer server, String path) {
        return "https://localhost:" + server.port() + path;
    }

    static String revocationUrl(RevocationTestServer server) {
        return "http://127.0.0.1:" + server.port() + RevocationTestServer.CRL_PATH;
    }

    static Report probe(ProbeCatalog catalog, ProbeOptions options) {
        return Sonde.builder().engine(engine).probeCatalog(catalog).probeOptions(options).build().probe();
    }

    static Report probe(ProbeCatalog catalog) {
        return probe(catalog, options());
    }

    static Finding finding(Report r, String id) {
        return r.finding(id).orElseThrow(() -> new AssertionError(id + " not in " + describe(r)));
    }

    static String describe(Report r) {
        StringBuilder sb = new StringBuilder();
        r.findings().forEach(f -> sb.append(f.rank()).append(' ').append(f.id()).append(f.explainedBy().map(c -> "<-" + c).orElse("")).append(' ').append(f.params()).append('\n'));
        r.warnings().forEach(w -> sb.append("warning ").append(w).append('\n'));
        return sb.toString();
    }

    @Test
    void aHealthyNetworkGivesNoProblemAndEveryProbeFamilyRan() {
        Report r = probe(catalog()
                .add("mail", https(healthy, "/mail/r/"))
                .add("calendar", https(healthy, "/calendar/"))
                .add("revocation", revocationUrl(loopback.revocation())).catalog());
        assertThat(r.hasProblems()).as(describe(r)).isFalse();
        assertThat(r.findings()).as(describe(r)).noneMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        assertThat(r.inputs()).extracting(InputSummary::name)
                .contains("probe:dns", "probe:tcp", "probe:tls", "probe:https", "probe:revocation", "probe:clock");
        assertThat(r.inputs()).allSatisfy(s -> assertThat(s.linesSkipped()).as(s.name()).isZero());
        assertThat(r.warnings()).as(describe(r)).isEmpty();
        assertThat(r.anyInputRead()).isTrue();
    }

    @Test
    void aRefusedPortIsBlockedAndTheChecksBehindItAreNotRun() {
        ClosedPort closed = ClosedPort.allocate();
        Report r = probe(catalog().add("mail", "https://localhost:" + closed.port() + "/mail/r/").catalog());
        assertThat(r).hasTopFinding("PORT_BLOCKED").finding("PORT_BLOCKED")
                .hasParam("port", Integer.toString(closed.port())).hasParam("blocking", "refused").hasParam("hosts", "localhost")
                .hasSeverity(Severity.CRITICAL);
        Finding top = r.top().orElseThrow();
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e.file()).isEqualTo("probe:tcp"));
        // NOT_RUN is visible: warnings say what was not tried and why, and the summaries count it
        assertThat(r.warnings()).extracting(Warning::file).contains("probe:tls", "probe:https");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("no TCP connection"));
        assertThat(r.inputs()).filteredOn(s -> s.name().equals("probe:tls")).singleElement()
                .satisfies(s -> assertThat(s.linesSkipped()).isEqualTo(1));
    }

    @Test
    void aPortThatDropsPacketsIsSilentlyBlockedWithinItsDeadline() {
        try (BlackHolePort hole = BlackHolePort.droppingSyns()) {
            long t0 = System.nanoTime();
            Report r = probe(catalog().add("mail", "https://127.0.0.1:" + hole.port() + "/mail/r/").catalog(),
                    options().withProbeTimeout(Duration.ofMillis(800)));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(r).finding("PORT_BLOCKED").hasParam("blocking", "dropped").hasTitleContaining("silently");
        }
    }

    @Test
    void aFilteringProxysBlockPageMakesTheUrlBlocked() {
        try (TlsTestServer filtered = TlsTestServer.start(pki.healthy())) {
            filtered.respond(403, Map.of("Server", "BlueCoat-SG", "Via", "1.1 web-filter"), "<html>Access denied</html>");
            Report r = probe(catalog().add("calendar", https(filtered, "/calendar/")).catalog());
            assertThat(r).hasTopFinding("URL_BLOCKED").finding("URL_BLOCKED")
                    .hasParam("service", "calendar").hasParam("reason", "FILTERED").hasParam("via", "1.1 web-filter")
                    .hasTitleContaining("calendar");
            assertThat(r.top().orElseThrow().explanation()).contains("403").contains("1.1 web-filter");
        }
    }

    @Test
    void googlesOwnErrorAnswersStillMeanReachable() {
        try (TlsTestServer google = TlsTestServer.start(pki.healthy())) {
            google.respond(404, Map.of("Server", "ESF"), "not found");
            Report r = probe(catalog().add("tasks", https(google, "/tasks/")).catalog());
            assertThat(r).doesNotHaveFinding("URL_BLOCKED");
            assertThat(r.hasProblems()).isFalse();
        }
    }

    @Test
    void anInterceptorsChainIsInterceptionNamingTheProduct() {
        try (TlsTestServer fiddler = TlsTestServer.start(pki.interceptor())) {
            Report r = probe(catalog().add("mail", https(fiddler, "/mail/r/")).catalog());
            assertThat(r).hasTopFinding("TLS_INTERCEPTION")
                    .finding("TLS_INTERCEPTION").hasParam("product", "Fiddler").hasParam("issuer", "DO_NOT_TRUST_FiddlerRoot").and()
                    .hasFinding("UNTRUSTED_CA").explainedBy("TLS_INTERCEPTION").and()
                    .hasFinding("URL_BLOCKED").explainedBy("TLS_INTERCEPTION");
            assertThat(r.top().orElseThrow().explanation()).contains("Fiddler").contains("localhost:" + fiddler.port());
            assertThat(finding(r, "UNTRUSTED_CA").explanation()).contains("DO_NOT_TRUST_FiddlerRoot");
        }
    }

    @Test
    void aChainFromAnUnknownAuthorityIsUntrustedAndNamesTheIssuer() {
        // the catalog trusts another root, so the (otherwise fine) chain leads to no anchor, and its
        // issuer matches no known interception product
        Report r = probe(LoopbackCatalog.trusting(pki.interceptorRoot().certificate())
                .add("mail", https(healthy, "/mail/r/")).catalog());
        assertThat(r).hasTopFinding("TLS_INTERCEPTION")
                .finding("TLS_INTERCEPTION").hasParam("issuer", "Sonde Test Issuing CA WR2").and()
                .hasFinding("UNTRUSTED_CA").explainedBy("TLS_INTERCEPTION").hasParam("issuer", "Sonde Test Root R1");
        Finding top = r.top().orElseThrow();
        assertThat(top.params()).doesNotContainKey("product");
        assertThat(top.confidence()).isEqualTo(0.75);
        Finding untrusted = finding(r, "UNTRUSTED_CA");
        assertThat(untrusted.explanation()).contains("Sonde Test Root R1").contains("GTS Root R1");
    }

    @Test
    void anExpiredLeafWhileGooglesDateAgreesWithTheClockIsCertExpired() {
        try (TlsTestServer expired = TlsTestServer.start(pki.expired())) {
            // the healthy server's Date header shows the clock is right, so the certificate is really out of date
            Report r = probe(catalog().add("mail", https(expired, "/mail/r/")).add("calendar", https(healthy, "/calendar/")).catalog());
            assertThat(r).hasTopFinding("CERT_EXPIRED").doesNotHaveFinding("CLOCK_SKEW", "TLS_INTERCEPTION", "UNTRUSTED_CA")
                    .hasFinding("URL_BLOCKED").explainedBy("CERT_EXPIRED");
            assertThat(r.top().orElseThrow().params()).containsKeys("validFrom", "validUntil");
        }
    }

    @Test
    void anExpiredLeafAloneWhoseOwnDateAgreesWithTheClockIsCertExpiredNotClockSkew() {
        // issue 10: the expired server's own Date (read on the TLS probe's connection) agrees with this clock
        try (TlsTestServer expired = TlsTestServer.start(pki.expired())) {
            Report r = probe(catalog().add("mail", https(expired, "/mail/r/")).catalog());
            assertThat(r).hasTopFinding("CERT_EXPIRED").doesNotHaveFinding("CLOCK_SKEW");
            assertThat(r.top().orElseThrow().params()).containsKeys("validFrom", "validUntil");
        }
    }

    @Test
    void aGenuineChainOutsideItsValidityWhileTheServersDateSaysOtherwiseIsClockSkew() {
        // the clock is 100 days ahead: the healthy leaf looks expired, and the server's own Date disagrees
        try (TlsTestServer other = TlsTestServer.start(pki.healthy())) {
            Report r = probe(catalog().add("mail", https(other, "/mail/r/")).catalog(),
                    options().withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(100))));
            assertThat(r).hasTopFinding("CLOCK_SKEW").finding("CLOCK_SKEW").hasParam("clock", "ahead").and()
                    .hasFinding("CERT_EXPIRED").explainedBy("CLOCK_SKEW");
        }
    }

    @Test
    void anExpiredLeafServedWithACorrectDateNextToAValidChainIsCertExpired() {
        try (TlsTestServer expired = TlsTestServer.start(pki.expired())) {
            Report r = probe(catalog().add("mail", https(expired, "/mail/r/")).add("calendar", https(healthy, "/calendar/")).catalog());
            assertThat(r).hasTopFinding("CERT_EXPIRED").doesNotHaveFinding("CLOCK_SKEW");
        }
    }

    @Test
    void aWrongNameLeafIsANameMismatch() {
        try (TlsTestServer wrong = TlsTestServer.start(pki.wrongName())) {
            Report r = probe(catalog().add("mail", https(wrong, "/mail/r/")).catalog());
            assertThat(r).hasTopFinding("CERT_NAME_MISMATCH").doesNotHaveFinding("TLS_INTERCEPTION", "UNTRUSTED_CA")
                    .finding("CERT_NAME_MISMATCH").hasParam("subject", TestPki.WRONG_NAME).hasParam("host", "localhost");
        }
    }

    @Test
    void aRevokedLeafIsCertRevoked() {
        try (TlsTestServer revoked = TlsTestServer.start(pki.revoked())) {
            Report r = probe(catalog().add("mail", https(revoked, "/mail/r/")).catalog());
            assertThat(r).hasTopFinding("CERT_REVOKED");
        }
    }

    @Test
    void anUnusableRevocationServerFailsTheRevocationCheck() {
        try (LoopbackPki own = LoopbackPki.start(); TlsTestServer server = TlsTestServer.start(own.pki().healthy())) {
            own.revocation().mode(RevocationTestServer.Mode.GARBAGE);
            Report r = probe(LoopbackCatalog.trusting(own.pki().genuineRoot().certificate())
                    .add("mail", https(server, "/mail/r/")).catalog());
            assertThat(r).hasTopFinding("REVOCATION_CHECK_FAILED")
                    .finding("REVOCATION_CHECK_FAILED").hasParam("reason", "BAD_RESPONSE").hasParam("hosts", "127.0.0.1");
        }
    }

    @Test
    void aBlockedRevocationPortAndTheLogsFailedRevocationChecksAreOneRootCause() {
        ClosedPort closed = ClosedPort.allocate();
        Path log = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases/revocation-port-80-blocked");
        Report r = Sonde.builder().engine(engine).probeOptions(options())
                .probeCatalog(catalog().add("mail", https(healthy, "/mail/r/"))
                        .add("revocation", "http://127.0.0.1:" + closed.port() + "/").catalog())
                .build().diagnose(log);
        assertThat(r).hasTopFinding("PORT_BLOCKED").finding("PORT_BLOCKED").hasParam("logged", "CERT_REV_FAILED").and()
                .hasFinding("REVOCATION_CHECK_FAILED").explainedBy("PORT_BLOCKED");
        assertThat(r.top().orElseThrow().evidence()).anySatisfy(e -> assertThat(e.file()).isEqualTo("probe:tcp"))
                .anySatisfy(e -> assertThat(e.file()).endsWith("auth.log"));
        assertThat(r.inputs()).extracting(InputSummary::format).contains("probe", "gwsmo-authorization");
    }

    @Test
    void aProxyAskingForCredentialsIsProxyAuthRequiredWithItsSchemes() {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("NTLM", "Negotiate", "Basic realm=\"corp\"")) {
            String netsh = "Current WinHTTP proxy settings:\n\n    Proxy Server(s) :  127.0.0.1:" + proxy.port()
                    + "\n    Bypass List     :  <local>\n";
            Report r = probe(catalog().add("mail", https(healthy, "/mail/r/")).catalog(), options().withWinHttpProxyText(netsh));
            assertThat(r).hasTopFinding("PROXY_AUTH_REQUIRED")
                    .finding("PROXY_AUTH_REQUIRED").hasParam("schemes", "NTLM, Negotiate, Basic")
                    .hasParam("proxy", "127.0.0.1:" + proxy.port()).and()
                    .hasFinding("URL_BLOCKED").explainedBy("PROXY_AUTH_REQUIRED");
            assertThat(proxy.requestHeads()).isNotEmpty()
                    .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("proxy-authorization"));
        }
    }

    @Test
    void aClockThreeDaysAheadIsClockSkewWithTheMeasuredOffset() {
        Report r = probe(catalog().add("mail", https(healthy, "/mail/r/")).catalog(),
                options().withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(3))));
        assertThat(r).hasTopFinding("CLOCK_SKEW").finding("CLOCK_SKEW").hasParam("clock", "ahead");
        Finding top = r.top().orElseThrow();
        assertThat(Duration.parse(top.params().get("offset"))).isBetween(Duration.ofHours(71), Duration.ofHours(73));
        assertThat(top.explanation()).contains("3 days");
    }

    @Test
    void aClockFarBehindGivesOneMeasuredOffsetWithTheServedChainAsEvidence() {
        Report r = probe(catalog().add("mail", https(healthy, "/mail/r/")).catalog(),
                options().withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-400))));
        assertThat(r).hasTopFinding("CLOCK_SKEW").finding("CLOCK_SKEW").hasParam("clock", "behind").and()
                .hasFinding("CERT_EXPIRED").explainedBy("CLOCK_SKEW");
        Finding top = r.top().orElseThrow();
        assertThat(Duration.parse(top.params().get("offset")).toDays()).isBetween(399L, 400L);
        assertThat(top.evidence()).extracting(dev.sonde.Evidence::file).contains("probe:clock", "probe:tls");
    }

    @Test
    void anUnresolvableHostIsADnsFailureAndNothingBehindItRuns() {
        HostResolver onlyLocalhost = (host, deadline) -> {
            if (host.equals("localhost")) {
                return List.of(InetAddress.getByName("127.0.0.1"));
            }
            throw new UnknownHostException(host);
        };
        Report r = Sonde.builder().engine(engine).prober(new CatalogProber(onlyLocalhost)).probeOptions(options())
                .probeCatalog(catalog().add("contacts", "https://unresolvable.sonde.test/m8/feeds/contacts/").catalog())
                .build().probe();
        assertThat(r).hasTopFinding("DNS_RESOLUTION_FAILED")
                .finding("DNS_RESOLUTION_FAILED").hasParam("hosts", "unresolvable.sonde.test");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("did not resolve"));
    }

    @Test
    void theOverallDeadlineHoldsWhenEveryHostSwallowsTraffic() {
        try (BlackHolePort a = BlackHolePort.accepting(); BlackHolePort b = BlackHolePort.accepting()) {
            LoopbackCatalog c = catalog();
            for (int i = 0; i < 4; i++) {
                c.add("mail", "https://127.0.0.1:" + a.port() + "/m" + i).add("tasks", "https://127.0.0.1:" + b.port() + "/t" + i);
            }
            long t0 = System.nanoTime();
            Report r = probe(c.catalog(), options().withTimeout(Duration.ofMillis(1500)).withProbeTimeout(Duration.ofSeconds(30)).withConcurrency(2));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).isLessThan(Duration.ofMillis(1500 + 1500));
            assertThat(r.warnings()).as(describe(r)).anySatisfy(w -> assertThat(w.message()).contains("overall probe deadline"));
            // what ran timed out (blocked); what was still queued at the deadline is reported as not run
            assertThat(r).hasFinding("URL_BLOCKED");
            assertThat(r.inputs()).anySatisfy(s -> assertThat(s.linesSkipped()).isPositive());
        }
    }
}
