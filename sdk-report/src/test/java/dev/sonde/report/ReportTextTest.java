package dev.sonde.report;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testkit.SondeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The text report: what comes first, and that it fits an 80-column terminal. */
@ExtendWith(SondeExtension.class)
class ReportTextTest {

    static Sonde sonde;
    static Path cases;

    @BeforeAll
    static void setUp(Sonde shared) throws Exception {
        sonde = shared;
        cases = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases"); // the built-in pack's golden cases
    }

    @TempDir
    Path tmp;

    @Test
    void theTopFindingComesFirstWithStepsAndEvidenceThenTheRest() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("Identity")).resolve("auth.log");
        Files.copy(cases.resolve("article-example-1-clock/Identity/auth.log"), log);
        String text = ReportText.render(sonde.analyze(log), 80);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("Sonde found 3 problems.");
        assertThat(text).contains("1. [critical] This computer's clock is set ahead")
                .contains("CLOCK_SKEW, 95% sure, article step 4")
                .contains("What to do:")
                .contains("   1. Set the correct date, time and time zone in Windows")
                .contains("Evidence (in ")
                .contains("auth.log:1: [2022-09-21T03:59:46:ERROR:windows_http.cc(331)] TLS connection")
                .contains("Other findings:")
                .contains("2. high REVOCATION_CHECK_FAILED: The certificate revocation check could")
                .contains("(caused by CLOCK_SKEW)")
                .contains("Inputs read:")
                .contains("gwsmo-authorization, UTF-8");
        assertThat(text.indexOf("CLOCK_SKEW")).isLessThan(text.indexOf("REVOCATION_CHECK_FAILED"));
    }

    @Test
    void everyCaseFitsEightyColumnsButForUnbreakableWords() throws Exception {
        try (var dirs = Files.list(cases)) {
            for (Path dir : dirs.sorted().toList()) {
                Report r = sonde.analyze(dir);
                for (int width : List.of(80, 60)) {
                    for (String line : ReportText.render(r, width).lines().toList()) {
                        if (line.length() > width) {
                            assertThat(line.strip()).as("%s: %s", dir.getFileName(), line).doesNotContain(" ");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aHealthyLogSaysNoProblemFound() {
        String text = ReportText.render(sonde.analyze(cases.resolve("healthy-sync")), 80);
        assertThat(text).startsWith("No problem found").doesNotContain("What to do")
                .endsWith("\n\nRule packs: gwsmo " + RulePack.builtIn().manifest().version() + "\n");
        String notes = ReportText.render(sonde.analyze(cases.resolve("outdated-client-version")), 80);
        assertThat(notes).startsWith("No problem found").contains("Notes:").contains("OUTDATED_CLIENT");
        String nothing = ReportText.render(sonde.analyze(cases.resolve("no-such-folder")), 80);
        assertThat(nothing).startsWith("Nothing to diagnose").contains("No input could be read.").contains("Warnings:")
                .doesNotContain("No problem found");
    }

    @Test
    void anIncompleteReportSaysSoFirstAndNamesWhy() {
        Report r = new Report(List.of(), List.of(new dev.sonde.InputSummary("Trace-1.log", "gwsmo-trace", "UTF-8", 10, 0,
                3, dev.sonde.InputSummary.Status.READ)), List.of(
                dev.sonde.Warning.incomplete("Trace-1.log", 7, "line is longer than 65536 characters"),
                new dev.sonde.Warning("Trace-1.log", 9, "a note")));
        assertThat(r).hasOutcome(Report.Outcome.INCOMPLETE);
        String text = ReportText.render(r, 80);
        assertThat(text).startsWith("INCOMPLETE: part of the input was not analyzed")
                .contains("\n  Trace-1.log:7: line is longer than 65536 characters\n")
                .contains("No problem found in what could be analyzed");
        String top = text.substring(0, text.indexOf("Inputs read:"));
        assertThat(top).doesNotContain("a note"); // a note is among the warnings, not a reason
        String fr = ReportText.render(r, 80, Locale.FRENCH);
        assertThat(fr).startsWith("INCOMPLET : une partie des entrées n'a pas été analysée");
    }

    @Test
    void aFileThatIsNoLogIsNothingToDiagnose() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.log"), new byte[] {1, 2, 3, 0, 0, (byte) 0xff, 10, 65, 66});
        Report r = sonde.analyze(junk);
        assertThat(r).hasOutcome(Report.Outcome.NOTHING_TO_DIAGNOSE);
        assertThat(ReportText.render(r, 80)).startsWith("Nothing to diagnose: no input is a log Sonde knows")
                .doesNotContain("No problem found");
    }

    @Test
    void labelsAndStepNamesInFrench() {
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Sonde fr = Sonde.builder().engine(engine).locale(Locale.FRENCH).build();
        String text = ReportText.of(Locale.FRENCH, engine.stepLabels(Locale.FRENCH))
                .format(fr.analyze(cases.resolve("article-example-2-fiddler")), 80);
        assertThat(text).startsWith("Sonde a trouvé 3 problèmes.")
                .contains("[critique] Fiddler intercepte") // issue 10: the text of one detection; the proxy is its target
                .contains("127.0.0.1:8888 : une fois")
                .contains("sûr à 95 %, Étape 4 : consulter les journaux")
                .contains("Que faire :")
                .contains("causé par TLS_INTERCEPTION");
    }

    @Test
    void aFailureWhoseDestinationWasNotLoggedSaysSoNotThisComputer() {
        // WinHttpSendRequest failed: error 12007, and no destination line: the top finding's one target
        Report r = sonde.analyze(cases.resolve("dns-name-not-resolved"));
        String text = ReportText.render(r, 200);
        // before: "- this computer (no one destination): once, ..."
        assertThat(text).contains("- destination not logged: once, 2024-05-14 16:48, still failing at the end of the log")
                .doesNotContain("this computer (no one destination)");
        assertThat(ReportText.render(r, 200, Locale.FRENCH)).contains("- destination absente du journal")
                .doesNotContain("cet ordinateur (pas une destination");
        String json = ReportJson.write(sonde.analyze(cases.resolve("dns-failure-destination-not-logged-then-resolved")));
        assertThat(json).contains("\"unknown\": true").doesNotContain("\"machine\": true");
    }
}
