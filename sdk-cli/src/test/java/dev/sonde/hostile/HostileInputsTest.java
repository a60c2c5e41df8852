package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.cli.SondeCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against inputs an attacker (or a messy customer machine) hands it: special files among the logs, folders
 * that cannot be searched, a flood of files under a short deadline, numbers out of range. Time stays bounded, the
 * good logs beside the bad input are read, and the outcome and exit code say what happened.
 */
class HostileInputsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of("../sdk-examples/samples");
    /** How far past its deadline a run may end (JVM scheduling on a loaded 2-core machine). */
    static final long MARGIN_MS = 2_000;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err, long millis) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run sonde(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int exit = SondeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** A folder holding the clock-skew sample's log (a problem the rules find) beside whatever the test adds. */
    private Path folderWithAGoodLog() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("logs"));
        Files.copy(SAMPLES.resolve("clock-skew/Identity/authorization.log"), dir.resolve("authorization.log"));
        return dir;
    }

    private static void assertGoodLogRead(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).contains("CLOCK_SKEW");
    }

    private static List<String> warnings(JsonNode report, String kind) {
        List<String> out = new ArrayList<>();
        report.get("warnings").forEach(w -> {
            if (w.get("kind").asText().equals(kind)) {
                out.add(w.get("file").asText() + ": " + w.get("message").asText());
            }
        });
        return out;
    }

    @Test
    void aNamedPipeAmongTheLogsIsNamedNotOpened() throws Exception {
        Path dir = folderWithAGoodLog();
        Path fifo = dir.resolve("pipe.log");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        for (String path : List.of(dir.toString(), fifo.toString())) {
            Run run = sonde("analyze", path, dir.resolve("authorization.log").toString(), "--format", "json", "--deadline", "20");
            JsonNode report = run.json();
            assertGoodLogRead(report);
            assertThat(warnings(report, "incomplete")).anySatisfy(w -> assertThat(w).contains("pipe.log")
                    .contains("named pipe (FIFO)"));
            assertThat(report.get("outcome").asText()).isEqualTo("incomplete");
            assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
        }
    }

    @Test
    void aDeviceBehindASymbolicLinkNamedLikeALogIsNotRead() throws Exception {
        Path dir = folderWithAGoodLog();
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Files.createSymbolicLink(dir.resolve("x.log"), zero);
        Run run = sonde("analyze", dir.toString(), "--format", "json", "--deadline", "20");
        JsonNode report = run.json();
        assertGoodLogRead(report);
        assertThat(warnings(report, "incomplete")).anySatisfy(w -> assertThat(w).contains("x.log").contains("device"));
        assertThat(run.millis()).isLessThan(20_000);
    }

    @Test
    void aSocketNamedLikeALogIsNotRead() throws Exception {
        Path dir = folderWithAGoodLog();
        Path socket = dir.resolve("s.log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Run run = sonde("analyze", dir.toString(), "--format", "json", "--deadline", "20");
            JsonNode report = run.json();
            assertGoodLogRead(report);
            assertThat(warnings(report, "incomplete")).anySatisfy(w -> assertThat(w).contains("s.log").contains("socket"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no Unix domain sockets here");
        }
    }

    @Test
    void aFolderThatCannotBeSearchedIsSkippedAndTheRestIsRead() throws Exception {
        Path dir = folderWithAGoodLog();
        // a path longer than the system allows: made short, then renamed from the bottom up, so that each rename's
        // own path stays short; the deepest folder ends up beyond PATH_MAX and cannot be opened by its full path
        Path deep = dir.resolve("deep");
        Path p = deep;
        for (int i = 0; i < 20; i++) {
            p = p.resolve("d");
        }
        Files.createDirectories(p);
        Files.writeString(p.resolve("lost.log"), "x");
        String longName = "n".repeat(250);
        for (Path q = p; !q.equals(deep); q = q.getParent()) {
            Files.move(q, q.resolveSibling(longName));
            q = q.resolveSibling(longName);
        }
        try {
            Run run = sonde("analyze", dir.toString(), "--format", "json", "--deadline", "20");
            JsonNode report = run.json();
            assertGoodLogRead(report);
            assertThat(warnings(report, "incomplete")).anySatisfy(w -> assertThat(w).contains("not searched"));
            assertThat(report.get("outcome").asText()).isEqualTo("incomplete");
        } finally {
            // short names again, top down, so that the temporary folder can be deleted
            for (Path q = deep; Files.exists(q.resolve(longName)); q = q.resolve("d")) {
                Files.move(q.resolve(longName), q.resolve("d"));
            }
        }
    }

    @Test
    void aFloodOfFilesStopsAtTheDeadlineAndSaysSo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("flood"));
        // each file a burst of answers that must be decoded (not chatter the reader skips) and are no problem: 30,000
        // files of 40 records take seconds to read however fast the reader gets, so the deadline of 1 s must stop it
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            burst.append(String.format("[2024-01-01T00:00:%02d:INFO:windows_http.cc(212)] Request to"
                    + " https://www.googleapis.com/calendar/v3/users/me/%d completed with HTTP status: 200%n", i, i));
        }
        byte[] answers = burst.toString().getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 30_000; i++) {
            Files.write(dir.resolve(String.format("f%05d.log", i)), answers);
        }
        Run run = sonde("analyze", dir.toString(), "--format", "json", "--deadline", "1");
        JsonNode report = run.json();
        assertThat(run.millis()).as("ms for --deadline 1").isLessThan(1_000 + MARGIN_MS);
        assertThat(report.get("outcome").asText()).isEqualTo("incomplete");
        assertThat(warnings(report, "incomplete")).anySatisfy(w -> assertThat(w).contains("deadline"));
        assertThat(run.exit()).isEqualTo(SondeCommand.INCOMPLETE);
    }

    @Test
    void numbersOutOfRangeAreUsageErrorsInOneSentence() {
        for (String[] args : List.of(
                new String[] {"analyze", "x", "--deadline", "9223372036854775807"},
                new String[] {"analyze", "x", "--deadline", "99999999999999999999999"},
                new String[] {"probe", "--timeout", "9223372036854775807h"},
                new String[] {"probe", "--timeout", "PT99999999999H"},
                new String[] {"probe", "--probe-timeout", "106751991167301d"},
                new String[] {"probe", "--clock-tolerance", "9223372036854775807m"})) {
            Run run = sonde(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(SondeCommand.USAGE);
            assertThat(run.err().lines().findFirst().orElse("")).startsWith("sonde: ").doesNotContain("Exception");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNoLogIsNothingToDiagnoseAndAnEmptyOneToo() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.log"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3});
        Path empty = Files.write(tmp.resolve("empty.log"), new byte[0]);
        Run run = sonde("analyze", junk.toString(), empty.toString());
        assertThat(run.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(run.out()).startsWith("Nothing to diagnose").doesNotContain("No problem found");
    }
}
