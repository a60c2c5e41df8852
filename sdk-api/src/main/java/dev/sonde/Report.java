package dev.sonde;

import java.util.List;
import java.util.Optional;

/**
 * The result of one analysis: findings in rank order (root cause first), the inputs read and the
 * warnings met on the way. Immutable; equal inputs give equal reports.
 *
 * @param findings ranked findings, rank 1 first
 * @param sources  one summary per input, sorted by name
 * @param warnings  what could not be used, sorted by file and line
 * @param rulePacks the rule packs the findings come from, in layering order, as {@code "id version"}
 *                  ({@code "gwsmo 1.0.0"}): with edited, layered or hot-reloaded packs, which rules answered
 */
public record Report(List<Finding> findings, List<SourceSummary> sources, List<Warning> warnings,
        List<String> rulePacks) {

    /** Name and version of the JSON report schema ({@code docs/report-schema.json}). */
    public static final String SCHEMA = "sonde.report/1";

    public Report {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        rulePacks = List.copyOf(rulePacks);
    }

    /** A report that does not name its rule packs. */
    public Report(List<Finding> findings, List<SourceSummary> sources, List<Warning> warnings) {
        this(findings, sources, warnings, List.of());
    }

    /** The finding to fix first, if any. */
    public Optional<Finding> top() {
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0));
    }

    /** The finding with this id, if present. */
    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** True when at least one finding is of severity medium or worse. */
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.MEDIUM));
    }

    /** True when at least one input could be read (recognised or not). */
    public boolean anyInputRead() {
        return sources.stream().anyMatch(s -> s.status() != SourceSummary.Status.UNREADABLE);
    }
}
