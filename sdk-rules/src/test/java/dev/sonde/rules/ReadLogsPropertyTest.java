package dev.sonde.rules;

import dev.sonde.Report;
import dev.sonde.facts.Fact;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** Generated logs (the shared generators of sdk-probes), read by the real reader, through the engine. */
class ReadLogsPropertyTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    @Test
    void reportsDoNotDependOnTheOrderFactsArrive() {
        qt().withExamples(40).forAll(LogGenerators.logs(LogStyle.TRACE), LogGenerators.logs(LogStyle.AUTHORIZATION), longs().all())
                .checkAssert((trace, auth, seed) -> {
                    List<Fact> facts = new ArrayList<>(ReadResult.read("Trace-2024-01-01-00-00-00-p1.log", trace).facts());
                    facts.addAll(ReadResult.read("Identity/auth.log", auth).facts());
                    Report expected = TestFacts.analyze(engine, facts);
                    Collections.shuffle(facts, new Random(seed));
                    assertThat(TestFacts.analyze(engine, facts)).isEqualTo(expected);
                });
    }

    @Test
    void everyFindingHasTextAndEvidence() {
        qt().withExamples(40).forAll(LogGenerators.logs(LogStyle.TRACE)).checkAssert(trace -> {
            Report r = TestFacts.analyze(engine, ReadResult.read("Trace-x.log", trace).facts());
            assertThat(r.findings()).allSatisfy(f -> {
                assertThat(f.title()).isNotBlank().doesNotContain("{");
                assertThat(f.explanation()).isNotBlank().doesNotContainPattern("\\{[a-zA-Z]+(,[a-z]+)?}");
                assertThat(f.remediation()).isNotEmpty()
                        .allSatisfy(step -> assertThat(step).doesNotContainPattern("\\{[a-zA-Z]+(,[a-z]+)?}"));
                assertThat(f.evidence()).isNotEmpty();
            });
        });
    }
}
