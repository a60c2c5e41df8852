package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.AnalyzeCommandTest.Run;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonde collect} end to end: a fake {@code LOCALAPPDATA} tree with the samples' logs, loopback probe servers
 * (nothing leaves 127.0.0.0/8, proxy discovery off), the bundle, and {@code sonde analyze bundle.zip} giving the
 * findings of {@code sonde diagnose} on the same logs and servers.
 */
class CollectCommandTest {

    @TempDir
    Path tmp;

    @AfterEach
    void realMachineAgain() {
        LogFolders.MACHINE.remove();
    }

    @Test
    void aBundleAnalyzedElsewhereGivesTheFindingsOfDiagnoseHere() throws Exception {
        Path local = LogFoldersTest.fakeLocalAppData(tmp.resolve("profile"));
        Path identity = local.resolve("Google").resolve("Identity");
        Path tracing = local.resolve("Google").resolve("Google Apps Sync").resolve("Tracing");
        // a log older than --days stays out; one with a secret goes in without it
        Path old = Files.writeString(identity.resolve("old.log"), "[2017-01-01T00:00:00:ERROR:x.cc(1)] old\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        Files.writeString(identity.resolve("token.log"),
                "[2022-09-21T03:59:40:INFO:oauth.cc(12)] refresh_token=1//0gSECRETSECRETSECRET user jdoe@example.com\n");
        LogFolders.MACHINE.set(new LogFolders(Map.of("LOCALAPPDATA", local.toString(),
                "HTTPS_PROXY", "http://alice:s3cret@127.0.0.1:3128"), "Linux"));
        try (LoopbackPki loopback = LoopbackPki.start(); TlsTestServer healthy = TlsTestServer.start(loopback.pki().healthy())) {
            ClosedPort closed = ClosedPort.allocate();
            Path catalog = LoopbackCatalog.trusting(loopback.pki().genuineRoot().certificate())
                    .add("mail", healthy.uri() + "mail/r/")
                    .add("calendar", "https://127.0.0.1:" + closed.port() + "/calendar/")
                    .write(Files.createDirectories(tmp.resolve("catalog")));
            String[] probing = {"--endpoints", catalog.toString(), "--no-proxy-discovery", "--timeout", "15s",
                "--probe-timeout", "5s"};
            Path bundle = tmp.resolve("bundle.zip");
            List<String> collect = new ArrayList<>(List.of("collect", bundle.toString(), "--from", identity.toString(),
                    tracing.toString(), "--anonymize"));
            collect.addAll(List.of(probing));
            Run collected = sonde(collect.toArray(String[]::new));
            assertThat(collected.exit()).as(collected.err()).isEqualTo(SondeCommand.OK);

            Map<String, String> entries = entries(bundle);
            assertThat(entries.keySet()).containsExactlyInAnyOrder("logs/Identity/authorization.log",
                    "logs/Identity/token.log", "logs/Tracing/Trace-2017-09-21-04-10-02-p6688.log", "probes.json",
                    "manifest.json");
            assertThat(entries.get("logs/Identity/token.log")).contains("refresh_token=[redacted]")
                    .doesNotContain("SECRET").doesNotContain("jdoe").contains("user1@domain1");
            JsonNode manifest = AnalyzeCommandTest.JSON.readTree(entries.get("manifest.json"));
            assertThat(manifest.get("format").asText()).isEqualTo("sonde.bundle/1");
            assertThat(manifest.get("proxyEnvironment").get("HTTPS_PROXY").asText())
                    .isEqualTo("http://alice:[redacted]@127.0.0.1:3128");
            assertThat(manifest.toString()).contains("not Windows: there is no netsh, reg or certutil").doesNotContain("s3cret");
            assertThat(manifest.get("probes").get("results").asInt()).isPositive();
            assertThat(manifest.get("olderLogsLeftOut").asInt()).isEqualTo(1);

            List<String> diagnose = new ArrayList<>(List.of("diagnose", identity.toString(), tracing.toString(),
                    "-f", "json"));
            diagnose.addAll(List.of(probing));
            Run here = sonde(diagnose.toArray(String[]::new));
            Run there = sonde("analyze", bundle.toString(), "-f", "json");
            assertThat(there.err()).contains("replaying the");
            assertThat(there.exit()).isEqualTo(here.exit()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(findings(there)).isEqualTo(findings(here));
            // from the probes (replayed), from the Identity logs and from the trace
            assertThat(String.join("\n", findings(there))).contains(" PORT_BLOCKED ", " CLOCK_SKEW ", " TLS_INTERCEPTION ");
        }
    }

    @Test
    void hostOutputsAreWrittenAsUtf8FromEveryConsoleEncoding() {
        String french = "Activé :                              Oui\r\nProfils :                             Domaine,Privé\r\n";
        String german = "Profile:                              Domäne,Privat,Öffentlich\r\n";
        java.nio.charset.Charset cp850 = java.nio.charset.Charset.forName("IBM850");
        assertThat(SupportBundle.decode(french.getBytes(cp850))).isEqualTo(french); // cmd's > on a French Windows
        assertThat(SupportBundle.decode(german.getBytes(cp850))).isEqualTo(german);
        assertThat(SupportBundle.decode(french.getBytes(java.nio.charset.Charset.forName("windows-1252")))).isEqualTo(french);
        assertThat(SupportBundle.decode(french.getBytes(StandardCharsets.UTF_8))).isEqualTo(french);
        byte[] utf16 = ("\uFEFF" + german).getBytes(StandardCharsets.UTF_16LE);
        assertThat(SupportBundle.decode(utf16)).isEqualTo(german); // PowerShell
    }

    @Test
    void withoutFoldersOffWindowsItIsAUsageErrorAndWritesNothing() {
        LogFolders.MACHINE.set(new LogFolders(Map.of(), "Linux"));
        Path bundle = tmp.resolve("b.zip");
        Run run = sonde("collect", bundle.toString(), "--no-probe");
        assertThat(run.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(run.err()).contains("--from DIR");
        assertThat(bundle).doesNotExist();
    }

    /** Finding ids with their ranks and what explains them, in report order (old.log is not in the bundle). */
    private static List<String> findings(Run run) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : run.json().get("findings")) {
            out.add(f.get("rank").asInt() + " " + f.get("id").asText() + " <- " + f.get("explainedBy").asText());
        }
        return out;
    }

    private static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
