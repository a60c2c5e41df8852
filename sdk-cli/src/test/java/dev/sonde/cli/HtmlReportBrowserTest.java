package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.browser.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sonde analyze <sample> --format html} opened in a real browser (headless Chromium over the DevTools
 * protocol): the page renders its findings, loads nothing but itself, logs no error or policy violation, and prints
 * to A4. A screenshot and the PDF are kept under {@code sdk-cli/target/html-report/} for a person to look at.
 */
@Timeout(180)
class HtmlReportBrowserTest {

    private static final Path OUT = Path.of("target", "html-report");

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(Chromium.BINARY),
                "no " + Chromium.BINARY + ": install chromium (apt-get install chromium) or run .ci/run");
    }

    @Test
    void theFiddlerSampleRendersLoadsNothingElseAndPrints() throws Exception {
        String sample = Path.of("../sdk-examples/samples/fiddler-interception").toString();
        AnalyzeCommandTest.Run html = AnalyzeCommandTest.sonde("analyze", sample, "--format", "html");
        JsonNode json = AnalyzeCommandTest.sonde("analyze", sample, "--format", "json").json();
        assertThat(html.exit()).isEqualTo(SondeCommand.PROBLEMS);
        Path page = Files.createDirectories(OUT).resolve("fiddler-interception.html").toAbsolutePath();
        Files.writeString(page, html.out(), StandardCharsets.UTF_8);
        String url = page.toUri().toString();

        try (Chromium chromium = Chromium.start()) {
            for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
                chromium.send(domain + ".enable", Map.of());
            }
            chromium.send("Page.navigate", Map.of("url", url));
            chromium.await("Page.loadEventFired");

            String topTitle = json.path("findings").get(0).path("title").asText();
            assertThat(chromium.evaluate("document.querySelector('#top h3').innerText").asText()).isEqualTo("1. " + topTitle);
            assertThat(chromium.evaluate("(() => { const r = document.querySelector('#top h3').getBoundingClientRect();"
                    + " const s = getComputedStyle(document.querySelector('#top h3'));"
                    + " return r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none'; })()")
                    .asBoolean()).as("the top finding's title is visible").isTrue();
            assertThat(chromium.evaluate("document.querySelectorAll('article.finding').length").asInt())
                    .isEqualTo(json.path("findings").size());
            assertThat(chromium.evaluate("document.querySelectorAll('svg.timeline rect.mark').length").asInt())
                    .as("timeline marks").isPositive();
            assertThat(chromium.evaluate("document.documentElement.lang").asText()).isEqualTo("en");

            assertThat(chromium.events("Network.requestWillBeSent"))
                    .extracting(e -> e.path("params").path("request").path("url").asText()).containsOnly(url);
            assertThat(chromium.events("Network.loadingFailed")).isEmpty();
            assertThat(chromium.events("Runtime.exceptionThrown")).isEmpty();
            assertThat(chromium.events("Runtime.consoleAPICalled")).isEmpty();
            assertThat(chromium.events("Log.entryAdded"))
                    .filteredOn(e -> List.of("error", "warning").contains(e.path("params").path("entry").path("level").asText()))
                    .as("console errors and CSP violations").isEmpty();

            int height = chromium.evaluate("document.documentElement.scrollHeight").asInt();
            chromium.send("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1000, "height", Math.min(height, 12_000), "deviceScaleFactor", 1, "mobile", false));
            byte[] png = Base64.getDecoder().decode(chromium.send("Page.captureScreenshot", Map.of("format", "png"))
                    .path("data").asText());
            Files.write(OUT.resolve("fiddler-interception.png"), png);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');

            byte[] pdf = Base64.getDecoder().decode(chromium.send("Page.printToPDF", Map.of("paperWidth", 8.27,
                    "paperHeight", 11.69, "preferCSSPageSize", true, "printBackground", true)).path("data").asText());
            Files.write(OUT.resolve("fiddler-interception.pdf"), pdf);
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("A4 pages (595 x 842 points)")
                    .containsPattern("/MediaBox \\[0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?\\]");
        }
    }

    /** The harness itself: a page that breaks its own policy is seen doing so (else the test above proves nothing). */
    @Test
    void aPageThatLoadsSomethingOrRunsAScriptIsCaught() throws Exception {
        String bad = "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\"><title>x</title></head><body><img src=\"http://127.0.0.1:9/x.png\">"
                + "<script>console.error('ran')</script></body></html>";
        Path page = Files.createDirectories(OUT).resolve("policy-check.html").toAbsolutePath();
        Files.writeString(page, bad, StandardCharsets.UTF_8);
        try (Chromium chromium = Chromium.start()) {
            for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
                chromium.send(domain + ".enable", Map.of());
            }
            chromium.send("Page.navigate", Map.of("url", page.toUri().toString()));
            chromium.await("Page.loadEventFired");
            chromium.await("Log.entryAdded");
            assertThat(chromium.events("Runtime.consoleAPICalled")).isEmpty(); // the policy stopped the script
            assertThat(chromium.events("Log.entryAdded")).extracting(e -> e.path("params").path("entry").path("text").asText())
                    .anyMatch(t -> t.contains("Content Security Policy"));
        }
    }
}
