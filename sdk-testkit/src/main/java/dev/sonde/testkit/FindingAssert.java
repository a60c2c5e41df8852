package dev.sonde.testkit;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Severity;
import dev.sonde.Target;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@link Finding}, usually reached from {@link ReportAssert#hasFinding(String)}; {@link #and()}
 * goes back to the report. A failure names the finding in one line and, when it came from a report, lists the
 * report's findings.
 */
public final class FindingAssert extends AbstractAssert<FindingAssert, Finding> {

    private final ReportAssert report;

    FindingAssert(Finding actual, ReportAssert report) {
        super(actual, FindingAssert.class);
        this.report = report;
    }

    /** Back to the report the finding came from, to go on asserting on it. */
    public ReportAssert and() {
        if (report == null) {
            throw new IllegalStateException("this finding was not reached from a report");
        }
        return report;
    }

    /** The finding is a consequence of {@code causeId} on every one of its targets. */
    public FindingAssert explainedBy(String causeId) {
        isNotNull();
        if (!actual.explainedBy().map(causeId::equals).orElse(false)) {
            fail("Expected " + actual.id() + " to be explained by " + causeId + ", but it is "
                    + actual.explainedBy().map(c -> "explained by " + c).orElse("a root cause"));
        }
        return this;
    }

    /** The finding is a root cause (explained by nothing) on at least one of its targets. */
    public FindingAssert isRootCause() {
        isNotNull();
        if (actual.explainedBy().isPresent()) {
            fail("Expected " + actual.id() + " to be a root cause, but it is explained by " + actual.explainedBy().get());
        }
        return this;
    }

    /** The finding's parameter {@code key} is exactly {@code value}. */
    public FindingAssert hasParam(String key, String value) {
        isNotNull();
        String v = actual.params().get(key);
        if (!value.equals(v)) {
            fail("Expected " + actual.id() + "'s parameter " + key + " to be \"" + value + "\", but it is "
                    + (v == null ? "missing (parameters: " + String.join(", ", actual.params().keySet()) + ")"
                            : "\"" + v + "\""));
        }
        return this;
    }

    /** The finding has a parameter under each of these keys, whatever its value. */
    public FindingAssert hasParamKeys(String... keys) {
        isNotNull();
        List<String> missing = Arrays.stream(keys).filter(k -> !actual.params().containsKey(k)).toList();
        if (!missing.isEmpty()) {
            fail("Expected " + actual.id() + " to have the parameters " + String.join(", ", keys) + ", but "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing (parameters: "
                    + String.join(", ", actual.params().keySet()) + ")");
        }
        return this;
    }

    /** The finding has no parameter under any of these keys. */
    public FindingAssert doesNotHaveParam(String... keys) {
        isNotNull();
        List<String> present = Arrays.stream(keys).filter(actual.params()::containsKey).toList();
        if (!present.isEmpty()) {
            fail("Expected " + actual.id() + " to have no parameter " + String.join(", ", keys) + ", but it has "
                    + String.join(", ", present.stream().map(k -> k + "=\"" + actual.params().get(k) + "\"").toList()));
        }
        return this;
    }

    /** The finding is of this severity. */
    public FindingAssert hasSeverity(Severity severity) {
        isNotNull();
        if (actual.severity() != severity) {
            fail("Expected " + actual.id() + " to be " + severity.label() + ", but it is " + actual.severity().label());
        }
        return this;
    }

    /** The finding stands so at the end of the input (ongoing, intermittent, resolved). */
    public FindingAssert hasState(Target.State state) {
        isNotNull();
        if (actual.state() != state) {
            fail("Expected " + actual.id() + " to be " + ReportLines.word(state) + ", but it is "
                    + ReportLines.word(actual.state()));
        }
        return this;
    }

    /**
     * One of the finding's targets is {@code where}: its host name, its {@code address:port}, its proxy, or the
     * whole of its text ({@code "this computer"}, {@code "destination not logged"}).
     */
    public FindingAssert hasTarget(String where) {
        isNotNull();
        boolean found = actual.targets().stream().map(FindingTarget::target).anyMatch(t -> where.equals(t.host())
                || where.equals(t.endpoint()) || where.equals(t.proxy()) || where.equals(t.toString()));
        if (!found) {
            fail("Expected " + actual.id() + " to have the target " + where);
        }
        return this;
    }

    /** Some evidence line quotes {@code text}. */
    public FindingAssert hasEvidenceContaining(String text) {
        isNotNull();
        if (actual.evidence().stream().noneMatch(e -> e.text().contains(text))) {
            fail("Expected " + actual.id() + " to quote \"" + text + "\" in its evidence, but it quotes "
                    + (actual.evidence().isEmpty() ? "nothing" : "\n    " + String.join("\n    ",
                            actual.evidence().stream().map(e -> e.file() + ":" + e.line() + ": " + e.text()).toList())));
        }
        return this;
    }

    /** The finding's title is exactly {@code title} (texts follow the locale Sonde was built with). */
    public FindingAssert hasTitle(String title) {
        isNotNull();
        if (!actual.title().equals(title)) {
            fail("Expected " + actual.id() + "'s title to be \"" + title + "\", but it is \"" + actual.title() + "\"");
        }
        return this;
    }

    /** The finding's explanation contains each of {@code texts} (texts follow the locale Sonde was built with). */
    public FindingAssert hasExplanationContaining(String... texts) {
        isNotNull();
        List<String> missing = Arrays.stream(texts).filter(t -> !actual.explanation().contains(t)).toList();
        if (!missing.isEmpty()) {
            fail("Expected " + actual.id() + "'s explanation to contain \"" + String.join("\", \"", missing)
                    + "\", but it is \"" + actual.explanation() + "\"");
        }
        return this;
    }

    /** Some evidence line comes from {@code file} (a log's name as given, or {@code probe:tcp} ...). */
    public FindingAssert hasEvidenceFrom(String file) {
        isNotNull();
        if (actual.evidence().stream().noneMatch(e -> e.file().equals(file))) {
            fail("Expected " + actual.id() + " to have evidence from " + file + ", but it has evidence from "
                    + (actual.evidence().isEmpty() ? "nothing" : String.join(", ",
                            actual.evidence().stream().map(e -> e.file()).distinct().toList())));
        }
        return this;
    }

    /** The finding's title contains {@code text} (texts follow the locale Sonde was built with). */
    public FindingAssert hasTitleContaining(String text) {
        isNotNull();
        if (!actual.title().contains(text)) {
            fail("Expected " + actual.id() + "'s title to contain \"" + text + "\", but it is \"" + actual.title() + "\"");
        }
        return this;
    }

    private void fail(String expectation) {
        String context = report == null ? "Finding:\n  " + ReportLines.line(actual)
                : "Findings:\n" + ReportLines.findings(report.report());
        failWithMessage("%s", expectation + ".\n" + context);
    }
}
