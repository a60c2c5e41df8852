package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.ProxyTestServer;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonde probe --endpoints <loopback catalog>} and {@code sonde diagnose} end to end, against real
 * loopback servers: the expected top finding per scenario, exit codes, JSON schema, NOT_RUN visible.
 * Proxy discovery is off, so the environment cannot send a probe off the machine.
 */
class ProbeCommandTest {

    @TempDir
    static Path dir;
    static LoopbackPki loopback;
    static TestPki pki;

    @BeforeAll
    static void start() {
        loopback = LoopbackPki.start();
        pki = loopback.pki();
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    static synchronized Path catalog(String... serviceAndUrl) {
        LoopbackCatalog c = LoopbackCatalog.trusting(pki.genuineRoot().certificate());
        for (int i = 0; i < serviceAndUrl.length; i += 2) {
            c.add(serviceAndUrl[i], serviceAndUrl[i + 1]);
        }
        return c.write(dir);
    }

    static AnalyzeCommandTest.Run probe(Path catalog, String... more) {
        List<String> args = new ArrayList<>(List.of("probe", "--endpoints", catalog.toString(), "--no-proxy-discovery",
                "--timeout", "15s", "--probe-timeout", "5s"));
        args.addAll(List.of(more));
        return sonde(args.toArray(String[]::new));
    }

    static String top(AnalyzeCommandTest.Run run) throws Exception {
        JsonNode findings = run.json().get("findings");
        return findings.isEmpty() ? "" : findings.get(0).get("id").asText();
    }

    @Test
    void healthyLoopbackCatalogExitsZeroWithNoProblem() throws Exception {
        try (TlsTestServer s = TlsTestServer.start(pki.healthy())) {
            AnalyzeCommandTest.Run run = probe(catalog("mail", s.uri() + "mail/r/",
                    "revocation", "http://127.0.0.1:" + loopback.revocation().port() + "/crl/issuing.crl"), "-f", "json");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(SondeCommand.OK);
            JsonNode report = run.json();
            assertThat(report.get("schema").asText()).isEqualTo("sonde.report/2");
            assertThat(report.get("sources").findValuesAsText("name")).contains("probe:tcp", "probe:tls", "probe:https");
            assertThat(run.err()).isEmpty(); // no progress line in JSON mode (nor off a terminal)
        }
    }

    @Test
    void eachScenarioGivesItsTopFinding() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (TlsTestServer fiddler = TlsTestServer.start(pki.interceptor());
             TlsTestServer expired = TlsTestServer.start(pki.expired());
             TlsTestServer wrongName = TlsTestServer.start(pki.wrongName());
             TlsTestServer filtered = TlsTestServer.start(pki.healthy());
             TlsTestServer healthy = TlsTestServer.start(pki.healthy());
             ProxyTestServer proxy = ProxyTestServer.requiringAuth("Negotiate", "NTLM")) {
            filtered.respond(403, Map.of("Via", "1.1 corp-filter"), "blocked by policy");
            Map<String, java.util.function.Supplier<AnalyzeCommandTest.Run>> scenarios = Map.of(
                    "TLS_INTERCEPTION", () -> probe(catalog("mail", fiddler.uri() + "mail/r/"), "-f", "json"),
                    "CERT_EXPIRED", () -> probe(catalog("mail", expired.uri() + "mail/r/", "calendar", healthy.uri() + "calendar/"),
                            "-f", "json"),
                    "CERT_NAME_MISMATCH", () -> probe(catalog("mail", wrongName.uri() + "mail/r/"), "-f", "json"),
                    "URL_BLOCKED", () -> probe(catalog("tasks", filtered.uri() + "tasks/"), "-f", "json"),
                    "PORT_BLOCKED", () -> probe(catalog("mail", "https://127.0.0.1:" + closed.port() + "/mail/r/"), "-f", "json"),
                    "PROXY_AUTH_REQUIRED", () -> probe(catalog("mail", healthy.uri() + "mail/r/"), "-f", "json",
                            "--proxy", "127.0.0.1:" + proxy.port()));
            // independent runs of the whole command (each compiles the rule pack): run them side by side
            Map<String, java.util.concurrent.CompletableFuture<AnalyzeCommandTest.Run>> pending = new java.util.TreeMap<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            scenarios.forEach((id, run) -> pending.put(id, java.util.concurrent.CompletableFuture.supplyAsync(run, pool)));
            pool.shutdown();
            Map<String, AnalyzeCommandTest.Run> runs = new java.util.TreeMap<>();
            for (Map.Entry<String, java.util.concurrent.CompletableFuture<AnalyzeCommandTest.Run>> e : pending.entrySet()) {
                runs.put(e.getKey(), e.getValue().get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            for (Map.Entry<String, AnalyzeCommandTest.Run> e : runs.entrySet()) {
                AnalyzeCommandTest.Run run = e.getValue();
                assertThat(top(run)).as(e.getKey() + ": " + run.out() + run.err()).isEqualTo(e.getKey());
                assertThat(run.exit()).as(e.getKey()).isEqualTo(SondeCommand.PROBLEMS);
            }
        }
    }

    @Test
    void textOutputShowsTheFindingAndWhatWasNotRun() {
        ClosedPort closed = ClosedPort.allocate();
        AnalyzeCommandTest.Run run = probe(catalog("mail", "https://localhost:" + closed.port() + "/mail/r/"));
        assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(run.out()).contains("TCP port " + closed.port() + " to Google is refused").contains("probe:tcp");
        assertThat(run.out()).contains("not checked");
    }

    @Test
    void diagnoseRanksProbesAndLogsInOneReport() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (TlsTestServer s = TlsTestServer.start(pki.healthy())) {
            Path logs = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases/revocation-port-80-blocked");
            List<String> args = new ArrayList<>(List.of("diagnose", logs.toString(), "--endpoints",
                    catalog("mail", s.uri() + "mail/r/", "revocation", "http://127.0.0.1:" + closed.port() + "/").toString(),
                    "--no-proxy-discovery", "--timeout", "15s", "--probe-timeout", "5s", "-f", "json"));
            AnalyzeCommandTest.Run run = sonde(args.toArray(String[]::new));
            assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(top(run)).as(run.out()).isEqualTo("PORT_BLOCKED");
            JsonNode report = run.json();
            assertThat(report.get("sources").findValuesAsText("format")).contains("probe", "gwsmo-authorization");
        }
    }

    @Test
    void aBadCatalogOrDurationIsAClearError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"endpoints\": [{\"service\": \"mail\"}]}");
        AnalyzeCommandTest.Run run = sonde("probe", "--endpoints", bad.toString(), "--no-proxy-discovery");
        assertThat(run.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(run.err()).contains("bad.json").contains("endpoints[0]");
        AnalyzeCommandTest.Run usage = sonde("probe", "--timeout", "soon");
        assertThat(usage.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(usage.err()).contains("--timeout");
    }
}
