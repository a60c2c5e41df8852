package dev.sonde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a report's outcome says, from its inputs and warnings. */
class ReportOutcomeTest {

    static final InputSummary READ = new InputSummary("Trace-1.log", "gwsmo-trace", "UTF-8", 10, 0, 2,
            InputSummary.Status.READ);
    static final InputSummary UNRECOGNISED = new InputSummary("notes.log", InputSummary.UNKNOWN_FORMAT, "UTF-8", 3, 3,
            0, InputSummary.Status.UNRECOGNISED);
    static final InputSummary UNREADABLE = InputSummary.unreadable("pipe.log");

    static Report report(List<InputSummary> sources, Warning... warnings) {
        return new Report(List.of(), sources, List.of(warnings));
    }

    @Test
    void aLogReadToTheEndIsComplete() {
        assertThat(report(List.of(READ), new Warning("Trace-1.log", 3, "a line of no known format")).outcome())
                .isEqualTo(Report.Outcome.COMPLETE);
    }

    @Test
    void anythingNotAnalyzedMakesItIncompleteAndIsNamed() {
        Warning cut = Warning.incomplete("Trace-1.log", 9, "line is longer than 65536 characters");
        Report r = report(List.of(READ, UNREADABLE), cut, Warning.incomplete("pipe.log", 0, "not read: a pipe"));
        assertThat(r.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        assertThat(r.incompleteBecause()).extracting(Warning::file).containsExactly("Trace-1.log", "pipe.log");
    }

    @Test
    void noLogAndNoProbeIsNothingToDiagnose() {
        assertThat(report(List.of()).outcome()).isEqualTo(Report.Outcome.NOTHING_TO_DIAGNOSE);
        assertThat(report(List.of(UNRECOGNISED)).outcome()).isEqualTo(Report.Outcome.NOTHING_TO_DIAGNOSE);
        assertThat(report(List.of(UNRECOGNISED), Warning.incomplete("notes.log", 2, "binary content skipped")).outcome())
                .isEqualTo(Report.Outcome.NOTHING_TO_DIAGNOSE);
        assertThat(report(List.of(UNREADABLE), Warning.incomplete("pipe.log", 0, "not read: a pipe")).outcome())
                .isEqualTo(Report.Outcome.NOTHING_TO_DIAGNOSE);
    }

    @Test
    void inputsNeverReachedBeforeTheDeadlineMakeItIncompleteNotEmpty() {
        Report r = report(List.of(), Warning.incomplete("f00000.log", 0, "not read: the analysis deadline passed"));
        assertThat(r.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
    }

    @Test
    void aProbeRunIsSomethingToDiagnose() {
        InputSummary probe = new InputSummary("probe:tcp", "probe", "", 4, 0, 4, InputSummary.Status.READ);
        assertThat(report(List.of(probe)).outcome()).isEqualTo(Report.Outcome.COMPLETE);
    }
}
