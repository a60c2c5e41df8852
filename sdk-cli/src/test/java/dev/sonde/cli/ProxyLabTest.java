package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.AnalyzeCommandTest.Run;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.FixedAnswerServer;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies that fail in every way a configured proxy can, on loopback, probed end to end with {@code sonde probe
 * --record} (issue 10, section 3): a Blue Coat / Symantec ProxySG that refuses the tunnel and names itself, a port
 * where nothing listens, something that answers garbage, a proxy that never answers; and a filter's block page for
 * an allow-listed URL whose {@code Date} is a third party's clock. Each run is also recorded: with
 * {@code -Dsonde.lab.record=DIR} the recordings are copied into {@code DIR/<scenario>.json}, which is how the golden
 * cases {@code probes-proxy-*} and {@code probes-block-page-*} were made.
 */
class ProxyLabTest {

    @TempDir
    static Path dir;
    static LoopbackPki loopback;
    static TlsTestServer healthy;

    /** What a ProxySG answers a CONNECT its policy denies. */
    static final String PROXYSG_403 = "HTTP/1.1 403 Forbidden\r\nServer: ProxySG\r\nVia: 1.1 proxysg.corp.example (ProxySG)\r\n"
            + "Content-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    @BeforeAll
    static void start() {
        loopback = LoopbackPki.start();
        healthy = TlsTestServer.start(loopback.pki().healthy());
    }

    @AfterAll
    static void stop() {
        healthy.close();
        loopback.close();
    }

    static Run probe(String scenario, TlsTestServer server, List<String> proxies) throws IOException {
        return probe(scenario, server.uri() + "mail/r/", proxies);
    }

