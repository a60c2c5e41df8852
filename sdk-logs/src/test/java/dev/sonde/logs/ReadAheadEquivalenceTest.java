package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.LogInput;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogEncoding;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testsupport.MixedLog;
import dev.sonde.testsupport.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 12: reading a large input ahead on a second thread ({@link ChunkReader}, {@link LineIndex}) gives exactly what
 * reading it on the caller's thread gives: the same facts in the same order, the same warnings and the same summary.
 * The chunks are forced small (16 bytes to 2 KiB) and every input is read ahead, so that lines and records straddle
 * chunk borders, in every encoding the reader knows, with LF or CRLF, a cut last line, junk, and lines and records
 * at the caps; and no read-ahead thread is left behind.
 */
class ReadAheadEquivalenceTest {

    private static final String THREAD = "sonde-log-read-ahead";

    private static void sameAsSequential(byte[] bytes, int chunk, Object shown) {
        Instant deadline = Instant.now().plusSeconds(120);
        ReadResult ahead = ReadResult.read(new GwsmoLogReader(0, chunk), LogInput.ofBytes("a.log", bytes), deadline);
        ReadResult sequential = ReadResult.read(new GwsmoLogReader(true), LogInput.ofBytes("a.log", bytes), deadline);
        assertThat(ahead.facts()).as("%s, chunks of %d", shown, chunk).isEqualTo(sequential.facts());
        assertThat(ahead.warnings()).as("%s, chunks of %d", shown, chunk).isEqualTo(sequential.warnings());
        assertThat(ahead.summary()).as("%s, chunks of %d", shown, chunk).isEqualTo(sequential.summary());
        assertThat(readAheadThreads()).as("read-ahead threads left").isZero();
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD)).count();
    }

    /** A generated log with junk lines, in one encoding (Windows-1252 among them), LF or CRLF, maybe cut short. */
    private record Variant(String text, String encoding, boolean crlf, int cut) {
        byte[] bytes() {
            String t = crlf ? GwsmoLogs.toCrlf(text) : text;
            byte[] out = null;
            for (LogEncoding e : LogEncoding.values()) {
                if (e.name().equals(encoding)) {
                    byte[] b = e.encode(t);
                    out = Arrays.copyOf(e.bom(), e.bom().length + b.length);
                    System.arraycopy(b, 0, out, e.bom().length, b.length);
                }
            }
            if (out == null) {
                out = t.getBytes(Charset.forName("windows-1252"));
            }
            return Arrays.copyOf(out, Math.max(0, out.length - cut)); // a last line without its end, or cut mid-way
        }
    }

    private static Gen<Variant> variants() {
        return LogGenerators.logsWithJunk().zip(LogGenerators.encodingNames(), Generate.booleans(),
                integers().between(0, 40), Variant::new);
    }

    private static Gen<Integer> chunks() {
        return integers().between(16, 2048);
    }

    @Test
    void generatedLogsReadTheSameAheadAndInOrder() {
        qt().withExamples(400).forAll(variants(), chunks()).checkAssert((v, chunk) -> sameAsSequential(v.bytes(), chunk, v));
    }

    @Test
    void logsWithARegionInAnotherEncodingReadTheSame() {
        qt().withExamples(200).forAll(LogGenerators.mixedLogs(), chunks())
                .checkAssert((MixedLog m, Integer chunk) -> sameAsSequential(m.bytes(), chunk, m));
    }

    @Test
    void linesAndRecordsAtTheCapsReadTheSame() {
        String prefix = "2024-03-05T09:15:22.481+01:00 0f3c E:Network x!WinHttp::HandleCallback @ 2025 ()> ";
        StringBuilder log = new StringBuilder(prefix).append("Secure connection failure. Status: 0x00010000. Info 0x00000030\n");
        for (int len : new int[] {LogLines.MAX_LINE - 1, LogLines.MAX_LINE, LogLines.MAX_LINE + 1, 3 * LogLines.MAX_LINE}) {
            log.append(prefix).append("HTTP status 200 ").append("x".repeat(len - prefix.length() - 16)).append('\n');
            log.append("Certificate details: ").append("y".repeat(len)).append('\n');
        }
        log.append(prefix).append("Failure details:\n");
        for (int i = 0; i < LogRecord.MAX_CONTINUATIONS + 20; i++) {
            log.append("---Subject--- error 0x80072ee2 line ").append(i).append('\n');
        }
        log.append(prefix).append("Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.");
        for (boolean crlf : new boolean[] {false, true}) {
            String text = crlf ? GwsmoLogs.toCrlf(log.toString()) : log.toString();
            for (int chunk : new int[] {16, 1000, 4096, 65536, ChunkReader.CHUNK}) {
                sameAsSequential(text.getBytes(StandardCharsets.UTF_8), chunk, "caps, crlf " + crlf);
            }
        }
        assertThat(ReadResult.read("a.log", log.toString()).warnings()).isNotEmpty(); // the caps were met
    }

    @Test
    void aReadErrorMidwayIsReportedAfterWhatCameBefore() {
        byte[] log = (GwsmoLogs.articleExample2() + "\n").repeat(20).getBytes(StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plusSeconds(60);
        for (int chunk : new int[] {64, 1000}) {
            ReadResult ahead = ReadResult.read(new GwsmoLogReader(0, chunk), LogInput.of("e.log", failingAfter(log, 3000)), deadline);
            ReadResult sequential = ReadResult.read(new GwsmoLogReader(true), LogInput.of("e.log", failingAfter(log, 3000)), deadline);
            assertThat(ahead.summary()).isEqualTo(sequential.summary());
            assertThat(ahead.warnings()).isEqualTo(sequential.warnings());
            assertThat(ahead.warnings()).anyMatch(w -> w.message().contains("read error"));
        }
        assertThat(readAheadThreads()).isZero();
    }

    @Test
    void anEndlessInputStopsAtTheDeadlineAndLeavesNoThread() {
        InputStream endless = new InputStream() {
            private final byte[] line = (GwsmoLogs.articleExample2().lines().findFirst().orElseThrow() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            private long at;

            @Override
            public int read() {
                return line[(int) (at++ % line.length)];
            }

            @Override
            public int available() {
                return Integer.MAX_VALUE;
            }
        };
        Instant start = Instant.now();
        ReadResult r = ReadResult.read(new GwsmoLogReader(0, 4096), LogInput.of("endless.log", endless),
                start.plusMillis(300));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(r.warnings()).anyMatch(w -> w.message().contains("deadline"));
        assertThat(readAheadThreads()).isZero();
    }

    /** {@code bytes}, then a read error after {@code after} of them (reads of at most 100 bytes). */
    private static InputStream failingAfter(byte[] bytes, int after) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= after) {
                    throw new IOException("disk gone");
                }
                int n = Math.min(len, Math.min(100, after - pos));
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return bytes.length - pos;
            }
        };
    }
}
