package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SourceSummary;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case of the built-in pack ({@code cases/<name>/*.log} + {@code expect.json})
 * through the public API with the real log reader from sdk-probes, found by ServiceLoader.
 */
class GoldenCasesTest {

    static Sonde sonde;
    static List<GoldenCase> cases;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        sonde = Sonde.builder().build();
        Path dir = Path.of(Objects.requireNonNull(GoldenCasesTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        cases = GoldenCase.load(dir);
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.folder().toUri(), () -> {
            Report report = sonde.analyze(c.folder());
            // every input is read, except files that are not logs at all (a corrupt file next to the
            // logs): those are skipped with a warning naming them, and the others still count
            assertThat(report.sources()).as("inputs of %s", c.name())
                    .anySatisfy(s -> assertThat(s.status()).isEqualTo(SourceSummary.Status.READ))
                    .allSatisfy(s -> {
                        if (s.status() != SourceSummary.Status.READ) {
                            assertThat(s.status()).as(s.name()).isEqualTo(SourceSummary.Status.UNRECOGNISED);
                            assertThat(report.warnings()).as("warnings about %s", s.name())
                                    .anySatisfy(w -> assertThat(w.file()).isEqualTo(s.name()));
                        }
                    });
            List<String> problems = c.check(report);
            assertThat(problems).as("case %s (%s); findings: %s", c.name(), c.expect().description(),
                    report.findings().stream().map(f -> f.rank() + "." + f.id()
                            + (f.explainedBy() == null ? "" : "<-" + f.explainedBy()) + f.params())
                            .collect(Collectors.joining(", "))).isEmpty();
        }));
    }

    /** Findings only live probes can raise: no log line says a port is blocked. */
    static final java.util.Set<String> PROBE_ONLY = java.util.Set.of("PORT_BLOCKED", "URL_BLOCKED");

    @Test
    void everyFindingIdHasAPositiveAndANegativeCase() {
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        for (String id : engine.findingIds()) {
            if (PROBE_ONLY.contains(id)) {
                continue; // golden cases hold logs; live-probe findings are covered by sdk-examples' ProbeScenariosTest
            }
            assertThat(cases).as("a case where %s is found", id)
                    .anySatisfy(c -> assertThat(Stream.of(c.expect().top().stream(), c.expect().present().stream(),
                            c.expect().explainedBy().keySet().stream()).flatMap(x -> x).toList()).contains(id));
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
}
