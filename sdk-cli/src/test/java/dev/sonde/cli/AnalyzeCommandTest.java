package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command (engine, rules, readers) on the shipped samples and checks output and exit codes. */
class AnalyzeCommandTest {
    static final Path SAMPLES = Path.of("../sdk-examples/samples");
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run sonde(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SondeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void clockSkewSampleRanksTheClockFirst() throws Exception {
        Run run = sonde("analyze", SAMPLES.resolve("clock-skew").toString(), "--format", "json");
        assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
        JsonNode report = run.json();
        assertThat(report.get("schema").asText()).isEqualTo("sonde.report/2");
        JsonNode top = report.get("findings").get(0);
        assertThat(top.get("id").asText()).isEqualTo("CLOCK_SKEW");
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("explainedBy").isNull()).isTrue();
        assertThat(ids(report)).contains("REVOCATION_CHECK_FAILED", "PROXY_FAILED_DIRECT_FALLBACK").doesNotContain("TLS_INTERCEPTION");
        JsonNode evidence = top.get("evidence").get(0);
        assertThat(evidence.get("file").asText()).endsWith("authorization.log");
        assertThat(evidence.get("line").asInt()).isPositive();
        assertThat(report.get("sources").get(0).get("format").asText()).isEqualTo("gwsmo-authorization");
    }

    @Test
    void fiddlerSampleNamesTheInterceptorAndTheLocalProxy() throws Exception {
        Run run = sonde("analyze", SAMPLES.resolve("fiddler-interception").toString(), "-f", "json");
        assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
        JsonNode report = run.json();
        JsonNode top = report.get("findings").get(0);
        assertThat(top.get("id").asText()).isEqualTo("TLS_INTERCEPTION");
        // issue 10: the text is one detection's (Fiddler's certificate); the local proxy is where it happened
        assertThat(top.get("explanation").asText()).contains("Fiddler");
        assertThat(top.get("targets").get(0).get("address").asText() + ":" + top.get("targets").get(0).get("port").asInt())
                .isEqualTo("127.0.0.1:8888");
        assertThat(ids(report)).doesNotContain("CLOCK_SKEW");
        for (JsonNode f : report.get("findings")) {
            if (f.get("id").asText().equals("UNTRUSTED_CA")) {
                assertThat(f.get("explainedBy").asText()).isEqualTo("TLS_INTERCEPTION");
            }
        }
        for (int i = 0; i < report.get("findings").size(); i++) {
            assertThat(report.get("findings").get(i).get("rank").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void healthySampleExitsZeroAndSaysSo() {
        Run run = sonde("analyze", SAMPLES.resolve("healthy").toString());
        assertThat(run.exit()).isEqualTo(SondeCommand.OK);
        assertThat(run.out()).containsIgnoringCase("no problem");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void textReportFitsEightyColumnsAndLeadsWithTheRootCause() {
        Run run = sonde("analyze", SAMPLES.resolve("fiddler-interception").toString(), "--width", "80");
        assertThat(run.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(run.out().indexOf("TLS_INTERCEPTION")).isNotNegative()
                .isLessThan(run.out().indexOf("UNTRUSTED_CA"));
        assertThat(run.out().lines().filter(l -> l.length() > 80 && l.trim().contains(" ")))
                .as("lines over 80 columns that could have been wrapped").isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithOneSentence() {
        Run noArgs = sonde("analyze");
        assertThat(noArgs.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(noArgs.err()).startsWith("sonde: ").doesNotContain("Exception");
        Run badFormat = sonde("analyze", "x.log", "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(sonde("frobnicate").exit()).isEqualTo(SondeCommand.USAGE);
    }

    @Test
    void nothingReadableExitsThree(@TempDir Path dir) {
        Run missing = sonde("analyze", dir.resolve("nope.log").toString());
        assertThat(missing.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(missing.err()).contains("nope.log").doesNotContain("at dev.sonde");
        Run emptyFolder = sonde("analyze", dir.toString());
        assertThat(emptyFolder.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(emptyFolder.err()).contains("no *.log file");
    }

    @Test
    void brokenRulePackIsOneClearSentence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"broken\",\"version\":\"1\",\"apiVersion\":1}");
        Files.writeString(dir.resolve("broken.drl"), "package x;\nrule \"oops\"\nwhen\n  this is not drl\nthen\nend\n");
        Run run = sonde("analyze", SAMPLES.resolve("healthy").toString(), "--rules", dir.toString());
        assertThat(run.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(run.err()).startsWith("sonde: ").contains("broken.drl").doesNotContain("\tat ");
    }

    private static java.util.List<String> ids(JsonNode report) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }
}
