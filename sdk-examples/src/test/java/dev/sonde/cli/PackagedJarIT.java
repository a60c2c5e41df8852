package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged CLI ({@code java -jar target/sonde.jar}) as its own process: the built-in rule
 * pack must load from inside the sdk-rules jar, and exit codes must reach the shell.
 */
class PackagedJarIT {

    record Result(int exit, String out, String err) {
    }

    static Result java(String... args) throws Exception {
        Path jar = Path.of("target", "sonde.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        File out = File.createTempFile("sonde-out", ".txt");
        File err = File.createTempFile("sonde-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sonde finished within 2 minutes").isTrue();
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }

    @Test
    void analyzesTheClockSkewSampleFromTheJar() throws Exception {
        Result r = java("analyze", "samples/clock-skew", "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("findings").get(0).get("id").asText()).isEqualTo("CLOCK_SKEW");
        assertThat(r.err()).as("no Drools INFO chatter on stderr").doesNotContain("INFO");
    }

    @Test
    void healthySampleExitsZero() throws Exception {
        Result r = java("analyze", "samples/healthy");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void usageErrorExitsTwo() throws Exception {
        Result r = java("analyze", "--format", "yaml", "samples/healthy");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("yaml");
    }

    @Test
    void probesAnInterceptingLoopbackServerFromTheJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (dev.sonde.testsupport.net.LoopbackPki loopback = dev.sonde.testsupport.net.LoopbackPki.start();
             dev.sonde.testsupport.net.TlsTestServer fiddler =
                     dev.sonde.testsupport.net.TlsTestServer.start(loopback.pki().interceptor())) {
            Path catalog = LoopbackCatalog.trusting(loopback.pki().genuineRoot().certificate())
                    .add("mail", fiddler.uri() + "mail/r/").write(dir);
            Result r = java("probe", "--endpoints", catalog.toString(), "--no-proxy-discovery", "--timeout", "10s",
                    "--format", "json");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            JsonNode top = new ObjectMapper().readTree(r.out()).get("findings").get(0);
            assertThat(top.get("id").asText()).isEqualTo("TLS_INTERCEPTION");
            assertThat(top.get("params").get("product").asText()).isEqualTo("Fiddler");
            assertThat(r.err()).as("no progress line in JSON mode, no chatter").isEmpty();
        }
    }
}
