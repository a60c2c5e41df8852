package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.LogInput;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.spi.LogReader;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-input behaviour: encodings, line ends, limits, unreadable and unrecognised inputs, secrets. */
class GwsmoLogReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String A = "[2024-05-06T07:08:09:ERROR:windows_http.cc(100)] ";

    @Test
    void isTheRegisteredLogReader() {
        assertThat(ReadResult.reader()).isInstanceOf(GwsmoLogReader.class);
    }

    @Test
    void utf16BigEndianWithBom() {
        ReadResult r = ReadResult.read("be.log", GwsmoLogs.utf16beWithBom(GwsmoLogs.articleExample1()));
        assertThat(r.summary().encoding()).isEqualTo("UTF-16BE");
        assertThat(r.withoutLineNumbers()).isEqualTo(ReadResult.read("be.log", GwsmoLogs.articleExample1()).withoutLineNumbers());
    }

    @Test
    void utf16LittleEndianWithAndWithoutBom() {
        ReadResult bom = ReadResult.read("le.log", GwsmoLogs.utf16leWithBom(GwsmoLogs.articleExample2()));
        ReadResult noBom = ReadResult.read("le.log", GwsmoLogs.articleExample2().getBytes(StandardCharsets.UTF_16LE));
        ReadResult text = ReadResult.read("le.log", GwsmoLogs.articleExample2());
        assertThat(bom.summary().encoding()).isEqualTo("UTF-16LE");
        assertThat(noBom.summary().encoding()).isEqualTo("UTF-16LE");
        assertThat(bom.facts()).isEqualTo(text.facts());
        assertThat(noBom.facts()).isEqualTo(text.facts());
        ReadResult be = ReadResult.read("le.log", GwsmoLogs.articleExample2().getBytes(StandardCharsets.UTF_16BE));
        assertThat(be.summary().encoding()).isEqualTo("UTF-16BE");
        assertThat(be.facts()).isEqualTo(text.facts());
    }

    @Test
    void utf8WithBom() {
        ReadResult r = ReadResult.read("bom.log", GwsmoLogs.utf8WithBom(GwsmoLogs.articleExample1()));
        assertThat(r.summary().encoding()).isEqualTo("UTF-8");
        assertThat(r.summary().format()).isEqualTo("gwsmo-authorization");
        assertThat(r.facts()).isEqualTo(ReadResult.read("bom.log", GwsmoLogs.articleExample1()).facts());
    }

    @Test
    void windows1252LinesFallBackOneByOne() {
        String log = A + "Mot de passe é refusé: error 12002\n";
        ReadResult r = ReadResult.read("fr.log", log.getBytes(WINDOWS_1252));
        assertThat(r.summary().encoding()).isEqualTo("UTF-8/windows-1252");
        assertThat(r.networkErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(NetworkErrorCode.TIMEOUT);
            assertThat(e.source().text()).contains("Mot de passe é refusé");
        });
    }

    @Test
    void mixedUtf8AndWindows1252Lines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((A + "Échec (UTF-8): error 12029\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes((A + "Échec (1252): error 12030 – €\n").getBytes(WINDOWS_1252));
        out.writeBytes((A + "Zürich ✓: error 12007\n").getBytes(StandardCharsets.UTF_8));
        ReadResult r = ReadResult.read("mixed.log", out.toByteArray());
        assertThat(r.summary().encoding()).isEqualTo("UTF-8/windows-1252");
        assertThat(r.networkErrors()).extracting(e -> e.source().text().substring(A.length())).containsExactly(
                "Échec (UTF-8): error 12029", "Échec (1252): error 12030 – €", "Zürich ✓: error 12007");
        ReadResult pure = ReadResult.read("utf8.log", (A + "Zürich ✓: error 12007\n").getBytes(StandardCharsets.UTF_8));
        assertThat(pure.summary().encoding()).isEqualTo("UTF-8");
    }

    @Test
    void lineEndsLfCrlfAndLoneCr() {
        String lf = GwsmoLogs.articleExample1();
        List<Fact> expected = ReadResult.read("x.log", lf).withoutLineNumbers();
        assertThat(ReadResult.read("x.log", GwsmoLogs.toCrlf(lf)).withoutLineNumbers()).isEqualTo(expected);
        assertThat(ReadResult.read("x.log", lf.replace('\n', '\r')).withoutLineNumbers()).isEqualTo(expected);
        assertThat(ReadResult.read("x.log", lf.replace('\n', '\r').getBytes(StandardCharsets.UTF_8)).withoutLineNumbers())
                .isEqualTo(expected);
        ReadResult noFinalEol = ReadResult.read("x.log", lf.strip());
        assertThat(noFinalEol.summary().linesRead()).isEqualTo(19);
        assertThat(noFinalEol.facts()).isEqualTo(ReadResult.read("x.log", lf).facts());
    }

    @Test
    void unreadableFileGivesASummaryAndAWarning(@TempDir Path dir) {
        Path missing = dir.resolve("Trace-missing.log");
        ReadResult r = ReadResult.read(LogInput.of(missing));
        assertThat(r.summary()).isEqualTo(InputSummary.unreadable(missing.toString()));
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(missing.toString());
            assertThat(w.message()).startsWith("cannot be opened");
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
        });
        assertThat(r.facts()).isEmpty();
    }

    @Test
    void readErrorMidwayKeepsTheFactsAlreadySent() {
        byte[] first = GwsmoLogs.articleExample2().getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private int i;

            @Override
            public int read() throws IOException {
                if (i < first.length) {
                    return first[i++];
                }
                throw new IOException("disk gone");
            }
        };
        ReadResult r = ReadResult.read(LogInput.of("broken.log", failing));
        assertThat(r.summary().status()).isEqualTo(InputSummary.Status.READ);
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("read error").contains("disk gone");
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
        });
        assertThat(r.facts()).hasSize(6);
    }

    @Test
    void filesAreReadFromDisk(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("Trace-2017-09-21-04-10-00-p1.log");
        Files.write(f, GwsmoLogs.utf16leWithBom(GwsmoLogs.toCrlf(GwsmoLogs.articleExample2())));
        ReadResult r = ReadResult.read(LogInput.of(f));
        assertThat(r.summary().name()).isEqualTo(f.toString());
        assertThat(r.summary().encoding()).isEqualTo("UTF-16LE");
        assertThat(r.facts()).allSatisfy(x -> assertThat(x.source().file()).isEqualTo(f.toString()));
        assertThat(r.withoutLineNumbers()).isEqualTo(
                ReadResult.read(f.toString(), GwsmoLogs.articleExample2()).withoutLineNumbers());
    }

    @Test
    void unrecognisedInputSaysWhatAndWhere() {
        ReadResult r = ReadResult.read("notes.log", "Dear admin,\nplease look at this.\n\n");
        assertThat(r.summary().status()).isEqualTo(InputSummary.Status.UNRECOGNISED);
        assertThat(r.summary().format()).isEqualTo("unknown");
        assertThat(r.summary().linesRead()).isEqualTo(3);
        assertThat(r.summary().linesSkipped()).isEqualTo(3);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("notes.log");
            assertThat(w.message()).startsWith("not a GWSMO trace or authorization log").contains("line 1 reads \"Dear admin,\"");
            assertThat(w.kind()).isEqualTo(Warning.Kind.NOTE);
        });
        ReadResult versionOnly = ReadResult.read("v.log", "Version: 2\nsome text\n");
        assertThat(versionOnly.summary().status()).isEqualTo(InputSummary.Status.UNRECOGNISED);
        assertThat(versionOnly.summary().linesSkipped()).isEqualTo(2);
        assertThat(versionOnly.facts()).isEmpty();
        ReadResult empty = ReadResult.read("empty.log", "");
        assertThat(empty.summary().status()).isEqualTo(InputSummary.Status.UNRECOGNISED);
        assertThat(empty.warnings()).singleElement().extracting(Warning::message).asString().contains("empty");
    }

    @Test
    void linesBeforeTheFirstRecordAreSkippedAndCounted() {
        ReadResult r = ReadResult.read("x.log", "garbage one\ngarbage two\n" + GwsmoLogs.articleExample1() + "trailing note\n");
        assertThat(r.summary().linesRead()).isEqualTo(22);
        assertThat(r.summary().linesSkipped()).isEqualTo(2); // the trailing line continues the last record
        assertThat(r.summary().status()).isEqualTo(InputSummary.Status.READ);
        assertThat(r.facts()).hasSize(6);
    }

    /**
     * What "never throws" properties check besides: a failure of the reader's own code is swallowed into a warning
     * so that reading goes on, and {@link ReadResult#internalErrors()} finds it.
     */
    @Test
    void aFailureOfTheReadersOwnCodeIsAWarningThatPropertiesCanSee() {
        List<Warning> warnings = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        InputSummary s = new GwsmoLogReader().read(LogInput.ofText("x.log", GwsmoLogs.articleExample2()), f -> {
            if (first.getAndSet(false)) { // the first fact is handed over while reading: a bug there stops reading
                throw new IllegalStateException("a bug");
            }
        }, warnings::add, Instant.now().plusSeconds(60));
        ReadResult r = new ReadResult(List.of(), List.copyOf(warnings), s);
        assertThat(r.internalErrors()).singleElement().satisfies(w -> {
            assertThat(w.makesIncomplete()).isTrue();
            assertThat(w.message()).contains("an internal error (logged)").doesNotContain("IllegalStateException");
        });
        assertThat(ReadResult.read("x.log", GwsmoLogs.articleExample2()).internalErrors()).isEmpty();
    }

    @Test
    void deadlineStopsReadingWithAWarning() {
        // checked at every buffer fill (issue 8), not only every DEADLINE_EVERY lines: a deadline already past
        // reads nothing, and says so; the input counts as not read, not as "not a log"
        String log = GwsmoLogs.ordinaryLines(dev.sonde.testkit.logs.LogStyle.TRACE, Instant.parse("2024-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC, "1", 10_000);
        LogReader reader = new GwsmoLogReader();
        for (LogInput input : List.of(LogInput.ofText("slow.log", log), LogInput.ofBytes("slow.log", log.getBytes(StandardCharsets.UTF_8)))) {
            ReadResult r = ReadResult.read(reader, input, Instant.now().minusSeconds(1));
            assertThat(r.summary().linesRead()).isZero();
            assertThat(r.summary().status()).isEqualTo(InputSummary.Status.UNREADABLE);
            assertThat(r.facts()).isEmpty();
            assertThat(r.warnings()).singleElement().satisfies(w -> {
                assertThat(w.message()).contains("stopped reading at line 1").contains("deadline");
                assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            });
        }
    }

    @Test
    void overlongLinesAreCutAndWarningsCapped() {
        StringBuilder log = new StringBuilder();
        String longTail = "x".repeat(LogLines.MAX_LINE + 10);
        for (int i = 0; i < 30; i++) {
            log.append(A).append("error 12002 ").append(longTail).append('\n');
        }
        ReadResult r = ReadResult.read("long.log", log.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.summary().linesRead()).isEqualTo(30);
        assertThat(r.networkErrors()).hasSize(30);
        assertThat(r.networkErrors()).allSatisfy(e -> assertThat(e.source().text().length()).isLessThanOrEqualTo(1000));
        assertThat(r.warnings()).hasSize(GwsmoLogReader.MAX_WARNINGS + 1);
        assertThat(r.warnings().get(0).message()).contains("longer than 65536");
        assertThat(r.warnings().get(GwsmoLogReader.MAX_WARNINGS).message()).isEqualTo("10 more warnings about this input were not shown");
        // cut lines lost content: so did the held-back warnings, and their count says so
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE));
    }

    @Test
    void aHugeLineWithoutNewlinesNeedsNoHugeMemory() {
        long size = 64L * 1024 * 1024;
        byte[] prefix = (A + "error 12002 ").getBytes(StandardCharsets.US_ASCII);
        InputStream endless = new InputStream() {
            private long i;

            @Override
            public int read() {
                return i < size ? (i < prefix.length ? prefix[(int) i++] : (i++ % 2 == 0 ? 'a' : 'b')) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - i);
                for (int k = 0; k < n; k++) {
                    b[off + k] = (byte) read();
                }
                return n;
            }
        };
        ReadResult r = ReadResult.read(LogInput.of("one-line.log", endless));
        assertThat(r.summary().linesRead()).isEqualTo(1);
        assertThat(r.networkErrors()).hasSize(1);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains(String.valueOf(size - LogLines.MAX_LINE)));
    }

    @Test
    void recordsAreCapped() {
        StringBuilder log = new StringBuilder(A + "Failure details:\n");
        for (int i = 0; i < LogRecord.MAX_CONTINUATIONS + 50; i++) {
            log.append("detail line ").append(i).append('\n');
        }
        log.append(A).append("error 12029\n");
        ReadResult r = ReadResult.read("big.log", log.toString());
        assertThat(r.summary().linesSkipped()).isEqualTo(50);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("record starting at line 1");
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
        });
        assertThat(r.networkErrors()).hasSize(1);
    }

    @Test
    void binaryLinesAreSkippedAndCounted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((A + "error 12002\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 'x', '\n'});
        out.writeBytes(new byte[] {0x10, 0x11, 0x12, 'y', '\n'});
        out.writeBytes((A + "error 12029\n").getBytes(StandardCharsets.UTF_8));
        ReadResult r = ReadResult.read("bin.log", out.toByteArray());
        assertThat(r.summary().linesRead()).isEqualTo(4);
        assertThat(r.summary().linesSkipped()).isEqualTo(2);
        assertThat(r.networkErrors()).hasSize(2);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.message()).contains("binary").contains("2 such lines");
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
        });
    }

    @Test
    void secretsNeverReachFacts() {
        String log = A + "Token refresh failed: error 12002 refresh_token=1//0abcdefghijklmnopqrstuvwxyz\n"
                + A + "HTTP/1.1 407 Proxy Authentication Required; request had Authorization: Bearer ya29.xyzSECRETxyz\n"
                + "Proxy-Authenticate: Negotiate\n"
                + A + "Certificate details:\n---Subject---\naccess_token=ya29.anotherSECRET\n*.google.com\n-------------\n"
                + A + "Network connection destination details: 1.2.3.4:443 password=hunter2secret\n";
        ReadResult r = ReadResult.read("secrets.log", log);
        assertThat(r.facts()).hasSize(4);
        assertThat(r.facts()).allSatisfy(f -> assertThat(f.source().text())
                .doesNotContain("1//0abc").doesNotContain("ya29.").doesNotContain("SECRET").doesNotContain("hunter2"));
        assertThat(r.networkErrors().get(0).source().text()).contains("[redacted]");
        ReadResult unrecognised = ReadResult.read("secret-notes.log", "refresh_token=1//0abcdefghijklmnopq\n");
        assertThat(unrecognised.warnings()).allSatisfy(w -> assertThat(w.message()).doesNotContain("1//0abc"));
    }

    @Test
    void readerInputSkipsDetection() {
        ReadResult r = ReadResult.read("chars.log", GwsmoLogs.articleExample2());
        assertThat(r.summary().encoding()).isEqualTo("decoded text");
    }
}
