package dev.sonde.report;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import dev.sonde.Target;
import dev.sonde.Severity;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Writes a {@link Report} for a person at a terminal: the finding to fix first with its explanation,
 * numbered steps and evidence; then the other findings in one or two lines each (with "caused by X"
 * when another finding explains them); then the inputs read and the warnings. When nothing of
 * severity medium or above was found it says so first. Lines fit the width given, except single
 * words longer than a line. Labels come from {@code dev/sonde/report/text*.properties}; finding text
 * is already in the report's language. Immutable and thread-safe.
 */
public final class ReportText {

    /** The width of a classic terminal. */
    public static final int DEFAULT_WIDTH = 80;
    private static final int MIN_WIDTH = 30;
    private static final String INDENT = "   ";

    private final Locale locale;
    private final ResourceBundle labels;
    private final Map<String, String> stepLabels;

    private ReportText(Locale locale, Map<String, String> stepLabels) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.stepLabels = Map.copyOf(stepLabels);
        this.labels = ResourceBundle.getBundle("dev.sonde.report.text", locale, ReportText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A writer with labels in {@code locale} and the rule pack's names of the article's steps ({@code "4" → "Step 4: ..."}). */
    public static ReportText of(Locale locale, Map<String, String> stepLabels) {
        return new ReportText(locale, stepLabels);
    }

    /** The report in English, fitted to {@code width} columns (80 for a terminal). */
    public static String render(Report report, int width) {
        return render(report, width, Locale.ENGLISH);
    }

    /** The report with labels in {@code locale} (the findings' own text is already in the report's language). */
    public static String render(Report report, int width, Locale locale) {
        return of(locale, Map.of()).format(report, width);
    }

    /** The report fitted to {@code width} columns (at least 30). */
    public String format(Report report, int width) {
        int w = Math.max(MIN_WIDTH, width);
        List<String> out = new ArrayList<>();
        List<Finding> findings = report.findings();
        long problems = findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).count();
        int first = 0;
        Report.Outcome outcome = report.outcome();
        if (outcome != Report.Outcome.COMPLETE) {
            outcome(out, report, w);
        }
        if (problems == 0) {
            if (outcome != Report.Outcome.NOTHING_TO_DIAGNOSE) {
                wrap(out, label(outcome == Report.Outcome.COMPLETE ? "none" : "noneSoFar"), "", "", w);
            }
        } else {
            wrap(out, problems == 1 ? label("summary.one") : label("summary.other", problems), "", "", w);
            out.add("");
            top(out, findings.get(0), w);
            first = 1;
        }
        if (findings.size() > first) {
            out.add("");
            out.add(label(problems == 0 ? "notes" : "others"));
            for (Finding f : findings.subList(first, findings.size())) {
                String head = "  " + f.rank() + ". ";
                String text = severity(f.severity()) + "  " + f.id() + ": " + f.title()
                        + f.explainedBy().map(cause -> " (" + label("causedBy", cause) + ")").orElse("")
                        + (f.isRootCause() && !f.causes().isEmpty()
                                ? " (" + label("causedSomewhere", String.join(", ", f.causes())) + ")" : "")
                        + " " + stateTag(f);
                wrap(out, text, head, " ".repeat(head.length() + 2), w);
            }
        }
        if (!report.inputs().isEmpty()) {
            out.add("");
            out.add(label("inputs"));
            for (InputSummary s : report.inputs()) {
                String key = switch (s.status()) {
                    case READ -> "probe".equals(s.format()) ? "input.probe" : "input.read";
                    case UNRECOGNISED -> "input.unrecognised";
                    case UNREADABLE -> "input.unreadable";
                };
                String text = switch (key) {
                    case "input.probe" -> label(key, s.name(), count("checksRun", s.linesRead()), count("notRun", s.linesSkipped()));
                    case "input.read" -> label(key, s.name(), s.format(), s.encoding(), count("lines", s.linesRead()),
                            count("skipped", s.linesSkipped()), count("facts", s.facts()));
                    default -> label(key, s.name(), count("lines", s.linesRead()));
                };
                wrap(out, text, "  ", "    ", w);
            }
        }
        if (!report.warnings().isEmpty()) {
            out.add("");
            out.add(label("warnings"));
            for (Warning warning : report.warnings()) {
                wrap(out, warning.toString(), "  ", "    ", w);
            }
        }
        if (!report.rulePacks().isEmpty()) {
            out.add("");
            wrap(out, label("rulePacks", String.join(", ", report.rulePacks())), "", "  ", w);
        }
        return String.join("\n", out.stream().map(ReportText::printable).toList()) + "\n";
    }

