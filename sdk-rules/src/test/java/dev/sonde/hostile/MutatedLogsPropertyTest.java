package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.LogInput;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.InputSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzing the whole analysis with the shipped golden-case logs, mutated the ways real and hostile logs go wrong:
 * bit flips, truncation, lines deleted or duplicated, and lines inserted that look like the formats' own (record
 * starts, certificate blocks, status and error lines, long runs of what the decoders look for). Whatever the
 * mutation: nothing escapes the API, the same input gives the same report, and each analysis ends within its
 * deadline.
 */
class MutatedLogsPropertyTest {

    static final Duration DEADLINE = Duration.ofSeconds(4);
    /** How far past its deadline an analysis may end (scheduling on a loaded 2-core machine). */
    static final long MARGIN_MS = 1_500;

    /** Lines that look like the formats' own, some at their worst for a decoder. */
    static final List<String> FORMAT_LIKE = List.of(
            "2017-09-21T04:10:04.356-03:00 1a20 E:secure_connection.cc(322) Secure connection failed. Status: 0x00000008",
            "[2022-09-21T03:59:46:ERROR:windows_http.cc(331)] TLS connection failed, hr = 0x80072f8f",
            "Certificate details:",
            "Subject: CN=*.google.com",
            "Issuer: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com",
            "Valid from: 2017-09-13T15:37:00Z",
            "Valid until: 2017-12-06T15:37:00Z",
            "Network connection destination details: 127.0.0.1:8888 (" + "x".repeat(300) + ")",
            "Status: 0x" + "0".repeat(5000),
            "code" + " ".repeat(3000) + "0x",
            "error" + "\t".repeat(2000) + ":" + "9".repeat(2000),
            "hr = " + "0x".repeat(3000),
            "-".repeat(4000),
            "HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"" + "\\\"".repeat(1000),
            "[2022-09-21T03:59:46:ERROR:x.cc(1)]" + " ".repeat(2000),
            "2024-02-30T25:61:61.000+99:99 zzzz E:" + ":".repeat(3000),
            "\u001b[2J\u001b]8;;http://evil/\u0007click\u001b]8;;\u0007",
            "\u0000\u0000\u0000\u0000");

    static Sonde sonde;
    static List<byte[]> samples;

    @BeforeAll
    static void setUp() throws Exception {
        sonde = Sonde.builder().deadline(DEADLINE).build();
        Path cases = Path.of(Objects.requireNonNull(MutatedLogsPropertyTest.class.getClassLoader()
                .getResource("dev/sonde/packs/gwsmo/cases")).toURI());
        samples = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(cases)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                byte[] log = Files.readAllBytes(p);
                // the logs Sonde reads as logs (a case may hold a junk file on purpose)
                if (sonde.analyze(LogInput.ofBytes("Trace-sample.log", log)).inputs().get(0).status()
                        == InputSummary.Status.READ) {
                    samples.add(log);
                }
            }
        }
    }

    /** One change to a log: what kind, where (an index taken modulo the log's size) and with what. */
    record Mutation(int kind, int where, int what) {
    }

    static Gen<Mutation> mutations() {
        return integers().between(0, 5).zip(integers().between(0, Integer.MAX_VALUE - 1),
                integers().between(0, Integer.MAX_VALUE - 1), Mutation::new);
    }

    static byte[] apply(byte[] log, List<Mutation> mutations) throws IOException {
        byte[] out = log;
        for (Mutation m : mutations) {
            out = apply(out, m);
        }
        return out;
    }

    static byte[] apply(byte[] log, Mutation m) throws IOException {
        if (log.length == 0) {
            return log;
        }
        int at = m.where() % log.length;
        switch (m.kind()) {
            case 0 -> { // bit flip
                byte[] copy = log.clone();
                copy[at] ^= (byte) (1 << (m.what() % 8));
                return copy;
            }
            case 1 -> { // truncation
                byte[] copy = new byte[at];
                System.arraycopy(log, 0, copy, 0, at);
                return copy;
            }
            default -> {
                List<String> lines = new ArrayList<>(List.of(new String(log, StandardCharsets.ISO_8859_1).split("\n", -1)));
                int line = m.where() % lines.size();
                switch (m.kind()) {
                    case 2 -> lines.remove(line);
                    case 3 -> lines.add(line, lines.get(line));
                    default -> lines.add(line, FORMAT_LIKE.get(m.what() % FORMAT_LIKE.size()));
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.write(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
                return bytes.toByteArray();
            }
        }
    }

    @Test
    void theSamplesAreLogsWithFindingsBeforeMutation() {
        // the baseline: the property below starts from logs the analysis understands, most of them with findings
        assertThat(samples).hasSizeGreaterThan(40);
        long withFindings = 0;
        for (byte[] log : samples) {
            Report r = sonde.analyze(LogInput.ofBytes("Trace-sample.log", log));
            withFindings += r.findings().isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).isGreaterThan(samples.size() / 2);
    }

    @Test
    void mutatedLogsNeverBreakTheAnalysisAndGiveStableReportsInTime() {
        qt().withExamples(120).forAll(integers().between(0, samples.size() - 1), lists().of(mutations()).ofSizeBetween(1, 6))
                .checkAssert((sample, mutations) -> {
                    byte[] log;
                    try {
                        log = apply(samples.get(sample), mutations);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    long t0 = System.nanoTime();
                    Report first = sonde.analyze(LogInput.ofBytes("Trace-mutated.log", log));
                    long took = (System.nanoTime() - t0) / 1_000_000;
                    Report second = sonde.analyze(LogInput.ofBytes("Trace-mutated.log", log));
                    assertThat(second).as("the same input gives the same report").isEqualTo(first);
                    assertThat(took).as("ms for a deadline of %s", DEADLINE).isLessThan(DEADLINE.toMillis() + MARGIN_MS);
                    assertThat(first.inputs()).hasSize(1);
                });
    }
}
