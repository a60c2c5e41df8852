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

    /** The compile cache of these runs (never the user's). */
    static final Path CACHE = Path.of("target", "it-sonde-cache").toAbsolutePath();

    @org.junit.jupiter.api.BeforeAll
    static void emptyTheCache() throws java.io.IOException {
        if (Files.isDirectory(CACHE)) { // entries of earlier builds would be counted too
            try (var files = Files.walk(CACHE)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    static Result java(String... args) throws Exception {
        return javaWithCache(CACHE, args);
    }

    static Result javaWithCache(Path cache, String... args) throws Exception {
        Path jar = Path.of("target", "sonde.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        File out = File.createTempFile("sonde-out", ".txt");
        File err = File.createTempFile("sonde-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            builder.environment().put("SONDE_CACHE_DIR", cache.toString());
            Process p = builder.start();
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
        Result r = java("analyze", "../sdk-examples/samples/clock-skew", "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("findings").get(0).get("id").asText()).isEqualTo("CLOCK_SKEW");
        assertThat(r.err()).as("no Drools INFO chatter on stderr").doesNotContain("INFO");
    }

    /** A pack folder given with --rules: the built-in pack exported (the built-in pack itself is precompiled). */
    static final Path PACK = Path.of("target", "it-sonde-pack").toAbsolutePath();

    @Test
    void theSecondRunReadsTheCompiledRulesFromTheCache() throws Exception {
        Result exported = java("rules", "export", PACK.toString(), "--force");
        assertThat(exported.exit()).as(exported.err()).isZero();
        Result first = java("analyze", "../sdk-examples/samples/fiddler-interception", "--format", "json",
                "--rules", PACK.toString());
        List<Path> entries;
        try (var files = Files.list(CACHE)) {
            entries = files.filter(f -> f.toString().endsWith(".kbase")).toList();
        }
        assertThat(entries).hasSize(1);
        Path entry = entries.get(0);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(86_400_000L);
        Files.setLastModifiedTime(entry, old);
        Result second = java("analyze", "../sdk-examples/samples/fiddler-interception", "--format", "json",
                "--rules", PACK.toString());
        assertThat(Files.getLastModifiedTime(entry)).as("the entry was read (and marked used)").isGreaterThan(old);
        Result uncached = java("analyze", "../sdk-examples/samples/fiddler-interception", "--format", "json", "--no-cache",
                "--rules", PACK.toString());
        assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(uncached.exit()).isEqualTo(1);
        JsonNode a = new ObjectMapper().readTree(first.out());
        JsonNode b = new ObjectMapper().readTree(second.out());
        JsonNode c = new ObjectMapper().readTree(uncached.out());
        assertThat(b.get("findings")).isEqualTo(a.get("findings")).isEqualTo(c.get("findings"));
        assertThat(b.get("findings").get(0).get("id").asText()).isEqualTo("TLS_INTERCEPTION");
    }

    @Test
    void theBuiltInPackComesPrecompiledInTheJarAndIsNeitherCompiledNorCached() throws Exception {
        Path cache = Path.of("target", "it-sonde-cache-built-in").toAbsolutePath();
        Result builtIn = javaWithCache(cache, "analyze", "../sdk-examples/samples/fiddler-interception", "--format",
                "json", "--debug");
        assertThat(builtIn.exit()).as(builtIn.err()).isEqualTo(1);
        assertThat(builtIn.err()).contains("precompiled rules read");
        if (Files.isDirectory(cache)) {
            try (var files = Files.list(cache)) {
                assertThat(files.filter(f -> f.toString().endsWith(".kbase")).toList()).isEmpty();
            }
        }
        assertThat(new ObjectMapper().readTree(builtIn.out()).get("findings").get(0).get("id").asText())
                .isEqualTo("TLS_INTERCEPTION");
    }

    @Test
    void healthySampleExitsZero() throws Exception {
        Result r = java("analyze", "../sdk-examples/samples/healthy");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void usageErrorExitsTwo() throws Exception {
        Result r = java("analyze", "--format", "yaml", "../sdk-examples/samples/healthy");
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
