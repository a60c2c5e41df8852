package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.LogGenerators;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * What {@link LineIndex} lists for a chunk is what the reader would find line by line: each plain line's end, its
 * record's message start ({@link TraceLogFormat#messageStart}) and its trigger words ({@link TriggerScan#scan}),
 * and, where it parsed a record start, what {@link TraceLogFormat#parse} gives; with or without parsing the starts
 * (the read-ahead thread leaves them to the reader when the reader waits for it).
 */
class LineIndexTest {

    /** The {@code ()>} search carried from line to line: lines without one, and one whose next one is lines later. */
    @Test
    void findsEachLinesMessageWhereverTheNextMarkerIs() {
        String[] lines = {
            "2024-03-05T09:15:22.481+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2025 ()> Secure failure.",
            "2024-03-05T09:15:22.482+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2026 > HTTP status 200",
            "2024-03-05T09:15:22.483+01:00 0f3c E:Network no marker at all, HTTP/1.1 407",
            "a continuation with ()> inside it",
            "2024-03-05T09:15:22.484+01:00 0f3c I:Network x!y::z @ 1 ()> status 200 ()> twice",
            "2024-03-05T09:15:22.485+01:00 0f3c I:Network x!y::z @ 1 ()>"};
        byte[] b = (String.join("\r\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        LineIndex index = LineIndex.of(b, b.length, true);
        int start = 0;
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertThat(index.at(start)).as(line).isTrue();
            int expected = bytes[0] >= '0' && bytes[0] <= '9' ? TraceLogFormat.messageStart(bytes, bytes.length) : -1;
            assertThat(index.message()).as(line).isEqualTo(expected);
            start += bytes.length + 2;
        }
        assertThat(TraceLogFormat.messageStart(lines[0].getBytes(StandardCharsets.US_ASCII), lines[0].length()))
                .isEqualTo(lines[0].indexOf("()> ") + 4);
        assertThat(TraceLogFormat.messageStart(lines[1].getBytes(StandardCharsets.US_ASCII), lines[1].length()))
                .isEqualTo(lines[1].indexOf("> ") + 2);
    }

    /** Lines sharing the last valid line's minute have only their seconds checked: every other second is still refused. */
    @Test
    void checksTheSecondsOfLinesInTheSameMinute() {
        String rest = " 0f3c I:Network x!y::z @ 1 ()> HTTP status 200";
        String[] seconds = {"00.1", "59.999", "60.0", "61", "6x", "x5", "5", "05.", "05,7", "05Z", "05+01:00", "05-25:00",
            "05 ", ":5"};
        StringBuilder log = new StringBuilder("2024-02-29T10:00:01.000" + rest + "\n");
        for (String second : seconds) {
            log.append("2024-02-29T10:00:").append(second).append(rest).append('\n');
        }
        byte[] b = log.toString().getBytes(StandardCharsets.US_ASCII);
        LineIndex index = LineIndex.of(b, b.length, true);
        int start = 0;
        int records = 0;
        for (String line : log.toString().split("\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertThat(index.at(start)).as(line).isTrue();
            assertThat(index.message()).as(line).isEqualTo(TraceLogFormat.messageStart(bytes, bytes.length));
            records += index.message() >= 0 ? 1 : 0;
            start += bytes.length + 1;
        }
        assertThat(records).as("both kinds met: record starts after the first line, and lines refused")
                .isGreaterThan(1).isLessThan(seconds.length + 1);
    }

    @Test
    void listsWhatTheReaderWouldFindOnEachLine() {
        qt().withExamples(600).forAll(LogGenerators.logsWithJunk(), Generate.booleans(), Generate.booleans())
                .checkAssert((log, crlf, parse) -> {
                    byte[] b = (crlf ? GwsmoLogs.toCrlf(log) : log).getBytes(StandardCharsets.UTF_8);
                    LineIndex index = LineIndex.of(b, b.length, parse);
                    int listed = 0;
                    for (int start = 0; start < b.length; ) {
                        int lf = start;
                        while (lf < b.length && b[lf] != '\n') {
                            lf++;
                        }
                        if (lf == b.length) {
                            assertThat(index.at(start)).as("a line without its line feed is left to the reader").isFalse();
                            break;
                        }
                        int end = lf > start && b[lf - 1] == '\r' ? lf - 1 : lf;
                        byte[] line = java.util.Arrays.copyOfRange(b, start, end);
                        int message = line.length > 0 && line[0] >= '0' && line[0] <= '9'
                                ? TraceLogFormat.messageStart(line, line.length) : -1;
                        boolean plain = TriggerScanTest.scannedAlone(line, 0, line.length) >= 0;
                        String shown = new String(line, StandardCharsets.UTF_8);
                        assertThat(index.at(start)).as("listed: %s", shown)
                                .isEqualTo(plain && line.length > 0 && line.length <= LogLines.MAX_LINE);
                        if (index.at(start)) {
                            listed++;
                            assertThat(index.end()).as(shown).isEqualTo(end);
                            assertThat(index.message()).as(shown).isEqualTo(message);
                            assertThat(index.words()).as(shown)
                                    .isEqualTo(TriggerScanTest.scannedAlone(line, Math.max(0, message), line.length));
                            boolean decoded = message >= 0 && (index.words() & 1) != 0
                                    && (index.words() & RecordDecoder.NEEDS) != 0;
                            assertThat(index.start() != null).as("start parsed: %s", shown).isEqualTo(parse && decoded);
                            if (index.start() != null) {
                                String text = new String(line, StandardCharsets.ISO_8859_1);
                                assertThat(index.text()).isEqualTo(text);
                                assertThat(index.start()).as(shown).isEqualTo(TraceLogFormat.parse(text));
                            }
                        }
                        start = lf + 1;
                    }
                    assertThat(listed).as("lines listed, at most %d", LineIndex.MAX_LINES).isLessThanOrEqualTo(LineIndex.MAX_LINES);
                });
    }
}
