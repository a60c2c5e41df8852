package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.InputSummary;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every golden case of the built-in pack ({@code cases/<name>/} with logs, recorded probes
 * ({@code probes.json}) or both, and {@code expect.json}) through the public API: logs with the real log
 * reader from sdk-probes, found by ServiceLoader, recorded probes played back into the same session.
 */
class GoldenCasesTest {

    static DroolsRuleEngine engine;
    static List<GoldenCase> cases;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Path dir = Path.of(Objects.requireNonNull(GoldenCasesTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        cases = GoldenCase.load(dir);
    }

    /** Whether the case holds logs or saved host evidence (dev.sonde.HostEvidence): inputs the log reader reads. */
    static boolean hasLogs(GoldenCase c) throws IOException {
        try (Stream<Path> files = Files.walk(c.folder())) {
            return files.anyMatch(f -> Files.isRegularFile(f)
                    && (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".log")
                            || dev.sonde.HostEvidence.ofFile(f.toString()).isPresent()));
        }
    }

    static GoldenCase named(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + name));
    }

    static String describe(Report report) {
        return report.findings().stream().map(f -> f.rank() + "." + f.id()
                + f.explainedBy().map(c -> "<-" + c).orElse("") + f.params()).collect(Collectors.joining(", "));
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.folder().toUri(), () -> {
            Report report = c.run(engine);
            boolean logs = hasLogs(c);
            assertThat(logs || c.probes().isPresent()).as("%s holds logs, host evidence or probes.json", c.name()).isTrue();
            List<InputSummary> logSources = report.inputs().stream().filter(s -> !s.format().equals("probe")).toList();
            List<InputSummary> probeSources = report.inputs().stream().filter(s -> s.format().equals("probe")).toList();
            if (logs) {
                // every input is read, except files that are not logs at all (a corrupt file next to the
                // logs): those are skipped with a warning naming them, and the others still count
                assertThat(logSources).as("inputs of %s", c.name())
                        .anySatisfy(s -> assertThat(s.status()).isEqualTo(InputSummary.Status.READ))
                        .allSatisfy(s -> {
                            if (s.status() != InputSummary.Status.READ) {
                                assertThat(s.status()).as(s.name()).isEqualTo(InputSummary.Status.UNRECOGNISED);
                                assertThat(report.warnings()).as("warnings about %s", s.name())
                                        .anySatisfy(w -> assertThat(w.file()).isEqualTo(s.name()));
                            }
                        });
            } else {
                assertThat(logSources).as("a case without logs reads none").isEmpty();
            }
            if (c.probes().isPresent()) {
                // the recorded probes were played back: one summary per probe family, every fact of the file sent
                assertThat(probeSources).as("probe families of %s", c.name()).isNotEmpty()
                        .allSatisfy(s -> {
                            assertThat(s.name()).startsWith("probe:");
                            assertThat(s.status()).isEqualTo(InputSummary.Status.READ);
                        });
                assertThat(probeSources.stream().mapToLong(InputSummary::facts).sum()).as("facts played back")
                        .isEqualTo(RecordedProbes.read(c.probes().get()).size());
            } else {
                assertThat(probeSources).as("a case without probes.json runs no probe").isEmpty();
            }
            List<String> problems = c.check(report);
            assertThat(problems).as("case %s (%s); findings: %s", c.name(), c.expect().description(), describe(report))
                    .isEmpty();
        }));
    }

    @Test
    void everyFindingIdHasAPositiveAndANegativeCase() {
        assertThat(engine.findingIds()).contains("PORT_BLOCKED", "URL_BLOCKED"); // raised by live probes only
        for (String id : engine.findingIds()) {
            assertThat(cases).as("a case where %s is found", id)
                    .anySatisfy(c -> assertThat(Stream.of(c.expect().top().stream(), c.expect().present().stream(),
                            c.expect().explainedBy().keySet().stream(), c.expect().rootCause().stream()).flatMap(x -> x).toList()).contains(id));
            assertThat(cases).as("a case where %s must not be found", id)
                    .anySatisfy(c -> assertThat(c.expect().absent()).contains(id));
        }
    }

    @Test
    void theCasesIncludeTheArticleExamplesAHealthyLogAndACrossFileCase() {
        assertThat(cases).extracting(GoldenCase::name)
                .contains("article-example-1-clock", "article-example-2-fiddler", "healthy-sync", "cross-file-interception");
        assertThat(cases).filteredOn(c -> c.name().equals("healthy-sync"))
                .allSatisfy(c -> assertThat(c.expect().present()).isEmpty());
    }

    @Test
    void aPortBlockedNowExplainsTheLoggedRevocationFailuresInWords() {
        dev.sonde.Finding top = named("probes-revocation-port-80-blocked-with-log").run(engine).top().orElseThrow();
        assertThat(top.id()).isEqualTo("PORT_BLOCKED");
        assertThat(top.explanation()).contains("revocation checks that failed").contains("port 80").contains("silently drops");
    }

    @Test
    void theRecordedProbeCasesCoverTheProbeOnlyFindingsAndADiagnoseCase() {
        assertThat(cases).filteredOn(c -> c.probes().isPresent()).extracting(GoldenCase::name)
                .contains("probes-healthy-network", "probes-port-443-dropped", "probes-proxy-refuses-googleapis",
                        "probes-revocation-port-80-blocked-with-log");
    }

    @Test
    void theDiagnoseCaseQuotesTheLogAndTheRecordedProbeAsEvidenceOfOneCause() {
        Report report = named("probes-revocation-port-80-blocked-with-log").run(engine);
        Finding top = report.top().orElseThrow();
        assertThat(top.id()).as(describe(report)).isEqualTo("PORT_BLOCKED");
        assertThat(top.params()).containsEntry("port", "80").containsEntry("blocking", "dropped")
                .containsEntry("logged", "CERT_REV_FAILED");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e.file()).isEqualTo("probe:tcp"))
                .anySatisfy(e -> assertThat(e.file()).endsWith("auth.log"));
        // issue 10: the text names one blocked host (the primary detection's); every host is a target of the finding
        assertThat(top.explanation()).contains("pki.goog").contains("TCP port 80").contains("silently drops");
        assertThat(top.params().get("hosts")).contains("crl.pki.goog");
        assertThat(report.finding("REVOCATION_CHECK_FAILED").orElseThrow().explainedBy()).contains("PORT_BLOCKED");
        assertThat(report.inputs()).extracting(InputSummary::format).contains("probe", "gwsmo-authorization");
        // the checks behind the dropped port were not run: warned about, as in a live run
        assertThat(report.warnings()).anySatisfy(w -> {
            assertThat(w.file()).isEqualTo("probe:revocation");
            assertThat(w.message()).isEqualTo("http://crl.pki.goog not checked: no TCP connection to crl.pki.goog:80");
        });
    }

    @Test
    void aProbeOnlyCaseAnalyzedWithoutItsRecordedProbesFindsNothing() throws IOException {
        GoldenCase c = named("probes-port-443-dropped");
        assertThat(hasLogs(c)).isFalse();
        Report logsOnly = Sonde.builder().engine(engine).build().analyze(c.folder());
        assertThat(logsOnly.findings()).isEmpty();
        assertThat(c.check(logsOnly)).contains("top finding is (no finding), expected PORT_BLOCKED");
        Report replayed = c.run(engine);
        assertThat(replayed.top().orElseThrow().id()).isEqualTo("PORT_BLOCKED");
        assertThat(replayed.top().orElseThrow().title()).isEqualTo("TCP port 443 to Google is silently blocked");
    }
}
