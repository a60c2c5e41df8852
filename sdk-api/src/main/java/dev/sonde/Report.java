package dev.sonde;

import java.util.List;
import java.util.Optional;

/**
 * The result of one analysis: findings in rank order (root cause first), the inputs read and the
 * warnings met on the way. Immutable; equal inputs give equal reports.
 *
 * <p>Its {@link #outcome()} says how far the findings can be trusted to be all there is: a report with no
 * finding is a clean bill of health only when the outcome is {@link Outcome#COMPLETE}.
 *
 * @param findings ranked findings, rank 1 first
 * @param inputs   one summary per input (log or probe family), sorted by name; written as {@code sources} in the
 *                  JSON report
 * @param warnings  what could not be used, sorted by file and line
 * @param rulePacks the rule packs the findings come from, in layering order, as {@code "id version"}
 *                  ({@code "gwsmo 1.0.0"}): with edited, layered or hot-reloaded packs, which rules answered
 */
public record Report(List<Finding> findings, List<InputSummary> inputs, List<Warning> warnings,
        List<String> rulePacks) {

    /** Name and version of the JSON report schema ({@code docs/report-schema.json}). */
    public static final String SCHEMA = "sonde.report/2";

    public Report {
        findings = List.copyOf(findings);
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        rulePacks = List.copyOf(rulePacks);
    }

    /** How complete an analysis was. */
    public enum Outcome {
        /** Every input was read and analyzed to the end, and every rule ran to completion. */
        COMPLETE,
        /**
         * Something that could hold evidence was not analyzed: a deadline, a size or fact limit, a rule that
         * failed, an input that could not be read or decoded. {@link #incompleteBecause()} names each. Findings
         * made are reported; "no finding" means nothing.
         */
        INCOMPLETE,
        /** No input was a log Sonde knows and no probe ran: there was nothing to diagnose. */
        NOTHING_TO_DIAGNOSE
    }

    /** A report that does not name its rule packs. */
    public Report(List<Finding> findings, List<InputSummary> inputs, List<Warning> warnings) {
        this(findings, inputs, warnings, List.of());
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

    /**
     * How complete the analysis was: {@link Outcome#INCOMPLETE} when a warning says something was not analyzed,
     * except when no input was recognised as a log, no probe ran (probe families count as inputs) and the only such
     * warnings are about those inputs themselves: that is {@link Outcome#NOTHING_TO_DIAGNOSE} (a missing file, a
     * pipe, a binary file: nothing was there to diagnose). Else {@link Outcome#COMPLETE}. Inputs
     * never reached because the deadline passed make the report incomplete, not empty.
     */
    public Outcome outcome() {
        if (inputs.stream().noneMatch(s -> s.status() == InputSummary.Status.READ)) {
            // every input there is was unreadable or no log: what its own warnings say was lost cannot be diagnosed
            java.util.Set<String> noLogs = new java.util.HashSet<>();
            inputs.forEach(s -> noLogs.add(s.name()));
            boolean cut = warnings.stream().anyMatch(w -> w.makesIncomplete() && !noLogs.contains(w.file()));
            return cut ? Outcome.INCOMPLETE : Outcome.NOTHING_TO_DIAGNOSE;
        }
        return warnings.stream().anyMatch(Warning::makesIncomplete) ? Outcome.INCOMPLETE : Outcome.COMPLETE;
    }

    /** The warnings that make this report incomplete (empty when it is complete), in warning order. */
    public List<Warning> incompleteBecause() {
        return warnings.stream().filter(Warning::makesIncomplete).toList();
    }

    /** True when at least one input could be read (recognised or not). */
    public boolean anyInputRead() {
        return inputs.stream().anyMatch(s -> s.status() != InputSummary.Status.UNREADABLE);
    }
}
