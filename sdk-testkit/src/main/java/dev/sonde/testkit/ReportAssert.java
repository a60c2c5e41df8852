package dev.sonde.testkit;

import dev.sonde.Finding;
import dev.sonde.Report;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Report}; start with {@link SondeAssertions#assertThat(Report)}. A failure says what was
 * expected and lists the report's findings one per line (rank, id, severity, state, targets, cause) and its outcome.
 *
 * <pre>{@code
 * assertThat(report).hasTopFinding("TLS_INTERCEPTION")
 *         .hasFinding("UNTRUSTED_CA").explainedBy("TLS_INTERCEPTION");
 * }</pre>
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {

    ReportAssert(Report actual) {
        super(actual, ReportAssert.class);
    }

    /** The finding ranked first (the root cause to fix first) has this id. */
    public ReportAssert hasTopFinding(String id) {
        isNotNull();
        String top = actual.top().map(Finding::id).orElse(null);
        if (!id.equals(top)) {
            fail("Expected the top finding to be " + id + ", but " + (top == null ? "there is no finding" : "it is " + top));
        }
        return this;
    }

    /** There is a finding; the assertions that follow are about the one ranked first. */
    public FindingAssert topFinding() {
        isNotNull();
        Finding f = actual.top().orElse(null);
        if (f == null) {
            fail("Expected a finding, but there is none");
        }
        return new FindingAssert(f, this);
    }

    /** A finding with this id is present; the assertions that follow are about it (see {@link FindingAssert#and()}). */
    public FindingAssert hasFinding(String id) {
        isNotNull();
        Finding f = actual.finding(id).orElse(null);
        if (f == null) {
            fail("Expected a finding " + id + ", but there is none");
        }
        return new FindingAssert(f, this);
    }

    /** The same as {@link #hasFinding(String)}: reads better before {@code .hasParam(...)}. */
    public FindingAssert finding(String id) {
        return hasFinding(id);
    }

    /** Findings with each of these ids are present, in any order and among others. */
    public ReportAssert hasFindings(String... ids) {
        isNotNull();
        List<String> missing = Arrays.stream(ids).filter(id -> actual.finding(id).isEmpty()).toList();
        if (!missing.isEmpty()) {
            fail("Expected findings " + String.join(", ", ids) + ", but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return this;
    }

    /** No finding has any of these ids. */
    public ReportAssert doesNotHaveFinding(String... ids) {
        isNotNull();
        List<String> present = Arrays.stream(ids).filter(id -> actual.finding(id).isPresent()).toList();
        if (!present.isEmpty()) {
            fail("Expected no finding " + String.join(", ", ids) + ", but " + String.join(", ", present)
                    + (present.size() == 1 ? " was" : " were") + " found");
        }
        return this;
    }

    /** The findings are exactly these, in this rank order. */
    public ReportAssert hasRanking(String... ids) {
        isNotNull();
        List<String> actualIds = actual.findings().stream().map(Finding::id).toList();
        if (!actualIds.equals(List.of(ids))) {
            fail("Expected the findings " + String.join(", ", ids) + " in this order");
        }
        return this;
    }

    /**
     * Nothing is wrong, and that can be trusted: no finding of severity medium or worse ({@link Report#hasProblems()})
     * and the analysis was {@linkplain Report.Outcome#COMPLETE complete} (an incomplete report's silence means
     * nothing). Low and info findings are allowed.
     */
    public ReportAssert hasNoProblems() {
        isNotNull();
        if (actual.hasProblems()) {
            fail("Expected no problem, but there " + (count() == 1 ? "is a finding" : "are findings") + " of severity"
                    + " medium or worse");
        }
        if (actual.outcome() != Report.Outcome.COMPLETE) {
            fail("Expected no problem in a complete analysis, but the outcome is "
                    + ReportLines.word(actual.outcome()));
        }
        return this;
    }

    /** The report has no finding at all, of any severity. */
    public ReportAssert hasNoFindings() {
        isNotNull();
        if (!actual.findings().isEmpty()) {
            fail("Expected no finding, but there " + (count() == 1 ? "is one" : "are " + count()));
        }
        return this;
    }

    /** The analysis ended with this outcome (complete, incomplete, nothing to diagnose). */
    public ReportAssert hasOutcome(Report.Outcome outcome) {
        isNotNull();
        if (actual.outcome() != outcome) {
            fail("Expected the outcome " + ReportLines.word(outcome) + ", but it is " + ReportLines.word(actual.outcome()));
        }
        return this;
    }

    /** Some warning's file or message contains {@code text}. */
    public ReportAssert hasWarningContaining(String text) {
        isNotNull();
        if (actual.warnings().stream().noneMatch(w -> w.file().contains(text) || w.message().contains(text))) {
            fail("Expected a warning containing \"" + text + "\", but the warnings are "
                    + (actual.warnings().isEmpty() ? "none" : "\n  " + String.join("\n  ",
                            actual.warnings().stream().limit(10).map(ReportLines::line).toList())));
        }
        return this;
    }

    Report report() {
        return actual;
    }

    private long count() {
        return actual.findings().size();
    }

    /** Fails with {@code expectation}, then the report's findings one per line. */
    void fail(String expectation) {
        failWithMessage("%s", expectation + ".\nFindings:\n" + ReportLines.findings(actual));
    }
}
