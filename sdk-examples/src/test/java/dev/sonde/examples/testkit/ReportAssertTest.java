package dev.sonde.examples.testkit;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.Target;
import dev.sonde.testkit.SondeExtension;
import dev.sonde.testkit.logs.GwsmoLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit's assertions on real analyses (the article's two examples, the healthy sample): each passes on what is
 * true and fails on what is not, with a short message: the expectation, then one line per finding.
 */
@ExtendWith(SondeExtension.class)
class ReportAssertTest {

    static Report clock;
    static Report fiddler;
    static Report healthy;
    static Report nothing;

    @BeforeAll
    static void analyze(Sonde sonde) {
        clock = sonde.analyzeText("authorization.log", GwsmoLogs.articleExample1());
        fiddler = sonde.analyzeText("Trace-2017-09-21-04-10-02-p6688.log", GwsmoLogs.articleExample2());
        healthy = sonde.analyze(Path.of("samples/healthy"));
        nothing = sonde.analyzeText("notes.txt", "shopping list: milk, eggs\n");
    }

    @Test
    void whatIsTruePasses() {
        assertThat(fiddler).hasTopFinding("TLS_INTERCEPTION").hasOutcome(Report.Outcome.COMPLETE)
                .hasFinding("TLS_INTERCEPTION").isRootCause().hasTarget("127.0.0.1:8888")
                .hasEvidenceContaining("DO_NOT_TRUST_FiddlerRoot").and()
                .doesNotHaveFinding("CLOCK_SKEW", "PORT_BLOCKED");
        assertThat(clock).hasTopFinding("CLOCK_SKEW").finding("CLOCK_SKEW").hasTarget("this computer")
                .hasState(Target.State.ONGOING);
        assertThat(healthy).hasNoProblems().hasOutcome(Report.Outcome.COMPLETE);
        assertThat(nothing).hasNoFindings().hasOutcome(Report.Outcome.NOTHING_TO_DIAGNOSE);
        String[] ranked = fiddler.findings().stream().map(f -> f.id()).toArray(String[]::new);
        assertThat(fiddler).hasRanking(ranked).hasFindings(ranked);
    }

