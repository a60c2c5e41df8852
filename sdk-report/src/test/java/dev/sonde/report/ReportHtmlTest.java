package dev.sonde.report;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.Warning;
import dev.sonde.testkit.SondeConfig;
import dev.sonde.testkit.SondeExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report of real analyses, parsed as a browser would (jsoup): what comes first, what each finding shows, print. */
@ExtendWith(SondeExtension.class)
class ReportHtmlTest {

    static Sonde sonde;
    static Path cases = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases");
    static Path samples = Path.of("../sdk-examples/samples");

    @BeforeAll
    static void setUp(Sonde shared) {
        sonde = shared;
    }

    /** Writes the page under target/html-reports/ for a person to open, and parses it. */
    static Document page(String name, String html) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "html-reports")).resolve(name + ".html");
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void theFiddlerSampleShowsTheTopFindingFirstWithWhatToDoTargetsTimelineAndEvidence() throws Exception {
        Report report = sonde.analyze(samples.resolve("fiddler-interception"));
        Finding top = report.top().orElseThrow();
        Document doc = page("fiddler-interception", ReportHtml.render(report));

        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
        assertThat(doc.title()).isEqualTo("Sonde report: " + top.title());
        Element first = doc.selectFirst("main > section");
        assertThat(first.id()).isEqualTo("top");
        assertThat(first.selectFirst("h3").text()).isEqualTo("1. " + top.title());
        assertThat(first.select("ol.todo li")).extracting(Element::text).containsExactlyElementsOf(top.remediation());
        assertThat(first.select("dl.facts dt")).extracting(Element::text).contains("Finding", "Severity", "Confidence", "State");
        assertThat(first.select("dl.facts dd").eachText()).contains(top.id(), Math.round(top.confidence() * 100) + "%");
        Evidence e = top.evidence().get(0);
        assertThat(first.select("h4").eachText()).contains("What to do", "Where and when")
                .anyMatch(h -> h.startsWith("Evidence (in ") && e.file().startsWith(h.substring(13, h.length() - 1)));
        assertThat(e.file()).endsWith(first.select("ul.evidence .where").first().text().replaceAll(":[0-9]+$", ""));
        assertThat(first.select("ul.evidence .where").first().text()).endsWith(".log:" + e.line());
        assertThat(first.select("ul.evidence pre").first().wholeText()).isEqualTo(e.text().strip());
        assertThat(first.select("table tbody tr")).hasSize(top.targets().size());
        Element svg = first.selectFirst("svg.timeline");
        assertThat(svg).isNotNull();
        assertThat(svg.select("rect.mark")).hasSize(top.targets().size());
        assertThat(svg.select("text.state").eachText()).allMatch(s -> List.of("ongoing", "on and off", "resolved").contains(s));
        assertThat(doc.select("article.finding")).hasSize(report.findings().size());
        assertThat(doc.select("#inputs tbody tr")).hasSize(report.inputs().size());
        assertThat(doc.select("#outcome").text()).contains("Complete");
        assertThat(doc.select("#outcome-first")).isEmpty();
    }

    @Test
    void thePageFetchesNothingAndRunsNothing() throws Exception {
        Document doc = page("article-example-2", ReportHtml.render(sonde.analyze(cases.resolve("article-example-2-fiddler"))));
        assertThat(doc.select("script, link, iframe, object, embed, img, base, form")).isEmpty();
        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.select("[href]").eachAttr("href")).allMatch(h -> h.matches("#f[0-9]+"));
        assertThat(doc.getAllElements().stream().flatMap(el -> el.attributes().asList().stream())
                .filter(a -> a.getKey().startsWith("on") || a.getKey().equals("style"))).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("@import").doesNotContain("url(http").contains("@page { size: A4");
        assertThat(ReportHtml.render(sonde.analyze(cases.resolve("article-example-2-fiddler")))).matches("[\\x00-\\x7F]*");
    }

    @Test
    void theCausesAreATreeRootCauseFirstConsequencesBeneath() throws Exception {
        Report report = sonde.analyze(cases.resolve("article-example-1-clock"));
        Document doc = page("article-example-1-clock", ReportHtml.render(report));
        Element tree = doc.selectFirst("#causes ul.tree");
        Element root = tree.child(0);
        assertThat(root.selectFirst("a").text()).isEqualTo("CLOCK_SKEW");
        assertThat(root.select("> ul > li > a").eachText()).contains("REVOCATION_CHECK_FAILED");
        Finding revocation = report.finding("REVOCATION_CHECK_FAILED").orElseThrow();
        assertThat(doc.select("#f" + revocation.rank() + " dl.facts").text()).contains("Caused by CLOCK_SKEW");
        assertThat(doc.select("#f" + revocation.rank() + " dl.facts a").attr("href")).isEqualTo("#f1");
    }

    @Test
    void frenchLabelsAndLang(@SondeConfig(locale = "fr") Sonde fr) throws Exception {
        Report report = fr.analyze(samples.resolve("fiddler-interception"));
        Document doc = page("fiddler-interception-fr", ReportHtml.render(report, Locale.FRENCH));
        assertThat(doc.select("html").attr("lang")).isEqualTo("fr");
        assertThat(doc.select("#top h2").text()).isEqualTo("À corriger en premier");
        assertThat(doc.select("#top h3").text()).isEqualTo("1. " + report.top().orElseThrow().title());
        assertThat(doc.select("#top dl.facts dt").eachText()).contains("Gravité", "Confiance");
    }

    @Test
    void anIncompleteReportSaysSoFirst() throws Exception {
        Report analyzed = sonde.analyze(samples.resolve("fiddler-interception"));
        Report report = new Report(analyzed.findings(), analyzed.inputs(),
                List.of(Warning.incomplete("big.log", 0, "the file is larger than 64 MiB; the rest was not read")),
                analyzed.rulePacks());
        Document doc = page("incomplete", ReportHtml.render(report));
        assertThat(doc.selectFirst("main > section").id()).isEqualTo("outcome-first");
        assertThat(doc.select("#outcome-first").text()).contains("INCOMPLETE").contains("big.log: the file is larger than 64 MiB");
        assertThat(doc.select("#warnings li").eachText()).containsExactly("big.log: the file is larger than 64 MiB; the rest was not read");
    }

    @Test
    void nothingToDiagnoseIsStillAPage() throws Exception {
        Document doc = page("nothing", ReportHtml.render(new Report(List.of(), List.of(), List.of())));
        assertThat(doc.select("article.finding")).isEmpty();
        assertThat(doc.select("#outcome-first").text()).contains("Nothing to diagnose");
    }
}
