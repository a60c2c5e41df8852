package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.logs.GwsmoLogReader;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.ReadResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "time is bounded": the reader checked its deadline every 4,096 lines, so a few huge lines or a
 * stream that trickles escaped it. It now also checks at every buffer fill. Each input here never ends: only
 * the deadline can stop the reading (the 10 s guard is far above the 0.3 s deadline; without the check these
 * would run until the test times out).
 */
class LogDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(300);
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final byte[] RECORD = "[2024-05-06T07:08:09:ERROR:windows_http.cc(100)] error 12002 "
            .getBytes(StandardCharsets.US_ASCII);

    /** Endless: the record prefix, then {@code lineLength - 1} filler bytes and a line end, again and again. */
    private static InputStream endless(int lineLength, boolean trickle) {
        return new InputStream() {
            private long i;

            @Override
            public int read() {
                long inLine = i++ % lineLength;
                return inLine < RECORD.length ? RECORD[(int) inLine] : inLine == lineLength - 1 ? '\n' : 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (trickle) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    len = 1;
                }
                for (int k = 0; k < len; k++) {
                    b[off + k] = (byte) read();
                }
                return len;
            }
        };
    }

    private static ReadResult readUntilDeadline(InputStream in) {
        return assertTimeoutPreemptively(GUARD, () -> ReadResult.read(new GwsmoLogReader(), LogInput.of("endless.log", in),
                Instant.now().plus(DEADLINE)));
    }

    private static void stoppedByTheDeadline(ReadResult r) {
        assertThat(r.warnings()).filteredOn(w -> w.message().contains("deadline")).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            assertThat(w.line()).isEqualTo(r.summary().linesRead() + 1);
            assertThat(w.message()).contains("stopped reading at line " + w.line());
        });
    }

    @Test
    void oneEndlessLineStopsAtTheDeadline() {
        ReadResult r = readUntilDeadline(endless(Integer.MAX_VALUE, false));
        stoppedByTheDeadline(r);
        assertThat(r.summary().linesRead()).isZero();
    }

    @Test
    void hugeLinesStopAtTheDeadline() {
        ReadResult r = readUntilDeadline(endless(8 * 1024 * 1024, false));
        stoppedByTheDeadline(r);
        assertThat(r.networkErrors()).hasSize((int) r.summary().linesRead()); // what was read was decoded
    }

    @Test
    void aTricklingStreamStopsAtTheDeadline() {
        ReadResult r = readUntilDeadline(endless(200, true));
        stoppedByTheDeadline(r);
        assertThat(r.summary().linesRead()).isLessThan(4096); // stopped long before a check every 4,096 lines
    }

    @Test
    void aLogReadBeforeItsDeadlineSaysNothingAboutIt() {
        ReadResult r = ReadResult.read(new GwsmoLogReader(), LogInput.ofBytes("ok.log",
                GwsmoLogs.articleExample1().getBytes(StandardCharsets.UTF_8)), Instant.now().plusSeconds(60));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.summary().linesRead()).isEqualTo(19);
    }
}
