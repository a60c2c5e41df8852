package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --format html} on the command line: one page on stdout, the exit code of the report, the language asked for. */
class HtmlFormatTest {

    private static final String SAMPLE = Path.of("../sdk-examples/samples/clock-skew").toString();

    @Test
    void analyzePrintsOnePageWithTheSameFindingsAsJson() throws Exception {
        AnalyzeCommandTest.Run html = AnalyzeCommandTest.sonde("analyze", SAMPLE, "--format", "html");
        AnalyzeCommandTest.Run json = AnalyzeCommandTest.sonde("analyze", SAMPLE, "--format", "json");
        assertThat(html.exit()).isEqualTo(json.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(html.out()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html.out().split("<article class=\"finding ", -1)).hasSize(json.json().path("findings").size() + 1);
        assertThat(html.out()).contains("id=\"f1\"").contains(json.json().path("findings").get(0).path("id").asText());
    }

    @Test
    void frenchWhenAsked() {
        AnalyzeCommandTest.Run html = AnalyzeCommandTest.sonde("analyze", SAMPLE, "--format", "html", "--locale", "fr");
        assertThat(html.out()).startsWith("<!DOCTYPE html>\n<html lang=\"fr\">").contains("<h1>Rapport Sonde</h1>");
    }

    @Test
    void nothingToDiagnoseIsStillAPageAndTheExitCodeSaysSo(@org.junit.jupiter.api.io.TempDir Path empty) {
        AnalyzeCommandTest.Run html = AnalyzeCommandTest.sonde("analyze", empty.toString(), "--format", "html");
        assertThat(html.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(html.out()).contains("id=\"outcome-first\"");
    }
}