    @Test
    void aWrongTopFindingSaysWhichItIsAndListsTheFindingsOnePerLine() {
        assertThatThrownBy(() -> assertThat(fiddler).hasTopFinding("CLOCK_SKEW"))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> {
                    String m = e.getMessage();
                    assertThat(m).startsWith("Expected the top finding to be CLOCK_SKEW, but it is TLS_INTERCEPTION.\nFindings:\n")
                            .contains("  1. TLS_INTERCEPTION (")
                            .contains("127.0.0.1:8888")
                            .endsWith("  outcome: complete")
                            // short: no record toString, no evidence, one line per finding plus three
                            .doesNotContain("Finding[", "Evidence[", "DO_NOT_TRUST");
                    assertThat(m.lines().count()).isEqualTo(fiddler.findings().size() + 3L);
                    assertThat(m.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(160));
                });
    }

    @Test
    void everyFailureNamesWhatWasExpectedAndWhatWasFound() {
        String top = fiddler.top().orElseThrow().id();
        assertThatThrownBy(() -> assertThat(fiddler).hasFinding("PORT_BLOCKED"))
                .hasMessageStartingWith("Expected a finding PORT_BLOCKED, but there is none.\nFindings:\n  1. " + top);
        assertThatThrownBy(() -> assertThat(fiddler).doesNotHaveFinding("CLOCK_SKEW", top))
                .hasMessageStartingWith("Expected no finding CLOCK_SKEW, " + top + ", but " + top + " was found.");
        assertThatThrownBy(() -> assertThat(fiddler).hasFindings(top, "PORT_BLOCKED", "URL_BLOCKED"))
                .hasMessageStartingWith("Expected findings " + top + ", PORT_BLOCKED, URL_BLOCKED, but PORT_BLOCKED, URL_BLOCKED are missing.");
        assertThatThrownBy(() -> assertThat(fiddler).finding(top).explainedBy("CLOCK_SKEW"))
                .hasMessageStartingWith("Expected " + top + " to be explained by CLOCK_SKEW, but it is a root cause.");
        assertThatThrownBy(() -> assertThat(fiddler).finding(top).hasParam("no-such-key", "x"))
                .hasMessageStartingWith("Expected " + top + "'s parameter no-such-key to be \"x\", but it is missing (parameters: ");
        assertThatThrownBy(() -> assertThat(fiddler).finding(top).hasSeverity(Severity.INFO))
                .hasMessageStartingWith("Expected " + top + " to be info, but it is " + fiddler.top().get().severity().label() + ".");
        assertThatThrownBy(() -> assertThat(fiddler).finding(top).hasState(Target.State.RESOLVED))
                .hasMessageStartingWith("Expected " + top + " to be resolved, but it is ongoing.");
        assertThatThrownBy(() -> assertThat(fiddler).finding(top).hasTarget("mail.google.com"))
                .hasMessageStartingWith("Expected " + top + " to have the target mail.google.com.");
        assertThatThrownBy(() -> assertThat(fiddler).hasNoProblems())
                .hasMessageStartingWith("Expected no problem, but there ");
        assertThatThrownBy(() -> assertThat(nothing).hasNoProblems())
                .hasMessageStartingWith("Expected no problem in a complete analysis, but the outcome is nothing to diagnose.");
        assertThatThrownBy(() -> assertThat(healthy).hasOutcome(Report.Outcome.INCOMPLETE))
                .hasMessageStartingWith("Expected the outcome incomplete, but it is complete.");
        assertThatThrownBy(() -> assertThat(healthy).hasTopFinding("CLOCK_SKEW"))
                .hasMessageStartingWith("Expected the top finding to be CLOCK_SKEW, but there is no finding")
                .hasMessageEndingWith("  (no finding)\n  outcome: complete");
    }

    @Test
    void parametersTextsAndEvidenceSources() {
        var top = fiddler.top().orElseThrow();
        String key = top.params().keySet().iterator().next();
        String file = top.evidence().get(0).file();
        String words = top.explanation().substring(0, Math.min(20, top.explanation().length()));
        assertThat(fiddler).topFinding().hasParamKeys(key).doesNotHaveParam("no-such-key")
                .hasExplanationContaining(words).hasEvidenceFrom(file).hasTitle(top.title());
        assertThatThrownBy(() -> assertThat(fiddler).topFinding().hasParamKeys(key, "no-such-key"))
                .hasMessageStartingWith("Expected " + top.id() + " to have the parameters " + key + ", no-such-key, but"
                        + " no-such-key is missing (parameters: ");
        assertThatThrownBy(() -> assertThat(fiddler).topFinding().doesNotHaveParam(key))
                .hasMessageStartingWith("Expected " + top.id() + " to have no parameter " + key + ", but it has " + key + "=\"");
        assertThatThrownBy(() -> assertThat(fiddler).topFinding().hasExplanationContaining(words, "no such words"))
                .hasMessageStartingWith("Expected " + top.id() + "'s explanation to contain \"no such words\", but it is \"");
        assertThatThrownBy(() -> assertThat(fiddler).topFinding().hasEvidenceFrom("probe:tcp"))
                .hasMessageStartingWith("Expected " + top.id() + " to have evidence from probe:tcp, but it has evidence from " + file);
        assertThatThrownBy(() -> assertThat(healthy).topFinding())
                .hasMessageStartingWith("Expected a finding, but there is none.");
    }

    @Test
    void aDescriptionGoesFirst() {
        assertThatThrownBy(() -> assertThat(clock).as("article example 1").hasTopFinding("TLS_INTERCEPTION"))
                .hasMessageStartingWith("[article example 1] Expected the top finding to be TLS_INTERCEPTION, but it is CLOCK_SKEW.");
    }

    @Test
    void aFindingAloneIsDescribedInOneLine() {
        var f = fiddler.top().orElseThrow();
        assertThat(f).hasTarget("127.0.0.1:8888");
        assertThatThrownBy(() -> assertThat(f).explainedBy("CLOCK_SKEW"))
                .hasMessage("Expected " + f.id() + " to be explained by CLOCK_SKEW, but it is a root cause.\nFinding:\n  1. "
                        + f.id() + " (" + f.severity().label() + ", ongoing) at " + f.targets().get(0).target());
        assertThatThrownBy(() -> assertThat(f).and()).isInstanceOf(IllegalStateException.class);
    }
}
