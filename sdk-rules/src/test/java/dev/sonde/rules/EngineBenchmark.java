package dev.sonde.rules;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Not a test: prints how long the engine takes to build and to analyze. Run from {@code sdk-rules}
 * after {@code ../mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.sonde.rules.EngineBenchmark
 * </pre>
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        long cold = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "rules: %d, finding ids: %d%n", engine.ruleCount(), engine.findingIds().size());
        System.out.printf(Locale.ROOT, "engine build, cold JVM:   %6.0f ms%n", cold / 1e6);
        int builds = 5;
        t0 = System.nanoTime();
        for (int i = 0; i < builds; i++) {
            DroolsRuleEngine.compile(RulePack.builtIn());
        }
        System.out.printf(Locale.ROOT, "engine build, warm (avg): %6.0f ms%n", (System.nanoTime() - t0) / 1e6 / builds);

        List<Fact> facts = TestFacts.articleExample1();
        t0 = System.nanoTime();
        TestFacts.analyze(engine, facts);
        System.out.printf(Locale.ROOT, "first session (example 1 facts): %6.1f ms%n", (System.nanoTime() - t0) / 1e6);
        int n = 500;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            TestFacts.analyze(engine, i % 2 == 0 ? facts : TestFacts.articleExample2());
        }
        System.out.printf(Locale.ROOT, "session, warm (avg of %d, facts only): %6.2f ms%n", n, (System.nanoTime() - t0) / 1e6 / n);

        Sonde sonde = Sonde.builder().engine(engine).build();
        Path cases = Path.of(Objects.requireNonNull(EngineBenchmark.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sonde.analyze(cases.resolve(i % 2 == 0 ? "article-example-1-clock" : "article-example-2-fiddler"));
        }
        System.out.printf(Locale.ROOT, "analyze(folder), warm (avg of %d, reader + rules): %6.2f ms%n", n,
                (System.nanoTime() - t0) / 1e6 / n);

        TestFacts.Log big = new TestFacts.Log("Trace-big.log", TestFacts.zoned("2024-04-02T09:15:02.000Z")).thread("a");
        for (int i = 0; i < 100_000; i++) {
            big.at(LogTime.of(Instant.parse("2024-04-02T09:15:02Z").plusSeconds(i * 7L), ZoneOffset.UTC))
                    .tls(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA)
                    .destination("142.250.180." + (i % 200), 443, "");
        }
        t0 = System.nanoTime();
        Report r = TestFacts.analyze(engine, big.facts());
        System.out.printf(Locale.ROOT, "200,000 facts (200 distinct destinations), folded: %6.0f ms, %d findings, warnings: %s%n",
                (System.nanoTime() - t0) / 1e6, r.findings().size(), r.warnings());
    }
}
