package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.AnalyzeCommandTest.Run;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.TcpReason;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.ProxyTestServer;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonde probe --record FILE} and {@code sonde diagnose --record FILE} end to end, as a vendor turns a
 * customer's network into a golden case: probe loopback servers (nothing leaves 127.0.0.0/8, proxy discovery
 * is off), drop the recorded file into {@code cases/NAME/probes.json} of a pack with an {@code expect.json},
 * and {@code sonde rules test} runs it.
 */
class RecordCommandTest {

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

    static Path catalog(String... serviceAndUrl) {
        LoopbackCatalog c = LoopbackCatalog.trusting(pki.genuineRoot().certificate());
        for (int i = 0; i < serviceAndUrl.length; i += 2) {
            c.add(serviceAndUrl[i], serviceAndUrl[i + 1]);
        }
        return c.write(dir);
    }

    static Run probe(String command, Path catalog, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoints", catalog.toString(), "--no-proxy-discovery",
                "--timeout", "15s", "--probe-timeout", "5s"));
        args.addAll(List.of(more));
        return sonde(args.toArray(String[]::new));
    }

    /** A vendor's pack layered over the built-in one: no rule of its own yet, only cases. */
    static Path overlay(String name) throws IOException {
        Path pack = Files.createDirectories(dir.resolve(name));
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"vendor\", \"version\": \"1\", \"apiVersion\": 1, \"extends\": \"gwsmo\"}");
        Files.writeString(pack.resolve("vendor.drl"), "// the vendor's own rules go here\npackage com.example.vendor;\n");
        return pack;
    }

    static Path newCase(Path pack, String name, String expect) throws IOException {
        Path folder = Files.createDirectories(pack.resolve("cases").resolve(name));
        Files.writeString(folder.resolve("expect.json"), expect);
        return folder;
    }

    @Test
    void aRecordedProbeRunDroppedIntoACaseFolderPassesRulesTest() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (TlsTestServer healthy = TlsTestServer.start(pki.healthy())) {
            Path recorded = dir.resolve("customer-probes.json");
            Run run = probe("probe", catalog("mail", healthy.uri() + "mail/r/",
                    "calendar", "https://127.0.0.1:" + closed.port() + "/calendar/"), "-f", "json", "--record", recorded.toString());
            assertThat(run.exit()).as(run.err()).isEqualTo(SondeCommand.PROBLEMS);
            JsonNode report = run.json(); // stdout is still the report alone
            assertThat(report.get("findings").get(0).get("id").asText()).isEqualTo("PORT_BLOCKED");

            List<Fact> facts = RecordedProbes.read(recorded);
            long counted = 0;
            for (JsonNode s : report.get("sources")) {
                counted += s.get("facts").asLong();
            }
            assertThat(facts).hasSize((int) counted);
            assertThat(run.err()).isEqualTo("sonde: recorded " + facts.size() + " probe results to " + recorded + "\n");
            assertThat(Files.readString(recorded, StandardCharsets.UTF_8)).startsWith("{\n  \"format\": \"sonde.probes/1\",");
            assertThat(facts).filteredOn(f -> f instanceof PortCheck).extracting(f -> ((PortCheck) f).reason())
                    .containsExactlyInAnyOrder(TcpReason.CONNECTED, TcpReason.REFUSED);

            // the vendor's pack: the recorded file as the case's probes.json, and what it must show
            Path pack = overlay("vendor-pack");
            Path folder = newCase(pack, "customer-calendar-port-refused", """
                    {"description": "A customer's firewall refuses TCP to the calendar host.",
                     "top": "PORT_BLOCKED", "absent": ["URL_BLOCKED", "TLS_INTERCEPTION"],
                     "params": {"PORT_BLOCKED": {"port": "%d", "blocking": "refused", "hosts": "127.0.0.1"}}}
                    """.formatted(closed.port()));
            Files.copy(recorded, folder.resolve("probes.json"));
            Run test = sonde("rules", "test", pack.toString());
            assertThat(test.exit()).as(test.out() + test.err()).isEqualTo(SondeCommand.OK);
            assertThat(test.out()).isEqualTo("PASS customer-calendar-port-refused\n1 passed, 0 failed\n");

            // the case really is checked against the recorded facts: a wrong expectation fails
            Files.writeString(folder.resolve("expect.json"), "{\"top\": \"URL_BLOCKED\"}");
            Run failing = sonde("rules", "test", pack.toString());
            assertThat(failing.exit()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(failing.out()).startsWith("FAIL customer-calendar-port-refused: top finding is PORT_BLOCKED, expected URL_BLOCKED")
                    .endsWith("0 passed, 1 failed\n");

            // a damaged file is named, with the fact
            Files.writeString(folder.resolve("probes.json"), Files.readString(recorded).replaceFirst("\"status\": \"[A-Z_]+\", ", ""));
            Run damaged = sonde("rules", "test", pack.toString());
            assertThat(damaged.exit()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(damaged.out()).contains("FAIL customer-calendar-port-refused: the analysis failed: "
                    + folder.resolve("probes.json") + ": facts[0] (").contains("): missing field \"status\"");
        }
    }

    @Test
    void diagnoseRecordsTheProbesOnlyAndTheCaseJoinsThemWithTheLogs() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (TlsTestServer healthy = TlsTestServer.start(pki.healthy())) {
            Path logs = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases/revocation-port-80-blocked");
            Path recorded = dir.resolve("diagnose-probes.json");
            Run run = probe("diagnose", catalog("mail", healthy.uri() + "mail/r/",
                    "revocation", "http://127.0.0.1:" + closed.port() + "/"), "-f", "json", "--record", recorded.toString(),
                    logs.toString());
            assertThat(run.exit()).as(run.err()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(run.json().get("findings").get(0).get("id").asText()).isEqualTo("PORT_BLOCKED");
            List<Fact> facts = RecordedProbes.read(recorded);
            assertThat(facts).isNotEmpty().allSatisfy(f -> assertThat(f.source().file()).startsWith("probe:"));

            Path pack = overlay("diagnose-pack");
            Path folder = newCase(pack, "revocation-port-closed-with-log", """
                    {"top": "PORT_BLOCKED", "explainedBy": {"REVOCATION_CHECK_FAILED": "PORT_BLOCKED"},
                     "params": {"PORT_BLOCKED": {"logged": "CERT_REV_FAILED", "port": "%d"}}}
                    """.formatted(closed.port()));
            Files.copy(recorded, folder.resolve("probes.json"));
            Files.createDirectories(folder.resolve("Identity"));
            Files.copy(logs.resolve("Identity/auth.log"), folder.resolve("Identity/auth.log"));
            Run test = sonde("rules", "test", pack.toString());
            assertThat(test.out()).as(test.err()).isEqualTo("PASS revocation-port-closed-with-log\n1 passed, 0 failed\n");

            // without the log, the same recorded probes cannot tell that the logs' checks failed
            Files.delete(folder.resolve("Identity/auth.log"));
            Run probesOnly = sonde("rules", "test", pack.toString());
            assertThat(probesOnly.exit()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(probesOnly.out()).contains("PORT_BLOCKED parameter logged is missing, expected to contain 'CERT_REV_FAILED'");
        }
    }

    @Test
    void proxyCredentialsOnTheCommandLineAreNotRecorded() throws Exception {
        try (TlsTestServer healthy = TlsTestServer.start(pki.healthy()); ProxyTestServer proxy = ProxyTestServer.open()) {
            Path recorded = dir.resolve("proxy-probes.json");
            Run run = probe("probe", catalog("mail", healthy.uri() + "mail/r/"), "-f", "json", "--record", recorded.toString(),
                    "--proxy", "http://alice:s3cret@127.0.0.1:" + proxy.port());
            assertThat(run.exit()).as(run.err()).isEqualTo(SondeCommand.OK);
            String text = Files.readString(recorded, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("s3cret").doesNotContain("alice");
            List<Fact> facts = RecordedProbes.read(recorded);
            assertThat(facts).filteredOn(f -> f instanceof ProxySetting).extracting(f -> ((ProxySetting) f).proxy())
                    .containsExactly("127.0.0.1:" + proxy.port());
            assertThat(facts).filteredOn(f -> f instanceof ProxyCheck).extracting(f -> ((ProxyCheck) f).reason())
                    .containsExactly(ProxyReason.OPEN);
        }
    }

    @Test
    void aRecordFileInAFolderThatDoesNotExistIsAUsageError() {
        Path nowhere = dir.resolve("no-such-folder/probes.json");
        Run run = probe("probe", catalog("mail", "https://127.0.0.1:9/mail/r/"), "--record", nowhere.toString());
        assertThat(run.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(run.err()).startsWith("sonde: --record " + nowhere + ": the folder " + nowhere.getParent().toAbsolutePath()
                + " does not exist");
        assertThat(nowhere.getParent()).doesNotExist();
        Run folder = probe("diagnose", catalog("mail", "https://127.0.0.1:9/mail/r/"), "--record", dir.toString());
        assertThat(folder.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(folder.err()).contains("--record " + dir + ": is a folder; give a file name");
    }
}
