package dev.sonde.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.testkit.SondeExtension;
import dev.sonde.testkit.logs.GwsmoLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Hostile log lines through a real analysis into the HTML page, parsed by a real HTML5 parser (jsoup): whatever a log
 * says, the page has no script, no event handler, no link
 * but its own anchors, only the page's own kinds of element, as many rows, items and articles as the report has, and
 * every evidence line and warning reads as the (redacted) report has it, minus the characters a page must not carry. The payload goes where the GWSMO trace format puts text that reaches a report: a certificate's
 * subject line (the evidence), the destination's name (the target and the evidence) and the file's name.
 */
@ExtendWith(SondeExtension.class)
class ReportHtmlInjectionPropertyTest {

    /** What attacks a page: markup, attribute breakouts, URLs, style and CDATA ends, quotes, controls, bidi overrides. */
    private static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>",
            "javascript:alert(document.cookie)", "<a href=\"javascript:alert(1)\">x</a>", "</style><script>x()</script>",
            "]]>", "<![CDATA[", "</pre></li></ul><script>", "</title><script>", "<!--", "-->", "&amp;", "&#60;script&#62;",
            "\"", "'", "`", "\u0000", "\u001b[2J", "\u0007", "\u202Egnp.exe", "\u2066x\u2069", "\u0085", "\u007f",
            "<style>body{background:url(http://198.51.100.1/x)}</style>", "<base href=http://198.51.100.1/>",
            "<meta http-equiv=refresh content=0;url=javascript:alert(1)>", "{{7*7}}", "${7*7}", "\uD800", "\uFFFF", "\u00e9\u4e2d");
    /** Every element the page is made of: anything else came from input. */
    private static final java.util.Set<String> TAGS = java.util.Set.of("#root", "html", "head", "meta", "title", "style",
            "body", "header", "h1", "h2", "h3", "h4", "p", "strong", "main", "section", "article", "dl", "dt", "dd", "code",
            "span", "a", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "defs",
            "pattern", "rect", "text", "line", "g", "pre", "footer");
    /** A marker that starts every payload, so the test can tell the payload reached the page. */
    private static final String MARK = "ZQXPAYLOAD";

    static Sonde sonde;

    @BeforeAll
    static void setUp(Sonde shared) {
        sonde = shared;
    }

    @TempDir
    Path tmp;

    @Test
    void noLogLineBecomesMarkupAndEveryEvidenceLineReadsAsWritten() throws Exception {
        qt().withExamples(40).withShrinkCycles(20).forAll(payloads()).describedAs(ReportHtmlInjectionPropertyTest::visible).checkAssert(payload -> {
            try {
                check(payload);
            } catch (AssertionError e) {
                throw new AssertionError(visible(String.valueOf(e.getMessage())), e); // a NUL would cut the test report short
            }
        });
        assertThat(reached.get()).as("payloads that reached a finding's evidence").isGreaterThanOrEqualTo(10);
    }

    /** How many payloads reached the evidence (a line of C0 controls is skipped as binary by the reader, rightly). */
    private final AtomicInteger reached = new AtomicInteger();

    private void check(String payload) {
        {
            Report report = analyze("hostile", payload);
            String html = ReportHtml.render(report);
            Document doc = Jsoup.parse(html);

            assertThat(doc.getAllElements()).extracting(Element::tagName).allMatch(TAGS::contains);
            assertThat(doc.select("script, img, iframe, object, embed, link, base, form, meta[http-equiv=refresh]")).isEmpty();
            for (Element el : doc.getAllElements()) {
                for (Attribute a : el.attributes()) {
                    assertThat(a.getKey()).as("attribute of <%s>", el.tagName()).doesNotStartWith("on").isNotIn("style", "src");
                    if (a.getKey().equals("href")) {
                        assertThat(a.getValue()).matches("#f[0-9]+");
                    }
                }
            }
            assertThat(doc.select("style")).hasSize(1);
            // Where input is written, no element was made of it: these hold text only, or only the page's own links.
            assertThat(doc.select("title, pre, h1, h3, h4, th, svg text, svg title, .summary, .where, #warnings li, .legend"))
                    .allMatch(el -> el.children().isEmpty());
            assertThat(doc.select("td, dd")).allMatch(el -> el.children().stream()
                    .allMatch(c -> c.tagName().equals("code") && c.children().isEmpty()
                            || c.tagName().equals("a") && c.children().size() == 1 || c.tagName().equals("span")));
            // As many of each as the report has: an injected row, item or article would show here.
            assertThat(doc.select("article.finding")).hasSize(report.findings().size());
            assertThat(doc.select("article.finding tbody tr")).hasSize(report.findings().stream().mapToInt(f -> f.targets().size()).sum());
            assertThat(doc.select("#inputs tbody tr")).hasSize(report.inputs().size());
            assertThat(doc.select("#warnings li").eachText())
                    .isEqualTo(report.warnings().stream().map(w -> shownAs(w.toString()).strip()).toList());
            boolean inReport = report.findings().stream().anyMatch(f -> f.evidence().stream().anyMatch(e -> e.text().contains(MARK)));
            if (inReport) {
                reached.incrementAndGet();
                assertThat(doc.text()).contains(MARK);
            }
            List<String> shown = doc.select("ul.evidence pre").stream().map(Element::wholeText).toList();
            List<String> expected = new ArrayList<>();
            for (Finding f : report.findings()) {
                for (Evidence e : f.evidence()) {
                    expected.add(shownAs(e.text().strip()));
                }
            }
            assertThat(shown).isEqualTo(expected);
        }
    }

    /** {@code s} with every character outside printable ASCII as a Java escape, for failure messages. */
    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().limit(4000).forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }

    /** A payload: the marker, then hostile fragments and arbitrary characters (controls and surrogates among them), sometimes huge. */
    private static Gen<String> payloads() {
        Gen<String> piece = arbitrary().pick(HOSTILE).mix(strings().basicLatinAlphabet().ofLengthBetween(0, 12), 30)
                .mix(strings().allPossible().ofLengthBetween(0, 6), 8);
        Gen<List<String>> pieces = lists().of(piece).ofSizeBetween(1, 8);
        return pieces.zip(integers().between(1, 5), (p, n) -> {
            String body = String.join("", p).replace("\n", " ").replace("\r", " ");
            return MARK + (n == 5 ? body.repeat(Math.max(1, 3000 / Math.max(1, body.length()))) : body);
        });
    }

    /** The article's Fiddler trace with {@code payload} as a subject line and the destination's name, in a hostile file name. */
    private Report analyze(String name, String payload) {
        String log = GwsmoLogs.articleExample2()
                .replace("Created by http://www.fiddler2.com\nDO_NOT_TRUST\n*.google.com",
                        payload + "\nDO_NOT_TRUST\n*.google.com")
                .replace("(COMPUTERNAME)", "(" + payload.replace(")", "]").replace(" ", "_") + ")");
        Path file = tmp.resolve(name).resolve("Trace-\"><img src=x onerror=alert(1)>&lt;.log");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, log.getBytes(StandardCharsets.UTF_8)); // an unpaired surrogate becomes "?", as a log writer would write it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sonde.analyze(file);
    }

    /**
     * What a page shows of a line: without C0/C1 controls but the line feed, DEL, bidi overrides, isolates and marks
     * and noncharacters; a tab as a space; an unpaired surrogate as U+FFFD. Written here independently of {@link Html}.
     */
    private static String shownAs(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean control = cp < 0x20 && cp != '\n' && cp != '\t' || cp >= 0x7F && cp <= 0x9F;
            boolean bidi = cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F
                    || cp == 0x061C;
            boolean nonchar = cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
            if (cp == '\t') {
                b.append(' ');
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                b.append('\uFFFD');
            } else if (!control && !bidi && !nonchar) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
