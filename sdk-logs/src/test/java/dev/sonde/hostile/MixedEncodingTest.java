package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.Warning;
import dev.sonde.facts.Destination;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogEncoding;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.MixedLog;
import dev.sonde.testsupport.ReadResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 8, "nothing is lost": a log is not always in one encoding. A UTF-8 log can hold records a second writer
 * put there in UTF-16 (or the reverse); the reader used to decide from the first KiB and lost the other region's
 * failure lines (binary, or mojibake). It now decides per region, and counts what it could not decode.
 */
class MixedEncodingTest {

    @Test
    void aRegionInTheOtherEncodingGivesTheFactsOfTheWholeLogInOneEncoding() {
        qt().withExamples(300).forAll(LogGenerators.mixedLogs()).checkAssert((MixedLog m) -> {
            ReadResult whole = ReadResult.read("m.log", m.text().getBytes(StandardCharsets.UTF_8));
            ReadResult mixed = ReadResult.read("m.log", m.bytes());
            assertThat(whole.facts()).isNotEmpty();
            // the same facts: values, times, evidence text and line numbers
            assertThat(mixed.facts()).as("%s", m).isEqualTo(whole.facts());
            assertThat(mixed.summary().linesRead()).as("%s", m).isEqualTo(whole.summary().linesRead());
            assertThat(mixed.summary().linesSkipped()).as("%s", m).isZero();
            assertThat(mixed.warnings()).as("%s", m).isEmpty();
            boolean baseUsed = m.count() < GwsmoLogs.records(m.text(), m.style());
            Set<String> expected = baseUsed ? Set.of(m.base().label(), m.region().label()) : Set.of(m.region().label());
            assertThat(Set.of(mixed.summary().encoding().split("\\+"))).as("%s", m).isEqualTo(expected);
        });
    }

    /**
     * Pieces of arbitrary text (log-like fragments, control characters, lone surrogates) in any encoding, each cut
     * short by up to three bytes (a unit or a sequence split in two), run together: every switch between
     * encodings the reader can make, and none of them throws, loops or loses count.
     */
    @Test
    void anyMixtureOfEncodingsAndCutsIsReadWithoutError() {
        Gen<byte[]> pieces = LogGenerators.junkText().zip(Generate.enumValues(LogEncoding.class), integers().between(0, 3),
                (text, e, cut) -> {
                    byte[] b = e.encode(text);
                    byte[] withBom = new byte[e.bom().length + b.length];
                    System.arraycopy(e.bom(), 0, withBom, 0, e.bom().length);
                    System.arraycopy(b, 0, withBom, e.bom().length, b.length);
                    return Arrays.copyOf(withBom, Math.max(0, withBom.length - cut));
                });
        Gen<byte[]> inputs = lists().of(pieces).ofSizeBetween(1, 8).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
        AtomicInteger switched = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> qt().withExamples(1500).forAll(inputs).checkAssert(bytes -> {
            ReadResult r = ReadResult.read("mixed.bin", bytes);
            if (r.summary().encoding().contains("+")) {
                switched.incrementAndGet();
            }
            assertThat(r.internalErrors()).isEmpty();
            assertThat(r.summary().linesSkipped()).isBetween(0L, r.summary().linesRead());
            assertThat(r.summary().linesRead()).isLessThanOrEqualTo(bytes.length + 1L);
            assertThat(r.summary().encoding()).matches("(UTF-8(/windows-1252)?|UTF-16LE|UTF-16BE)(\\+(UTF-8(/windows-1252)?|UTF-16LE|UTF-16BE))*");
            assertThat(r.facts()).allSatisfy(f -> assertThat(f.source().line()).isBetween(1L, Math.max(1L, r.summary().linesRead())));
        }));
        assertThat(switched.get()).as("inputs read in more than one encoding").isGreaterThan(100);
    }

    @Test
    void theEncodingSaysWhatWasUsedFirstOneFirst() {
        String log = GwsmoLogs.articleExample2();
        int records = GwsmoLogs.records(log, LogStyle.TRACE);
        ReadResult r = ReadResult.read("m.log", GwsmoLogs.withRegion(log, LogStyle.TRACE, 2, 1, LogEncoding.UTF_8, LogEncoding.UTF_16LE));
        assertThat(r.summary().encoding()).isEqualTo("UTF-8+UTF-16LE");
        r = ReadResult.read("m.log", GwsmoLogs.withRegion(log, LogStyle.TRACE, 0, records - 1, LogEncoding.UTF_16BE_BOM,
                LogEncoding.UTF_8));
        assertThat(r.summary().encoding()).isEqualTo("UTF-8+UTF-16BE");
        assertThat(r.destinations()).singleElement().extracting(Destination::address).isEqualTo("127.0.0.1:8888");
    }

    @Test
    void aZeroFilledTailIsANoteAndLosesNothing() {
        for (LogEncoding e : List.of(LogEncoding.UTF_8, LogEncoding.UTF_16LE_BOM, LogEncoding.UTF_16BE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(e.bom());
            out.writeBytes(e.encode(GwsmoLogs.articleExample1()));
            out.writeBytes(new byte[10_000]); // what a crash leaves in a preallocated file
            ReadResult r = ReadResult.read("crash.log", out.toByteArray());
            assertThat(r.facts()).as("%s", e).isEqualTo(ReadResult.read("crash.log", GwsmoLogs.articleExample1()
                    .getBytes(StandardCharsets.UTF_8)).facts());
            assertThat(r.warnings()).as("%s", e).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(Warning.Kind.NOTE);
                assertThat(w.line()).isEqualTo(20);
                assertThat(w.message()).contains("NUL bytes only").contains("zero-filled");
            });
        }
    }

    @Test
    void contentThatIsNoTextIsCountedAndMakesTheReadingIncomplete() {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i % 7 == 0 ? 0 : 1 + (i * 37) % 8); // NUL and control bytes, no line end
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = GwsmoLogs.articleExample2().split("(?<=\n)");
        for (int i = 0; i < lines.length; i++) {
            out.writeBytes(lines[i].getBytes(StandardCharsets.UTF_8));
            if (i == 17) {
                out.writeBytes(garbage);
                out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        ReadResult r = ReadResult.read("garbage.log", out.toByteArray());
        assertThat(r.destinations()).hasSize(1); // the record after the garbage is read
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            assertThat(w.line()).isEqualTo(19);
            assertThat(w.message()).contains("binary").contains("1 line").contains("300 bytes");
        });
    }

    @Test
    void utf8AfterAUtf16LineCutShortIsStillRead() {
        String log = GwsmoLogs.articleExample2();
        String[] lines = log.split("(?<=\n)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 17; i++) {
            out.writeBytes(lines[i].getBytes(StandardCharsets.UTF_16LE));
        }
        // the UTF-16 writer died in the middle of a line; a UTF-8 writer went on
        out.writeBytes(Arrays.copyOf(lines[17].getBytes(StandardCharsets.UTF_16LE), 40));
        out.writeBytes((lines[17] + lines[18]).getBytes(StandardCharsets.UTF_8));
        ReadResult r = ReadResult.read("cut.log", out.toByteArray());
        assertThat(r.summary().encoding()).isEqualTo("UTF-16LE+UTF-8");
        assertThat(r.destinations()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("127.0.0.1:8888");
            assertThat(d.source().line()).isEqualTo(20); // the cut line counts as one
        });
        assertThat(r.tlsFailures()).isNotEmpty();
    }
}
