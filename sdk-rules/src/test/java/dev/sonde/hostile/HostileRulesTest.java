package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.Warning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DRL is code: a vendor pack's consequence may sleep, loop, recurse, over-allocate or throw. Whatever it does,
 * the analysis ends at its deadline, the other rules' findings are kept, the rule is named in an
 * {@link Warning.Kind#INCOMPLETE} warning, and the outcome is "incomplete", never a silent partial report.
 */
class HostileRulesTest {

    /** A log line the built-in pack turns into CLOCK_SKEW (the article's first example). */
    static final String CLOCK_LOG = """
            [2022-09-21T03:59:46:ERROR:client_utils.cc(107)] Certificate details:
            Subject: CN=*.google.com
            Issuer: CN=GTS CA 1C3, O=Google Trust Services LLC, C=US
            Valid from: 2017-09-13T15:37:00Z
            Valid until: 2017-12-06T15:37:00Z
            [2022-09-21T03:59:46:ERROR:secure_connection.cc(322)] Secure connection failed. Status: 0x00000008
            """;

    @TempDir
    Path tmp;

    /** A pack layered over the built-in one, adding one rule with this consequence, fired by any certificate. */
    private Path packWithConsequence(String consequence) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("vendor"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"vendor\", \"version\": \"1\", \"apiVersion\": 1, \"extends\": \"gwsmo\"}");
        Files.writeString(dir.resolve("vendor.drl"), """
                package dev.sonde.packs.vendor;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;

                rule "Vendor rule that misbehaves"
                    @finding("VENDOR_FINDING") @severity("low") @confidence(0.5) @articleStep("4")
                    salience -100
                when
                    $c : Certificate()
                then
                    %s
                end
                """.formatted(consequence));
        Files.writeString(dir.resolve("messages_en.properties"), "VENDOR_FINDING.title=Vendor\nVENDOR_FINDING.explanation=Vendor.\n");
        return dir;
    }

    /** Milliseconds the last {@link #analyze} took, the pack's compilation excluded. */
    private long took;

    private Report analyze(String consequence, Duration deadline) throws IOException {
        Sonde sonde = Sonde.builder().rulePack(packWithConsequence(consequence)).deadline(deadline).build();
        long t0 = System.nanoTime();
        Report report = sonde.analyzeText("Identity/auth.log", CLOCK_LOG);
        took = (System.nanoTime() - t0) / 1_000_000;
        return report;
    }

    private static void assertNamedAndIncomplete(Report report, String... words) {
        assertThat(report.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        assertThat(report.incompleteBecause()).extracting(Warning::message)
                .anySatisfy(m -> assertThat(m).contains("Vendor rule that misbehaves").contains(words));
        // the built-in rules that fired before the vendor's (lower salience) are kept
        assertThat(report.finding("CLOCK_SKEW")).isPresent();
    }

    /**
     * A consequence that will not stop: it ignores interrupts and runs for 20 s (bounded only so that the abandoned
     * thread does not outlive the test run; sleeping, so that it does not slow the other tests down).
     */
    static final String WILL_NOT_STOP = "long end = System.nanoTime() + 20_000_000_000L; while (System.nanoTime() < end) "
            + "{ try { Thread.sleep(20); } catch (InterruptedException ignored) { } }";

    @Test
    void aConsequenceThatWillNotStopIsAbandonedAtTheDeadline() throws IOException {
        Report report = analyze(WILL_NOT_STOP, Duration.ofSeconds(2));
        assertNamedAndIncomplete(report, "abandoned");
        assertThat(took).as("ms to return, deadline 2 s").isLessThan(2_000 + 1_500);
    }

    @Test
    void aConsequenceThatSleepsIsInterruptedAtTheDeadline() throws IOException {
        Report report = analyze("Thread.sleep(600_000L);", Duration.ofSeconds(2));
        assertThat(report.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        assertThat(report.incompleteBecause()).extracting(Warning::message)
                .anySatisfy(m -> assertThat(m).contains("deadline passed"));
        assertThat(report.finding("CLOCK_SKEW")).isPresent();
        assertThat(took).as("ms to return, deadline 2 s").isLessThan(2_000 + 1_500);
    }

    @Test
    void aConsequenceThatThrowsIsNamedAndTheOthersKeepFiring() throws IOException {
        Report report = analyze("if (true) { throw new IllegalStateException(\"vendor bug\"); }", Duration.ofSeconds(30));
        assertNamedAndIncomplete(report, "failed", "vendor bug");
        assertThat(report.findings()).extracting(f -> f.id()).doesNotContain("VENDOR_FINDING");
    }

    @Test
    void aConsequenceThatRecursesForeverIsNamed() throws IOException {
        Report report = analyze("java.util.function.IntUnaryOperator[] f = new java.util.function.IntUnaryOperator[1];"
                + " f[0] = n -> f[0].applyAsInt(n + 1) + 1; f[0].applyAsInt(0);", Duration.ofSeconds(30));
        assertNamedAndIncomplete(report, "recursed too deeply");
    }

    @Test
    void aConsequenceThatAsksForTooMuchMemoryIsNamed() throws IOException {
        // fails at once ("requested array size exceeds VM limit") without filling the test JVM's heap
        Report report = analyze("long[] huge = new long[Integer.MAX_VALUE - 2]; huge[0] = 1;", Duration.ofSeconds(30));
        assertNamedAndIncomplete(report, "memory");
    }

    @Test
    void aWellBehavedVendorRuleGivesACompleteReport() throws IOException {
        Report report = analyze("Raise.finding(drools).insert();", Duration.ofSeconds(30));
        assertThat(report.outcome()).isEqualTo(Report.Outcome.COMPLETE);
        assertThat(report.findings()).extracting(f -> f.id()).contains("CLOCK_SKEW", "VENDOR_FINDING");
        assertThat(report.incompleteBecause()).isEmpty();
    }

    @Test
    void theSameSondeKeepsWorkingAfterAnAbandonedRule() throws IOException {
        Sonde sonde = Sonde.builder().rulePack(packWithConsequence(WILL_NOT_STOP))
                .deadline(Duration.ofSeconds(1)).build();
        List<Report> reports = List.of(sonde.analyzeText("a.log", CLOCK_LOG), sonde.analyzeText("b.log", CLOCK_LOG));
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.finding("CLOCK_SKEW")).isPresent();
            assertThat(r.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        });
    }
}
