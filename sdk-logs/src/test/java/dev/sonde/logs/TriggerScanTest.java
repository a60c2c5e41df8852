package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.facts.Fact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The prefilter ({@link TriggerScan}) against what it replaces and what it guards: it answers as lower-casing a
 * line and asking {@code contains} for every decoder's trigger word does, on characters and on bytes; and every
 * line of every decoder's documented sample from which the decoders would read a fact, were every line offered to
 * them, holds a trigger word (so the prefilter never hides a decoder's line).
 */
class TriggerScanTest {

    /** Pieces of trigger words, in any case, and characters around them (ASCII and not). */
    private static Gen<String> texts() {
        List<String> pieces = new ArrayList<>();
        for (String t : RecordDecoder.TRIGGERS) {
            pieces.add(t);
            pieces.add(t.toUpperCase());
            pieces.add(t.substring(0, Math.max(1, t.length() - 1))); // all but its last character
            pieces.add(t.substring(t.length() / 2));
        }
        pieces.addAll(List.of(" ", "a", "x", "0", "-", "/", "é", "\u00c9", "\u0130", "\u212a", "\uFFFD", "\t", "K", "S"));
        return lists().of(Generate.pick(pieces)).ofSizeBetween(0, 12).map(p -> String.join("", p));
    }

    /** What the scan of plain bytes answers for {@code b[from, to)}: their words, or -1 when one is not plain. */
    static int scannedAlone(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((b[i] < 0x20 && b[i] != '\t') || b[i] == 0x7F) { // bytes from 0x80 are negative
                return -1;
            }
        }
        return TriggerScan.DECODERS.scan(b, from, to);
    }

    private static boolean byContains(String text) {
        String low = Ascii.lower(text);
        return RecordDecoder.TRIGGERS.stream().anyMatch(low::contains);
    }

    @Test
    void answersAsContainsDoesOnCharacters() {
        qt().withExamples(20_000).forAll(texts()).checkAssert(t ->
                assertThat(TriggerScan.DECODERS.in(t)).as("%s", t).isEqualTo(byContains(t)));
    }

    @Test
    void answersAsContainsDoesOnTheBytesOfALine() {
        qt().withExamples(20_000).forAll(texts()).checkAssert(t -> {
            byte[] utf8 = ("pad " + t).getBytes(StandardCharsets.UTF_8);
            // bytes from 4: the part of a line the reader scans (a record's message)
            boolean expected = byContains(new String(utf8, 4, utf8.length - 4, StandardCharsets.ISO_8859_1));
            assertThat(TriggerScan.DECODERS.in(utf8, 4, utf8.length)).as("%s", t).isEqualTo(expected);
        });
    }

    @Test
    void theFusedPlainCheckAnswersAsTheScanAndTheSplittersTest() {
        Gen<String> withControls = texts().zip(Generate.pick(List.of("", "\u0001", "\u007f", "\r", "\u0000", "\u001f")),
                integers().between(0, 12), (t, c, at) -> new StringBuilder(t).insert(Math.min(at, t.length()), c).toString());
        qt().withExamples(20_000).forAll(withControls).checkAssert(t -> {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            boolean plain = true;
            for (byte c : b) {
                plain &= (c >= 0x20 && c != 0x7F) || c == '\t';
            }
            int[] out = new int[1];
            TriggerScan.DECODERS.scanPlain(b, new int[] {0}, new int[] {b.length}, 1, out);
            assertThat(out[0]).as(t).isEqualTo(plain ? TriggerScan.DECODERS.scan(b, 0, b.length) : -1);
        });
    }

    @Test
    void scanningManyLinesTwoAtATimeAnswersAsScanningEachAlone() {
        Gen<String> withControls = texts().zip(Generate.pick(List.of("", "", "\u0001", "\u007f", "\r")),
                integers().between(0, 12), (t, c, at) -> new StringBuilder(t).insert(Math.min(at, t.length()), c).toString());
        qt().withExamples(20_000).forAll(lists().of(withControls).ofSizeBetween(0, 7)).checkAssert(lines -> {
            // all the lines in one array, as in a chunk, each after a line feed (empty ones among them)
            byte[] b = ("\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
            int[] from = new int[lines.size()];
            int[] to = new int[lines.size()];
            for (int k = 0, at = 1; k < lines.size(); k++) {
                from[k] = at;
                to[k] = at + lines.get(k).getBytes(StandardCharsets.UTF_8).length;
                at = to[k] + 1;
            }
            int[] out = new int[lines.size()];
            TriggerScan.DECODERS.scanPlain(b, from, to, lines.size(), out);
            for (int k = 0; k < lines.size(); k++) {
                assertThat(out[k]).as("line %d of %s", k, lines).isEqualTo(scannedAlone(b, from[k], to[k]));
            }
        });
    }

    @Test
    void findsEveryWordAlone() {
        for (String t : RecordDecoder.TRIGGERS) {
            assertThat(TriggerScan.DECODERS.in(t)).as(t).isTrue();
            assertThat(TriggerScan.DECODERS.in("..." + t.toUpperCase() + "...")).as(t).isTrue();
        }
        assertThat(TriggerScan.DECODERS.in("Mail: 3 new messages, 1 changes.")).isFalse();
    }

    @Test
    void refusesWordsThatAreNotLowerCaseAscii() {
        for (String bad : List.of("", "Status", "caf\u00e9")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TriggerScan(List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Each decoder's documented sample, one record per line, every line offered: a line read as a fact holds a trigger. */
    @Test
    void everyLineADecoderReadsAFactFromHoldsATriggerWord() {
        Map<String, String> samples = Map.of("NetworkErrorDecoder", NetworkErrorDecoder.SAMPLE,
                "TlsFailureDecoder", TlsFailureDecoder.SAMPLE, "DestinationDecoder", DestinationDecoder.SAMPLE,
                "ProxyEventDecoder", ProxyEventDecoder.SAMPLE, "ServerAnswerDecoder", ServerAnswerDecoder.SAMPLE,
                "CertificateDecoder", CertificateDecoder.SAMPLE, "DateHeaderDecoder", DateHeaderDecoder.SAMPLE);
        int decoded = 0;
        for (Map.Entry<String, String> e : samples.entrySet()) {
            for (String line : e.getValue().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                LogRecord record = new LogRecord();
                record.begin(1, SampleLog.TRACE + line, TraceLogFormat.parse(SampleLog.TRACE + line));
                List<Fact> facts = new RecordDecoder("s.log").decode(RecordText.everyLine("s.log", record));
                if (!facts.isEmpty()) {
                    decoded++;
                    assertThat(TriggerScan.DECODERS.in(line)).as("%s: %s gives %s", e.getKey(), line, facts).isTrue();
                }
            }
        }
        assertThat(decoded).isGreaterThan(30);
    }
}
