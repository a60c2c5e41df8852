package dev.sonde.hostile;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.Warning;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chatty healthy log that sorts first must not crowd the real incident of the next file out of the session's fact
 * limits, and whenever a limit drops anything the report says it is incomplete: never "No problem found".
 */
class CrowdedOutTest {

    /** The fiddler sample: interception through a local proxy, found from a certificate and a destination. */
    static final Path INCIDENT = Path.of("../sdk-examples/samples/fiddler-interception/Trace-2017-09-21-04-10-02-p6688.log");

    @TempDir
    Path tmp;

    /** A healthy trace log connecting to {@code n} distinct Google addresses (ordinary facts, each one distinct). */
    static String chattyHealthyLog(int n) {
        StringBuilder b = new StringBuilder("Exe name: OUTLOOK.EXE\nExe version: 16.0.17328.20142\nProduct version: 4.3.68.0\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format("2017-09-21T00:%02d:%02d.000-03:00 2f0 E:Network outlook!WinHttp::HandleCallback @ 2076 ()>"
                    + " Network connection destination details: 142.250.%d.%d:443 (par21s23-in-f10.1e100.net)%n",
                    (i / 60) % 60, i % 60, i / 250, i % 250));
        }
        return b.toString();
    }

    @Test
    void aChattyHealthyLogReadFirstDoesNotHideTheIncidentOfTheNext() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("Trace-2017-09-21-00-00-00-p1.log"), chattyHealthyLog(600)); // sorts first
        Files.copy(INCIDENT, logs.resolve(INCIDENT.getFileName()));
        // limits scaled down with the log: 400 facts, 200 ordinary, 50 ordinary ones from one input
        DroolsRuleEngine small = DroolsRuleEngine.compile(RulePack.builtIn(), 16, 400);
        Report report = Sonde.builder().engine(small).build().analyze(logs);

        assertThat(report.top()).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo("TLS_INTERCEPTION"));
        assertThat(report.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        assertThat(report.incompleteBecause()).extracting(Warning::file).containsOnly(
                logs.resolve("Trace-2017-09-21-00-00-00-p1.log").toString());
    }

    @Test
    void whenTheLimitsDropTheIncidentItselfTheReportIsIncompleteNotHealthy() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("Trace-2017-09-21-00-00-00-p1.log"), chattyHealthyLog(600));
        Files.copy(INCIDENT, logs.resolve(INCIDENT.getFileName()));
        DroolsRuleEngine tiny = DroolsRuleEngine.compile(RulePack.builtIn(), 16, 4);
        Report report = Sonde.builder().engine(tiny).build().analyze(logs);

        assertThat(report.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        assertThat(report.incompleteBecause()).extracting(Warning::message)
                .allSatisfy(m -> assertThat(m).contains("facts not analyzed"));
    }
}
