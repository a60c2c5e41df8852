package dev.sonde.testkit;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import java.util.stream.Collectors;

/** Reports and findings in the few words a failing assertion needs: one line per finding, never a record's toString. */
final class ReportLines {

    /** Lines longer than this are cut: a finding line names ids, states and targets, not evidence. */
    private static final int MAX_LINE = 160;

    private ReportLines() {
    }

    /** {@code 2. CERT_EXPIRED (medium, ongoing) at www.googleapis.com:443, explained by CLOCK_SKEW}. */
    static String line(Finding f) {
        StringBuilder b = new StringBuilder().append(f.rank()).append(". ").append(f.id())
                .append(" (").append(f.severity().label()).append(", ")
                .append(word(f.state())).append(')');
        if (!f.targets().isEmpty()) {
            b.append(" at ").append(f.targets().stream().map(FindingTarget::target).map(Object::toString).distinct()
                    .limit(3).collect(Collectors.joining("; ")));
            if (f.targets().size() > 3) {
                b.append(" and ").append(f.targets().size() - 3).append(" more");
            }
        }
        f.explainedBy().ifPresent(c -> b.append(", explained by ").append(c));
        return b.length() > MAX_LINE ? b.substring(0, MAX_LINE - 1) + "…" : b.toString();
    }

    /** {@code file:line: message} of a warning. */
    static String line(dev.sonde.Warning w) {
        return w.file() + (w.line() > 0 ? ":" + w.line() : "") + ": " + w.message();
    }

    /** An enum constant as a word: {@code NOTHING_TO_DIAGNOSE} is "nothing to diagnose". */
    static String word(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The findings one per line, indented, or {@code "  (no finding)"}; then the outcome. */
    static String findings(Report report) {
        String lines = report.findings().isEmpty() ? "  (no finding)"
                : report.findings().stream().map(f -> "  " + line(f)).collect(Collectors.joining("\n"));
        return lines + "\n  outcome: " + word(report.outcome())
                + incomplete(report);
    }

    private static String incomplete(Report report) {
        return report.incompleteBecause().isEmpty() ? ""
                : " (" + report.incompleteBecause().stream().limit(2).map(ReportLines::line)
                        .collect(Collectors.joining("; ")) + (report.incompleteBecause().size() > 2 ? "; …" : "") + ")";
    }
}