    /**
     * The line without what a terminal would obey instead of print: C0 and C1 control characters (ESC starts
     * clear-screen, colour and hyperlink sequences), DEL, and the Unicode bidirectional overrides, isolates and
     * marks that reorder what is shown; a tab becomes a space. Lines come from input (log lines, certificate
     * names, file names), so every line goes through here; the renderer's own line breaks are between lines.
     */
    static String printable(String line) {
        StringBuilder b = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = drivesTerminal(c);
            if (control && b == null) {
                b = new StringBuilder(line.length()).append(line, 0, i);
            }
            if (control && c == '\t') {
                b.append(' ');
            } else if (!control && b != null) {
                b.append(c);
            }
        }
        return b == null ? line : b.toString();
    }

    /**
     * True for a character that could drive a terminal or reorder what it shows rather than be shown: C0 and C1
     * controls (ESC and with it clear-screen, colour and hyperlink sequences; CR; tab), DEL, and Unicode bidi
     * overrides, isolates and marks. Nothing that came from input and is printed on a terminal should hold one.
     */
    public static boolean drivesTerminal(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** How many targets of the top finding are listed. */
    private static final int TARGETS_SHOWN = 5;

    /** How many reasons for an incomplete report are listed at the top (the rest are among the warnings). */
    private static final int REASONS_SHOWN = 5;

    /** The outcome, first, when the report is not complete: a missing finding then proves nothing. */
    private void outcome(List<String> out, Report report, int w) {
        if (report.outcome() == Report.Outcome.NOTHING_TO_DIAGNOSE) {
            wrap(out, label("outcome.nothing"), "", "", w);
            if (!report.anyInputRead()) {
                wrap(out, label("nothingRead"), "", "", w);
            }
            return;
        }
        List<Warning> reasons = report.incompleteBecause();
        wrap(out, label("outcome.incomplete"), "", "", w);
        for (Warning reason : reasons.subList(0, Math.min(REASONS_SHOWN, reasons.size()))) {
            wrap(out, reason.toString(), "  ", "    ", w);
        }
        if (reasons.size() > REASONS_SHOWN) {
            wrap(out, label("outcome.more", reasons.size() - REASONS_SHOWN), "  ", "  ", w);
        }
        out.add("");
    }

    private void top(List<String> out, Finding f, int w) {
        wrap(out, f.rank() + ". [" + severity(f.severity()) + "] " + f.title(), "", INDENT, w);
        String step = f.articleStep().isBlank() ? ""
                : ", " + stepLabels.getOrDefault(f.articleStep(), label("step", f.articleStep()));
        wrap(out, f.id() + ", " + label("sure", Math.round(f.confidence() * 100)) + step, INDENT, INDENT, w);
        if (!f.explanation().isBlank()) {
            out.add("");
            wrap(out, f.explanation(), INDENT, INDENT, w);
        }
        if (!f.targets().isEmpty()) {
            out.add("");
            out.add(INDENT + label("targets"));
            TargetLines lines = new TargetLines(this::label);
            for (FindingTarget t : f.targets().subList(0, Math.min(TARGETS_SHOWN, f.targets().size()))) {
                wrap(out, lines.line(t), INDENT + "- ", INDENT + "    ", w);
            }
            if (f.targets().size() > TARGETS_SHOWN) {
                out.add(INDENT + count("moreTargets", f.targets().size() - TARGETS_SHOWN));
            }
        }
        if (!f.remediation().isEmpty()) {
            out.add("");
            out.add(INDENT + label("whatToDo"));
            int n = 1;
            for (String step2 : f.remediation()) {
                String head = INDENT + n++ + ". ";
                wrap(out, step2, head, " ".repeat(head.length()), w);
            }
        }
        if (!f.evidence().isEmpty()) {
            out.add("");
            String dir = commonFolder(f.evidence());
            wrap(out, dir.isEmpty() ? label("evidence") : label("evidenceIn", dir), INDENT, INDENT + "  ", w);
            for (Evidence s : f.evidence()) {
                evidence(out, s, dir, w);
            }
            if (f.evidenceOmitted() > 0) {
                out.add(INDENT + label("evidenceMore", f.evidenceOmitted()));
            }
        }
    }

    /** The folder (ending with a separator) all evidence files share, or {@code ""}. */
    static String commonFolder(List<Evidence> evidence) {
        String common = null;
        for (Evidence s : evidence) {
            String f = s.file();
            int cut = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
            String dir = cut < 0 ? "" : f.substring(0, cut + 1);
            if (common == null) {
                common = dir;
            } else {
                int n = 0;
                while (n < Math.min(common.length(), dir.length()) && common.charAt(n) == dir.charAt(n)) {
                    n++;
                }
                common = common.substring(0, n);
            }
        }
        if (common == null) {
            return "";
        }
        int cut = Math.max(common.lastIndexOf('/'), common.lastIndexOf('\\'));
        return cut < 0 ? "" : common.substring(0, cut + 1);
    }

    /** Lines of one piece of evidence at most. */
    private static final int EVIDENCE_LINES = 3;

    private static void evidence(List<String> out, Evidence s, String folder, int w) {
        String prefix = INDENT + s.file().substring(folder.length()) + (s.line() > 0 ? ":" + s.line() : "") + ": ";
        String text = s.text().strip();
        int nl = text.indexOf('\n');
        if (nl >= 0) {
            text = text.substring(0, nl).strip() + " …";
        }
        List<String> lines = new ArrayList<>();
        wrap(lines, text, prefix, INDENT + "    ", w);
        if (lines.size() > EVIDENCE_LINES) {
            String last = lines.get(EVIDENCE_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, EVIDENCE_LINES - 1));
            lines.add(last.length() + 2 <= w ? last + " …" : clip(last, w));
        }
        out.addAll(lines);
    }

    private static String clip(String text, int room) {
        if (text.length() <= room) {
            return text;
        }
        return text.substring(0, Math.max(0, room - 1)).stripTrailing() + "…";
    }

    /** Punctuation that French sets apart with a space but that never starts a line: it stays with the word before. */
    private static final java.util.Set<String> CLOSING = java.util.Set.of(":", ";", "!", "?", "»");

    /**
     * The words of a paragraph, a closing mark kept with the word before it ({@code pied :}) and an opening guillemet
     * with the word after it ({@code « Fiddler}), so that no line starts with {@code :} or ends with {@code «}.
     */
    static List<String> words(String paragraph) {
        List<String> words = new ArrayList<>();
        boolean open = false;
        for (String word : paragraph.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!words.isEmpty() && (open || CLOSING.contains(word))) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + word);
            } else {
                words.add(word);
            }
            open = word.equals("«");
        }
        return words;
    }

    /** Word-wraps {@code text}: first line after {@code head}, the others after {@code indent}. */
    static void wrap(List<String> out, String text, String head, String indent, int w) {
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(head);
            boolean empty = true;
            for (String word : words(paragraph)) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!empty && line.length() + 1 + word.length() > w
                        || empty && line.length() + word.length() > w && !head.isBlank() && line.length() > indent.length()) {
                    out.add(line.toString().stripTrailing()); // a label alone, when the first word does not fit beside it
                    line = new StringBuilder(indent);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            out.add(line.toString().stripTrailing());
            head = indent;
        }
    }

    private String severity(Severity s) {
        return label("severity." + s.label());
    }

    /** {@code [ongoing]}; for a problem that stopped, when: {@code [09:12–09:14, then resolved]}. */
    private String stateTag(Finding f) {
        String span = TargetLines.span(f.firstSeen(), f.lastSeen());
        return span.isEmpty() || f.state() == Target.State.ONGOING
                ? label("state.short." + f.state().name().toLowerCase(Locale.ROOT))
                : "[" + span + ", " + label("state." + f.state().name().toLowerCase(Locale.ROOT)) + "]";
    }

    /**
     * A count with its noun in the right number: {@code count.<key>.one} for one (and for zero where the language
     * says so, {@code plural.zero=one}: French writes "0 ligne"), else {@code count.<key>.other}; {@code {0}} is the
     * number.
     */
    String count(String key, long n) {
        boolean one = n == 1 || n == 0 && "one".equals(label("plural.zero"));
        return label("count." + key + (one ? ".one" : ".other"), n);
    }

    String label(String key, Object... args) {
        String pattern;
        try {
            pattern = labels.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]); // no locale digit grouping in names and counts
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(texts);
    }
}
