package dev.sonde.cli;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.spi.RuleEngine;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, §5: one probe catalog over a loopback lab of misbehaving servers, each with its own problem: an
 * interceptor's chain (a root the catalog does not trust, issuer named like Fiddler), a wrong-name leaf (valid chain
 * from the catalog's root), an expired leaf served with a correct {@code Date}, a server whose {@code Date} is 3 hours
 * off (valid chain) and a port that never answers (SYNs dropped). Probed once through the public API; each problem
 * must be its own root cause on its own target, and no link may cross targets. Nothing leaves 127.0.0.1.
 */
class LoopbackLabTest {

    static RuleEngine engine;
    static LoopbackPki loopback;
    static TlsTestServer interceptor;
    static TlsTestServer wrongName;
    static TlsTestServer expired;
    static SkewedDateTlsServer skewedDate;
    static TlsTestServer healthy;
    static BlackHolePort silent;
    static Report report;

    @BeforeAll
    static void probeTheLab() {
        engine = new DroolsRuleEngineFactory().create(Optional.empty());
        loopback = LoopbackPki.start();
        TestPki pki = loopback.pki();
        interceptor = TlsTestServer.start(pki.interceptor());
        wrongName = TlsTestServer.start(pki.wrongName());
        expired = TlsTestServer.start(pki.expired());
        skewedDate = SkewedDateTlsServer.start(pki.healthy(), Duration.ofHours(3));
        healthy = TlsTestServer.start(pki.healthy());
        silent = BlackHolePort.droppingSyns();
        // 4 s per probe: a healthy loopback server's handshake stays well under it even on a loaded 2-core machine
        // (1.5 s did not, at a load of 10); the silent port costs those 4 s once
        ProbeOptions options = ProbeOptions.defaults().withSystemProxyDiscovery(false)
                .withTimeout(Duration.ofSeconds(30)).withProbeTimeout(Duration.ofSeconds(4));
        report = Sonde.builder().engine(engine).probeOptions(options)
                .probeCatalog(LoopbackCatalog.trusting(pki.genuineRoot().certificate())
                        .add("mail", "https://localhost:" + interceptor.port() + "/mail/r/")
                        .add("calendar", "https://localhost:" + wrongName.port() + "/calendar/")
                        .add("tasks", "https://localhost:" + expired.port() + "/tasks/")
                        .add("drive", "https://localhost:" + skewedDate.port() + "/drive/")
                        .add("contacts", "https://localhost:" + healthy.port() + "/m8/feeds/contacts/")
                        .add("directory", "https://127.0.0.1:" + silent.port() + "/admin/directory/")
                        .catalog())
                .build().probe();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {interceptor, wrongName, expired, skewedDate, healthy, silent, loopback}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // test cleanup
            }
        }
    }

    static Finding finding(String id) {
        return report.finding(id).orElseThrow(() -> new AssertionError(id + " not in\n" + describe()));
    }

    static List<Integer> ports(Finding f) {
        return f.targets().stream().map(t -> t.target().port()).distinct().toList();
    }

    static FindingTarget on(Finding f, int port) {
        return f.targets().stream().filter(t -> t.target().port() == port).findFirst()
                .orElseThrow(() -> new AssertionError(f.id() + " has no target on port " + port + "\n" + describe()));
    }

    static String describe() {
        StringBuilder sb = new StringBuilder();
        report.findings().forEach(f -> {
            sb.append(f.rank()).append(' ').append(f.id()).append(f.explainedBy().map(c -> " <-" + c).orElse(""))
                    .append(' ').append(f.params()).append('\n');
            f.targets().forEach(t -> sb.append("    ").append(t.target()).append(" port=").append(t.target().port())
                    .append(" state=").append(t.state()).append(t.explainedBy().map(c -> " <-" + c).orElse(" (root)"))
                    .append('\n'));
        });
        report.warnings().forEach(w -> sb.append("warning ").append(w).append('\n'));
        return sb.toString();
    }

    @Test
    void theInterceptorIsInterceptionOnItsOwnServerOnly() {
        Finding f = finding("TLS_INTERCEPTION");
        assertThat(ports(f)).as(describe()).containsExactly(interceptor.port());
        FindingTarget t = on(f, interceptor.port());
        assertThat(t.explainedBy()).as(describe()).isEmpty();
        assertThat(t.target().host()).isEqualTo("localhost");
        assertThat(report).finding("TLS_INTERCEPTION").hasParam("product", "Fiddler");
    }

    @Test
    void theWrongNameLeafIsANameMismatchRootCauseOnItsOwnServer() {
        Finding f = finding("CERT_NAME_MISMATCH");
        assertThat(ports(f)).as(describe()).containsExactly(wrongName.port());
        FindingTarget t = on(f, wrongName.port());
        assertThat(t.explainedBy()).as(describe()).isEmpty();
        assertThat(t.target().host()).isEqualTo("localhost");
        assertThat(f.causes()).as(describe()).doesNotContain("TLS_INTERCEPTION");
    }

    @Test
    void theExpiredLeafIsCertExpiredRootCauseOnItsOwnServer() {
        Finding f = finding("CERT_EXPIRED");
        assertThat(ports(f)).as(describe()).containsExactly(expired.port());
        FindingTarget t = on(f, expired.port());
        assertThat(t.explainedBy()).as(describe()).isEmpty();
        assertThat(t.target().host()).isEqualTo("localhost");
        assertThat(f.causes()).as(describe()).doesNotContain("CLOCK_SKEW", "TLS_INTERCEPTION");
    }

    @Test
    void aServerWhoseDateIsThreeHoursOffIsNoClockSkewWhileTheOtherServersDatesAgree() {
        assertThat(report).doesNotHaveFinding("CLOCK_SKEW");
    }

    @Test
    void theServerWithTheOffDateHasNoProblem() {
        assertThat(report.findings()).as(describe())
                .allSatisfy(f -> assertThat(ports(f)).as(f.id()).doesNotContain(skewedDate.port(), healthy.port()));
    }

    @Test
    void thePortThatNeverAnswersIsBlockedOnItsOwnTarget() {
        Finding f = finding("PORT_BLOCKED");
        assertThat(ports(f)).as(describe()).containsExactly(silent.port());
        FindingTarget t = on(f, silent.port());
        assertThat(t.explainedBy()).as(describe()).isEmpty();
        assertThat(t.target().address()).isEqualTo("127.0.0.1");
        assertThat(report).finding("PORT_BLOCKED").hasParam("blocking", "dropped");
    }

    @Test
    void theInterceptionExplainsTheInterceptorsOwnChecks() {
        assertThat(on(finding("UNTRUSTED_CA"), interceptor.port()).explainedBy()).as(describe()).contains("TLS_INTERCEPTION");
        assertThat(ports(finding("UNTRUSTED_CA"))).as(describe()).containsExactly(interceptor.port());
        assertThat(on(finding("URL_BLOCKED"), interceptor.port()).explainedBy()).as(describe()).contains("TLS_INTERCEPTION");
    }

    @Test
    void theBlockedUrlsAreExplainedByTheirOwnServersProblem() {
        Finding blocked = finding("URL_BLOCKED");
        assertThat(on(blocked, expired.port()).explainedBy()).as(describe()).contains("CERT_EXPIRED");
        assertThat(on(blocked, wrongName.port()).explainedBy()).as(describe()).contains("CERT_NAME_MISMATCH");
    }

    @Test
    void everyLinkStaysOnItsTarget() {
        // a cause named on a target must itself be a finding on that same target (no server explains another's problem)
        assertThat(report.findings()).as(describe()).allSatisfy(f -> f.targets().forEach(t -> t.explainedBy()
                .ifPresent(cause -> assertThat(ports(finding(cause))).as(f.id() + " on " + t.target() + " <- " + cause)
                        .contains(t.target().port()))));
    }

    @Test
    void eachProblemIsARootCause() {
        assertThat(List.of("TLS_INTERCEPTION", "CERT_NAME_MISMATCH", "CERT_EXPIRED", "PORT_BLOCKED"))
                .allSatisfy(id -> assertThat(report).finding(id).isRootCause());
    }
}
