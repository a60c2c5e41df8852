package dev.sonde.hostile;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.report.ReportJson;
import dev.sonde.report.ReportText;
import dev.sonde.testkit.SondeExtension;
import dev.sonde.testkit.logs.GwsmoLogs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A log that carries terminal control sequences (clear screen, colours, a hyperlink, a carriage return that
 * overwrites the line, C1 controls, bidirectional overrides) cannot drive the terminal of the person reading
 * the report: the text renderer drops them, and JSON escapes them (losslessly).
 */
@ExtendWith(SondeExtension.class)
class TerminalControlsTest {

    private static final String ESC = "\u001b";
    /** Clear screen, red, an OSC 8 hyperlink, a CR overwrite, a C1 CSI, a right-to-left override and an isolate. */
    private static final String HOSTILE = ESC + "[2J" + ESC + "[31mRED" + ESC + "]8;;http://evil.example/\u0007click"
            + ESC + "]8;;\u0007 \rOVER\u009b31m\u202eEVIL\u2066iso\u2069\u007f";

    @Test
    void theTextReportPrintsNoControlCharacterFromAnyString() {
        Finding f = new Finding("X" + HOSTILE, 1, Severity.CRITICAL, 0.9, "title " + HOSTILE, "explanation " + HOSTILE,
                List.of("step " + HOSTILE), "4", List.of(new Evidence("C:\\logs\\" + HOSTILE + ".log", 3, "evidence " + HOSTILE)),
                2, Optional.empty(), Map.of("k", HOSTILE));
        Finding g = new Finding("Y", 2, Severity.HIGH, 0.5, "other " + HOSTILE, "", List.of(), "", List.of(), 0, Optional.of("X" + HOSTILE),
                Map.of());
        Report r = new Report(List.of(f, g),
                List.of(new InputSummary("in" + HOSTILE + ".log", "gwsmo-trace", "UTF-8", 1, 0, 1, InputSummary.Status.READ)),
                List.of(new Warning("w" + HOSTILE + ".log", 2, "message " + HOSTILE)), List.of("pack " + HOSTILE));
        String text = ReportText.render(r, 80);
        assertThat(controls(text)).as(text).isEmpty();
        // what remains is visible text: the sequences' printable parts, and every line of the renderer
        assertThat(text).contains("title [2J[31mRED]8;;http://evil.example/click]8;;").contains("OVER31mEVILiso")
                .contains(":3: evidence").contains("message [2J").contains("pack [2J").contains("in[2J");
        assertThat(text.lines().count()).isGreaterThan(15);
    }

    @Test
    void aLogWithControlSequencesReachesTheTerminalWithoutThem(Sonde sonde) throws Exception {
        String log = GwsmoLogs.articleExample2()
                .replace("(COMPUTERNAME)", "(COMPUTER" + HOSTILE.replace("(", "").replace(")", "") + "NAME)")
                .replace("Info 0x00000009", "Info 0x00000009 " + HOSTILE)
                .replace("DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST_FiddlerRoot" + ESC + "[8m");
        Report report = sonde.analyzeText("Trace-" + ESC + "[2J.log", log);
        assertThat(report).hasTopFinding("TLS_INTERCEPTION");
        assertThat(report.toString()).contains(ESC); // the report holds them: only printing removes them
        String text = ReportText.render(report, 80);
        assertThat(controls(text)).as(text).isEmpty();
        assertThat(text).contains("DO_NOT_TRUST_FiddlerRoot[8m");
    }

    @Test
    void jsonEscapesEveryControlCharacterAndKeepsTheText() throws Exception {
        Finding f = new Finding("X", 1, Severity.CRITICAL, 0.9, HOSTILE, HOSTILE, List.of(HOSTILE), "4",
                List.of(new Evidence(HOSTILE, 3, HOSTILE)), 0, Optional.empty(), Map.of(HOSTILE, HOSTILE));
        Report r = new Report(List.of(f), List.of(new InputSummary(HOSTILE, "gwsmo-trace", "UTF-8", 1, 0, 1,
                InputSummary.Status.READ)), List.of(new Warning(HOSTILE, 2, HOSTILE)), List.of(HOSTILE));
        String json = ReportJson.write(r);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportJson.write(r, bytes);
        for (String written : List.of(json, bytes.toString(StandardCharsets.UTF_8))) {
            assertThat(controls(written.replace("\n", ""))).as(written).isEmpty();
            assertThat(written).contains("\\u001B[2J").contains("\\u009b31m").contains("\\u202eEVIL").contains("\\u007F");
            JsonNode back = ReportJson.parse(written);
            JsonNode top = back.get("findings").get(0);
            assertThat(top.get("title").asText()).isEqualTo(HOSTILE); // lossless: a parser reads the same text
            assertThat(top.get("evidence").get(0).get("text").asText()).isEqualTo(HOSTILE);
            assertThat(top.get("params").get(HOSTILE).asText()).isEqualTo(HOSTILE);
            assertThat(back.get("warnings").get(0).get("message").asText()).isEqualTo(HOSTILE);
        }
    }

    /** The control, DEL, C1 and bidirectional formatting characters in {@code s}, except line feeds. */
    static String controls(String s) {
        StringBuilder found = new StringBuilder();
        s.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c))
                .forEach(c -> found.append(String.format("U+%04X ", c)));
        return found.toString();
    }
}
