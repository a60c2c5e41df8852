package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.GoldenCase;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8, §1 for golden-case files: {@code expect.json} and {@code probes.json} are read only when regular files and
 * within a size cap, and malformed JSON is reported at its line and column without Java class names.
 */
class CaseFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aPipeOrDeviceAsExpectationOrRecordingIsRefusedWithoutBlocking() throws Exception {
        Path caseDir = Files.createDirectories(tmp.resolve("cases/piped"));
        Path expect = HostilePacks.fifo(caseDir.resolve("expect.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> GoldenCase.read(expect))
                .isInstanceOf(SondeException.class)
                .hasMessage("the expectation file " + expect + " cannot be read: it is a named pipe (FIFO), not a regular file"));
        Path probes = HostilePacks.fifo(caseDir.resolve(RecordedProbes.FILE));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> RecordedProbes.read(probes))
                .isInstanceOf(SondeException.class)
                .hasMessage(probes + ": not read: it is a named pipe (FIFO), not a regular file"));

        // a case whose probes.json is a pipe is not a case without probes: it fails, naming the file
        Files.delete(expect);
        Files.writeString(expect, "{\"top\": \"PORT_BLOCKED\"}");
        GoldenCase c = GoldenCase.load(tmp.resolve("cases")).get(0);
        assertThat(c.probes()).contains(probes);

        Path zero = HostilePacks.devZero(tmp.resolve("zero-probes.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> RecordedProbes.read(zero))
                .hasMessage(zero + ": not read: it is a character device, not a regular file"));
    }

    @Test
    void oversizedFilesAreRefusedWhileReading() throws Exception {
        Path expect = tmp.resolve("expect.json");
        try (RandomAccessFile f = new RandomAccessFile(expect.toFile(), "rw")) {
            f.setLength((1 << 20) + 1);
        }
        assertThatThrownBy(() -> GoldenCase.read(expect))
                .hasMessage("the expectation file " + expect + " is larger than 1 MiB; it was not read");
        Path probes = tmp.resolve("probes.json");
        try (RandomAccessFile f = new RandomAccessFile(probes.toFile(), "rw")) {
            f.setLength((4 << 20) + 1);
        }
        assertThatThrownBy(() -> RecordedProbes.read(probes))
                .hasMessage(probes + ": larger than 4 MiB, the most a recorded probes file may hold; not read");
        String big = " ".repeat((4 << 20) + 1);
        assertThatThrownBy(() -> RecordedProbes.read(new StringReader(big), "cases/x/probes.json"))
                .hasMessage("cases/x/probes.json: larger than 4 MiB, the most a recorded probes file may hold; not read");
    }

    @Test
    void malformedExpectationsSayWhereInWords() throws Exception {
        Path expect = Files.writeString(tmp.resolve("expect.json"), "{\"top\": \"X\",\n \"top\": \"Y\"}");
        assertThatThrownBy(() -> GoldenCase.read(expect)).hasMessage(expect + ":2:7: not valid JSON: duplicate field 'top'");
        Files.writeString(expect, "{\"top\": [1,}");
        assertThatThrownBy(() -> GoldenCase.read(expect)).hasMessageStartingWith(expect + ":1:12: not valid JSON: unexpected character")
                .hasMessageNotContaining("code 125").hasMessageNotContaining("Source");
        Files.writeString(expect, "[\"top\"]");
        assertThatThrownBy(() -> GoldenCase.read(expect)).hasMessage(expect + ": expected an object such as {\"top\": \"CLOCK_SKEW\"}");
    }
}