    static Run probe(String scenario, String url, List<String> proxies) throws IOException {
        Path catalog = LoopbackCatalog.trusting(loopback.pki().genuineRoot().certificate()).add("mail", url).write(dir);
        Path recorded = dir.resolve(scenario + ".json");
        List<String> args = new ArrayList<>(List.of("probe", "--endpoints", catalog.toString(), "--no-proxy-discovery",
                "--timeout", "15s", "--probe-timeout", "1500ms", "-f", "json", "--record", recorded.toString()));
        proxies.forEach(p -> args.addAll(List.of("--proxy", p)));
        Run run = sonde(args.toArray(String[]::new));
        String out = System.getProperty("sonde.lab.record", "");
        if (!out.isEmpty()) {
            Files.copy(recorded, Path.of(out).resolve(scenario + ".json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return run;
    }

    static JsonNode finding(JsonNode report, String id) {
        return StreamSupport.stream(report.get("findings").spliterator(), false).filter(f -> f.get("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + ids(report)));
    }

    static List<String> ids(JsonNode report) {
        return StreamSupport.stream(report.get("findings").spliterator(), false).map(f -> f.get("id").asText()).toList();
    }

    static List<String> warnings(JsonNode report) {
        return StreamSupport.stream(report.get("warnings").spliterator(), false).map(JsonNode::toString).toList();
    }

    @Test
    void aProxySgThatRefusesTheTunnelIsNamed() throws Exception {
        try (FixedAnswerServer proxySg = FixedAnswerServer.answering(PROXYSG_403)) {
            JsonNode report = probe("proxy-proxysg-denies", healthy, List.of("127.0.0.1:" + proxySg.port())).json();

            JsonNode denied = finding(report, "PROXY_DENIED");
            assertThat(denied.get("params").get("product").asText()).isEqualTo("Blue Coat / Symantec ProxySG");
            assertThat(denied.get("params").get("httpStatus").asText()).isEqualTo("403");
            assertThat(denied.get("explanation").asText()).contains("Blue Coat / Symantec ProxySG");
            assertThat(ids(report)).doesNotContain("PROXY_UNREACHABLE");
        }
    }

    @Test
    void aProxyWhereNothingListensIsUnreachableAndExplainsTheUrlsThatFailedThroughIt() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        JsonNode report = probe("proxy-closed-port", healthy, List.of("127.0.0.1:" + closed.port())).json();

        JsonNode unreachable = finding(report, "PROXY_UNREACHABLE");
        assertThat(unreachable.get("params").get("failure").asText()).isEqualTo("unreachable");
        assertThat(unreachable.get("explainedBy").isNull()).isTrue();
        assertThat(finding(report, "URL_BLOCKED").get("explainedBy").asText()).isEqualTo("PROXY_UNREACHABLE");
        assertThat(ids(report).get(0)).isEqualTo("PROXY_UNREACHABLE");
    }

    @Test
    void aProxyThatAnswersGarbageIsABadResponseNeverSilence() throws Exception {
        try (FixedAnswerServer smtp = FixedAnswerServer.answering("220 mail.corp.example ESMTP ready\r\n\r\n")) {
            JsonNode report = probe("proxy-answers-garbage", healthy, List.of("127.0.0.1:" + smtp.port())).json();

            assertThat(finding(report, "PROXY_UNREACHABLE").get("params").get("failure").asText()).isEqualTo("badResponse");
            assertThat(finding(report, "PROXY_UNREACHABLE").get("title").asText()).contains("does not answer as a proxy");
        }
    }

    @Test
    void aProxyThatNeverAnswersTimesOut() throws Exception {
        try (BlackHolePort silent = BlackHolePort.accepting()) {
            JsonNode report = probe("proxy-never-answers", healthy, List.of("127.0.0.1:" + silent.port())).json();

            assertThat(finding(report, "PROXY_UNREACHABLE").get("params").get("failure").asText()).isEqualTo("timedOut");
            assertThat(finding(report, "URL_BLOCKED").get("explainedBy").asText()).isEqualTo("PROXY_UNREACHABLE");
        }
    }

    @Test
    void anUnreachableSecondProxyExplainsNothingTheFirstOneBlocked() throws Exception {
        // the URL goes through the first proxy (ProxySG, which refuses it); the second one is down: another proxy
        ClosedPort closed = ClosedPort.allocate();
        try (FixedAnswerServer proxySg = FixedAnswerServer.answering(PROXYSG_403)) {
            JsonNode report = probe("proxy-second-unreachable", healthy,
                    List.of("127.0.0.1:" + proxySg.port(), "127.0.0.1:" + closed.port())).json();

            assertThat(finding(report, "PROXY_UNREACHABLE").get("params").get("proxy").asText()).isEqualTo("127.0.0.1:" + closed.port());
            JsonNode blocked = finding(report, "URL_BLOCKED");
            assertThat(blocked.get("explainedBy").isNull() || !blocked.get("explainedBy").asText().equals("PROXY_UNREACHABLE")).isTrue();
            assertThat(blocked.get("targets").get(0).get("proxy").asText()).isEqualTo("127.0.0.1:" + proxySg.port());
        }
    }

    @Test
    void aBlockPagesDateIsAThirdPartysClock() throws Exception {
        try (TlsTestServer squid = TlsTestServer.start(loopback.pki().healthy())) {
            squid.respond(new TlsTestServer.Response(403, Map.of("Server", "squid/5.7", "Via", "1.1 filter.corp.example (squid/5.7)",
                    "Content-Type", "text/html"), "<html>Access denied by policy</html>", Duration.ZERO));
            JsonNode report = probe("block-page-date", squid, List.of()).json();

            JsonNode blocked = finding(report, "URL_BLOCKED");
            assertThat(blocked.get("params").get("product").asText()).isEqualTo("Squid");
            assertThat(ids(report)).doesNotContain("CLOCK_SKEW");
            // the block page had a Date, but no Google answer did: the warning says the clock was not measured
            assertThat(warnings(report)).anyMatch(w -> w.contains("no allow-listed URL answered with a Date header"));
        }
    }

    @Test
    void aBlockPageWhoseDateIsHoursOffIsNoClockSkew() throws Exception {
        try (SkewedDateTlsServer proxySg = SkewedDateTlsServer.blockPage(loopback.pki().healthy(), Duration.ofHours(3),
                "HTTP/1.1 403 Forbidden\r\nServer: BlueCoat-Security-Appliance\r\n")) {
            JsonNode report = probe("block-page-date-off", "https://localhost:" + proxySg.port() + "/mail/r/", List.of()).json();

            assertThat(ids(report)).contains("URL_BLOCKED").doesNotContain("CLOCK_SKEW");
            assertThat(finding(report, "URL_BLOCKED").get("params").get("product").asText()).isEqualTo("Blue Coat / Symantec ProxySG");
            assertThat(warnings(report)).anyMatch(w -> w.contains("no allow-listed URL answered with a Date header"));
        }
    }

    @Test
    void googlesOwnAnswerMeasuresTheClock() throws Exception {
        JsonNode report = probe("healthy-answer-date", healthy, List.of()).json();

        assertThat(ids(report)).doesNotContain("CLOCK_SKEW", "URL_BLOCKED");
        assertThat(warnings(report)).noneMatch(w -> w.contains("no allow-listed URL answered with a Date header"));
    }
}
