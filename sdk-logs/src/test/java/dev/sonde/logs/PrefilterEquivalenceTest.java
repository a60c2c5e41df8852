package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sonde.LogInput;
import dev.sonde.testkit.logs.GwsmoLog;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogEncoding;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testsupport.MixedLog;
import dev.sonde.testsupport.ReadResult;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Issue 12: the reader's fast path (plain ASCII lines read from their bytes, records without a trigger word never
 * decoded) gives exactly what the straightforward path gives (every line made text, every record offered to the
 * decoders): the same facts in the same order, the same warnings, the same summary, on generated logs in every
 * encoding, with junk lines, Windows-1252 text, byte-order marks and regions in another encoding.
 */
class PrefilterEquivalenceTest {

    private static void sameAsReference(byte[] bytes, Object shown) {
        Instant deadline = Instant.now().plusSeconds(120);
        ReadResult fast = ReadResult.read(new GwsmoLogReader(true), LogInput.ofBytes("p.log", bytes), deadline);
        ReadResult reference = ReadResult.read(new GwsmoLogReader(false), LogInput.ofBytes("p.log", bytes), deadline);
        assertThat(fast.facts()).as("%s", shown).isEqualTo(reference.facts());
        assertThat(fast.warnings()).as("%s", shown).isEqualTo(reference.warnings());
        assertThat(fast.summary()).as("%s", shown).isEqualTo(reference.summary());
    }

    /** A generated log with junk lines put between its lines, written in one encoding (Windows-1252 among them). */
    private record Variant(String text, String encoding) {
        byte[] bytes() {
            for (LogEncoding e : LogEncoding.values()) {
                if (e.name().equals(encoding)) {
                    byte[] b = e.encode(text);
                    byte[] out = Arrays.copyOf(e.bom(), e.bom().length + b.length);
                    System.arraycopy(b, 0, out, e.bom().length, b.length);
                    return out;
                }
            }
            return text.getBytes(Charset.forName("windows-1252"));
        }
    }

    private static Gen<Variant> variants() {
        return LogGenerators.logsWithJunk().zip(LogGenerators.encodingNames(), Variant::new);
    }

    @Test
    void generatedLogsReadTheSameWithAndWithoutThePrefilter() {
        qt().withExamples(400).forAll(variants()).checkAssert(v -> sameAsReference(v.bytes(), v));
    }

    @Test
    void logsWithARegionInAnotherEncodingReadTheSame() {
        qt().withExamples(200).forAll(LogGenerators.mixedLogs()).checkAssert((MixedLog m) -> sameAsReference(m.bytes(), m));
    }

    @Test
    void aLogWithAHeaderBlockAndEveryKindOfRecordReadsTheSame() {
        String log = GwsmoLog.trace().header("OUTLOOK.EXE", "4.3.68.0").healthy(3)
                .httpStatus("https://www.googleapis.com/calendar/v3/users/me/calendarList?maxResults=3", 200)
                .winHttpError("WinHttpSendRequest", 12002).proxyAuthRequired("proxy.corp.example:8080", "NTLM")
                .healthy(2).error("the operation timed out").text();
        for (LogEncoding e : LogEncoding.values()) {
            sameAsReference(new Variant(log, e.name()).bytes(), e);
            sameAsReference(new Variant(GwsmoLogs.toCrlf(log), e.name()).bytes(), e + " CRLF");
        }
        assertThat(ReadResult.read("p.log", log.getBytes(StandardCharsets.UTF_8)).facts()).isNotEmpty();
    }
}
