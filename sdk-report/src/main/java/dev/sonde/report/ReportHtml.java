package dev.sonde.report;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.InputSummary;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Target;
import dev.sonde.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a {@link Report} as one self-contained HTML page a person can open, forward and print: the outcome first
 * when the analysis was not complete, the finding to fix first with what to do, the causes as a tree, every finding
 * with its facts, targets, timeline (inline SVG) and evidence, then the inputs read, the warnings and the outcome.
 *
 * <p>The page fetches nothing and runs no script: its Content-Security-Policy allows inline style and
 * {@code data:} images only. Every string from the report is escaped by {@link Html} (log lines, names, titles), and
 * none becomes a link, a style or a script; the only links are the page's own {@code #f<rank>} anchors. The report
 * given is written as it is: pass the same redacted {@link Report} the text and JSON writers get. Labels come from
 * {@code dev/sonde/report/text*.properties} ({@code html.*} and the text report's keys). Immutable and thread-safe.
 */
public final class ReportHtml {

    /** The page's policy: nothing may load but inline style and data: images; no script, form, base or frame. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'";

    private static final String CSS = css();

    private final Locale locale;
    private final ReportText text;
    private final Map<String, String> stepLabels;

    private ReportHtml(Locale locale, Map<String, String> stepLabels) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.stepLabels = Map.copyOf(stepLabels);
        this.text = ReportText.of(locale, Map.of());
    }

    /** A writer with labels in {@code locale} and the rule pack's names of the article's steps ({@code "4" → "Step 4: ..."}). */
    public static ReportHtml of(Locale locale, Map<String, String> stepLabels) {
        return new ReportHtml(locale, stepLabels);
    }

    /** The report as an HTML page in English. */
    public static String render(Report report) {
        return render(report, Locale.ENGLISH);
    }

    /** The report as an HTML page with labels in {@code locale} (the findings' own text is already in the report's language). */
    public static String render(Report report, Locale locale) {
        return of(locale, Map.of()).format(report);
    }

    /** The report as one self-contained HTML page (UTF-8 text). */
    public String format(Report report) {
        StringBuilder b = new StringBuilder(16_384);
        List<Finding> findings = report.findings();
        long problems = findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).count();
        String lang = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.text(label("html.title") + report.top().filter(f -> problems > 0).map(f -> ": " + f.title()).orElse("")))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(Html.text(label("html.title"))).append("</h1>\n<p class=\"summary\">")
                .append(Html.text(summary(report, problems))).append("</p>\n</header>\n<main>\n");
        if (report.outcome() != Report.Outcome.COMPLETE) {
            outcome(b, report, "outcome-first");
        }
        int first = 0;
        if (problems > 0) {
            b.append("<section id=\"top\">\n<h2>").append(Html.text(label("html.top"))).append("</h2>\n");
            finding(b, report, findings.get(0));
            b.append("</section>\n");
            first = 1;
        }
        causes(b, report);
        if (findings.size() > first) {
            b.append("<section id=\"findings\">\n<h2>").append(Html.text(heading(problems == 0 ? "notes" : "others")))
                    .append("</h2>\n");
            for (Finding f : findings.subList(first, findings.size())) {
                finding(b, report, f);
            }
            b.append("</section>\n");
        }
        inputs(b, report);
        warnings(b, report);
        outcome(b, report, "outcome");
        b.append("</main>\n");
        if (!report.rulePacks().isEmpty()) {
            b.append("<footer><p>").append(Html.text(label("rulePacks", String.join(", ", report.rulePacks()))))
                    .append("</p></footer>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private String summary(Report report, long problems) {
        if (problems == 1) {
            return label("summary.one");
        }
        if (problems > 1) {
            return label("summary.other", problems);
        }
        return switch (report.outcome()) {
            case COMPLETE -> label("none");
            case INCOMPLETE -> label("noneSoFar");
            case NOTHING_TO_DIAGNOSE -> label("outcome.nothing");
        };
    }

    /** The outcome with its reasons: first when the report is not complete (a missing finding then proves nothing), and last. */
    private void outcome(StringBuilder b, Report report, String id) {
        Report.Outcome o = report.outcome();
        b.append("<section id=\"").append(id).append("\" class=\"outcome ").append(o == Report.Outcome.COMPLETE ? "complete" : "")
                .append("\">\n<h2>").append(Html.text(label("html.outcome"))).append("</h2>\n<p><strong>")
                .append(Html.text(switch (o) {
                    case COMPLETE -> label("html.outcome.complete");
                    case INCOMPLETE -> label("outcome.incomplete");
                    case NOTHING_TO_DIAGNOSE -> label("outcome.nothing") + (report.anyInputRead() ? "" : " " + label("nothingRead"));
                })).append("</strong></p>\n");
        if (o == Report.Outcome.INCOMPLETE) {
            b.append("<ul>\n");
            for (Warning w : report.incompleteBecause()) {
                b.append("<li>").append(Html.text(w.toString())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private void finding(StringBuilder b, Report report, Finding f) {
        b.append("<article class=\"finding ").append(f.severity().label()).append("\" id=\"f").append(f.rank())
                .append("\">\n<h3>").append(f.rank()).append(". ").append(Html.text(f.title())).append("</h3>\n");
        b.append("<dl class=\"facts\">\n");
        fact(b, "html.finding", "<code>" + Html.text(f.id()) + "</code>");
        fact(b, "html.severity", "<span class=\"sev\">" + Html.text(label("severity." + f.severity().label())) + "</span>");
        fact(b, "html.confidence", Html.text(Math.round(f.confidence() * 100) + ("fr".equals(locale.getLanguage()) ? "\u202F%" : "%")));
        if (!f.articleStep().isBlank()) {
            fact(b, "html.step", Html.text(stepLabels.getOrDefault(f.articleStep(), label("step", f.articleStep()))));
        }
        String span = TargetLines.span(f.firstSeen(), f.lastSeen());
        fact(b, "html.state", Html.text(state(f.state()) + (span.isEmpty() ? "" : " (" + span + ")")));
        if (f.explainedBy().isPresent()) {
            fact(b, "html.causedBy", link(report, f.explainedBy().get()));
        } else if (!f.causes().isEmpty()) {
            fact(b, "html.causedBy", String.join(", ", f.causes().stream().map(c -> link(report, c)).toList())
                    + " (" + Html.text(label("html.onSomeTargets")) + ")");
        }
        b.append("</dl>\n");
        if (!f.explanation().isBlank()) {
            for (String paragraph : f.explanation().split("\n")) {
                if (!paragraph.isBlank()) {
                    b.append("<p>").append(Html.text(paragraph)).append("</p>\n");
                }
            }
        }
        if (!f.remediation().isEmpty()) {
            b.append("<h4>").append(Html.text(heading("whatToDo"))).append("</h4>\n<ol class=\"todo\">\n");
            f.remediation().forEach(step -> b.append("<li>").append(Html.text(step)).append("</li>\n"));
            b.append("</ol>\n");
        }
        targets(b, report, f);
        evidence(b, f);
        b.append("</article>\n");
    }

    private void fact(StringBuilder b, String key, String html) {
        b.append("<dt>").append(Html.text(label(key))).append("</dt><dd>").append(html).append("</dd>\n");
    }

    /** A link to another finding of this report by its rank (never anything from input), or the bare id. */
    private static String link(Report report, String id) {
        return report.finding(id).map(c -> "<a href=\"#f" + c.rank() + "\"><code>" + Html.text(id) + "</code></a>")
                .orElse("<code>" + Html.text(id) + "</code>");
    }

    private void targets(StringBuilder b, Report report, Finding f) {
        if (f.targets().isEmpty()) {
            return;
        }
        TargetLines lines = new TargetLines(text::label);
        b.append("<h4>").append(Html.text(heading("targets"))).append("</h4>\n<table>\n<thead><tr><th scope=\"col\">")
                .append(Html.text(label("html.target"))).append("</th><th scope=\"col\">").append(Html.text(label("html.count")))
                .append("</th><th scope=\"col\">").append(Html.text(label("html.when"))).append("</th><th scope=\"col\">")
                .append(Html.text(label("html.state"))).append("</th><th scope=\"col\">").append(Html.text(label("html.causedBy")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (FindingTarget t : f.targets()) {
            b.append("<tr><td>").append(Html.text(lines.where(t.target()))).append("</td><td>").append(t.count())
                    .append("</td><td>").append(Html.text(TargetLines.span(t.firstSeen(), t.lastSeen())))
                    .append("</td><td>").append(Html.text(state(t.state()))).append("</td><td>")
                    .append(t.explainedBy().map(c -> link(report, c)).orElse("")).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        Optional<HtmlTimeline> timeline = HtmlTimeline.of(report);
        boolean timed = f.targets().stream().anyMatch(t -> t.firstSeen().isPresent());
        if (timeline.isPresent() && timed) {
            b.append("<figure class=\"timeline\">\n")
                    .append(timeline.get().svg(f, lines::where, this::state, label("html.timeline", f.id())))
                    .append("\n<figcaption class=\"legend\">").append(Html.text(label("html.timeline.legend")));
            if (f.targets().size() > HtmlTimeline.ROWS) {
                b.append(' ').append(Html.text(text.count("moreTargets", f.targets().size() - HtmlTimeline.ROWS)));
            }
            b.append("</figcaption>\n</figure>\n");
        } else {
            b.append("<p class=\"legend\">").append(Html.text(label("html.noTimes"))).append("</p>\n");
        }
    }

    private void evidence(StringBuilder b, Finding f) {
        if (f.evidence().isEmpty()) {
            return;
        }
        String folder = ReportText.commonFolder(f.evidence());
        b.append("<h4>").append(Html.text(folder.isEmpty() ? heading("evidence") : heading("evidenceIn", folder)))
                .append("</h4>\n<ul class=\"evidence\">\n");
        for (Evidence e : f.evidence()) {
            b.append("<li><span class=\"where\">")
                    .append(Html.text(e.file().substring(folder.length()) + (e.line() > 0 ? ":" + e.line() : "")))
                    .append("</span>\n<pre>").append(Html.lines(e.text().strip())).append("</pre></li>\n");
        }
        b.append("</ul>\n");
        if (f.evidenceOmitted() > 0) {
            b.append("<p>").append(Html.text(label("evidenceMore", f.evidenceOmitted()))).append("</p>\n");
        }
    }

    /**
     * The causes as a tree: each finding that is a root cause somewhere, with beneath it the findings it explains
     * (on every target, or on some: a finding can be a root cause here and a consequence there). Only written when
     * some finding explains another.
     */
    private void causes(StringBuilder b, Report report) {
        List<Finding> findings = report.findings();
        boolean linked = findings.stream().anyMatch(f -> !f.causes().isEmpty());
        if (!linked) {
            return;
        }
        b.append("<section id=\"causes\">\n<h2>").append(Html.text(label("html.causes"))).append("</h2>\n<p>")
                .append(Html.text(label("html.causes.help"))).append("</p>\n<ul class=\"tree\">\n");
        for (Finding root : findings) {
            if (root.isRootCause()) {
                branch(b, report, root, Optional.empty(), List.of(root.id()));
            }
        }
        b.append("</ul>\n</section>\n");
    }

    /** One finding of the tree and, beneath it, the findings it causes; "on some targets" when it causes them only there. */
    private void branch(StringBuilder b, Report report, Finding f, Optional<String> parent, List<String> path) {
        b.append("<li>").append(link(report, f.id())).append(' ').append(Html.text(f.title()));
        if (parent.isPresent() && !f.explainedBy().equals(parent)) {
            b.append(" (").append(Html.text(label("html.onSomeTargets"))).append(')');
        }
        List<Finding> consequences = report.findings().stream()
                .filter(c -> c.causes().contains(f.id()) && !path.contains(c.id())).toList();
        if (!consequences.isEmpty()) {
            b.append("\n<ul>\n");
            for (Finding c : consequences) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(c.id());
                branch(b, report, c, Optional.of(f.id()), deeper); // the path stops cycles: no finding reappears beneath itself
            }
            b.append("</ul>\n");
        }
        b.append("</li>\n");
    }

    private void inputs(StringBuilder b, Report report) {
        if (report.inputs().isEmpty()) {
            return;
        }
        b.append("<section id=\"inputs\">\n<h2>").append(Html.text(heading("inputs"))).append("</h2>\n<table>\n<thead><tr>");
        for (String key : List.of("html.input", "html.format", "html.encoding", "html.lines", "html.skipped", "html.facts")) {
            b.append("<th scope=\"col\">").append(Html.text(label(key))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (InputSummary s : report.inputs()) {
            String format = s.status() == InputSummary.Status.READ ? s.format()
                    : label("html.status." + s.status().name().toLowerCase(Locale.ROOT));
            b.append("<tr><td>").append(Html.text(s.name())).append("</td><td>").append(Html.text(format))
                    .append("</td><td>").append(Html.text(s.encoding())).append("</td><td>").append(s.linesRead())
                    .append("</td><td>").append(s.linesSkipped()).append("</td><td>").append(s.facts()).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private void warnings(StringBuilder b, Report report) {
        if (report.warnings().isEmpty()) {
            return;
        }
        b.append("<section id=\"warnings\">\n<h2>").append(Html.text(heading("warnings"))).append("</h2>\n<ul>\n");
        for (Warning w : report.warnings()) {
            b.append("<li>").append(Html.text(w.toString())).append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private String state(Target.State s) {
        return label("html.state." + s.name().toLowerCase(Locale.ROOT));
    }

    /** A label of the text report as a heading: without its closing colon ({@code "What to do:"}, {@code "Que faire :"}). */
    private String heading(String key, Object... args) {
        String text = label(key, args).strip();
        return text.endsWith(":") ? text.substring(0, text.length() - 1).strip() : text;
    }

    private String label(String key, Object... args) {
        return text.label(key, args);
    }

    private static String css() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from sdk-report's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
