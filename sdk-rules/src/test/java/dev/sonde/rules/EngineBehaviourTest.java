package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static dev.sonde.rules.TestFacts.analyze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** Sessions: determinism, concurrency, folding of repeated facts, the deadline. */
class EngineBehaviourTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    /** Both article examples, a revoked certificate, a timeout through a proxy and an old client, together. */
    static List<Fact> mixed() {
        List<Fact> facts = new ArrayList<>(TestFacts.articleExample1());
        facts.addAll(TestFacts.articleExample2());
        facts.addAll(new TestFacts.Log("Trace-2024-04-02-09-00-00-p1.log", TestFacts.zoned("2024-04-02T09:15:02.120+02:00"))
                .thread("0f3c").tls(SecurityFlag.CERT_REVOKED).destination("10.40.0.12", 8080, "webproxy")
                .thread("1b04").fallback("proxy:3128").error(NetworkErrorCode.TIMEOUT, "WinHttpSendRequest")
                .destination("10.1.1.20", 3128, "squid").destination("10.1.1.21", 3128, "squid2")
                .thread("").client("GWSMO", "4.1.0.0").facts());
        return facts;
    }

    @Test
    void theSameFactsInAnyOrderGiveTheSameReport() {
        List<Fact> facts = mixed();
        Report expected = analyze(engine, facts);
        assertThat(expected.findings()).hasSizeGreaterThan(6);
        qt().withExamples(25).forAll(longs().all()).checkAssert(seed -> {
            List<Fact> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(analyze(engine, shuffled)).isEqualTo(expected);
        });
    }

    @Test
    void oneEngineServesManyThreads() throws Exception {
        List<List<Fact>> scenarios = List.of(TestFacts.articleExample1(), TestFacts.articleExample2(), mixed());
        List<Report> expected = scenarios.stream().map(s -> analyze(engine, s)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int k = i % scenarios.size();
                results.add(pool.submit(() -> analyze(engine, scenarios.get(k)).equals(expected.get(k))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void repeatedFactsAreFoldedAndCounted() {
        TestFacts.Log log = new TestFacts.Log("Trace-big.log", TestFacts.zoned("2024-04-02T09:15:02.000Z")).thread("a");
        for (int i = 0; i < 5000; i++) {
            log.at(LogTime.of(Instant.parse("2024-04-02T09:15:02Z").plusSeconds(i * 30L), java.time.ZoneOffset.UTC))
                    .tls(SecurityFlag.CERT_REV_FAILED).destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net");
        }
        Report r = analyze(engine, log.facts());
        Finding f = r.top().orElseThrow();
        assertThat(f.id()).isEqualTo("REVOCATION_CHECK_FAILED");
        assertThat(f.evidence()).hasSize(5);
        assertThat(f.evidenceOmitted()).isEqualTo(2 * DroolsRuleEngine.DEFAULT_KEEP_PER_SIGNATURE - 5);
        assertThat(r.warnings()).extracting(Warning::message)
                .anySatisfy(m -> assertThat(m).startsWith("9,968 repeated facts folded"));
    }

    @Test
    void theFactLimitsStopTheRestWithWarningsThatMakeTheReportIncomplete() {
        // 40 facts at most: 20 ordinary, 10 of one kind, 5 ordinary ones from one input
        DroolsRuleEngine small = DroolsRuleEngine.compile(RulePack.builtIn(), 16, 40);
        List<dev.sonde.facts.Fact> facts = new java.util.ArrayList<>();
        for (int file = 0; file < 3; file++) {
            TestFacts.Log log = new TestFacts.Log("Trace-" + file + ".log", TestFacts.zoned("2024-04-02T09:15:02.000Z"))
                    .thread("a");
            for (int i = 0; i < 8; i++) {
                log.destination("10.0." + file + "." + i, 443, "");
            }
            facts.addAll(log.facts());
        }
        Report r = analyze(small, facts);
        // each input brings 5 of its 8 destinations; the third input meets the limit of 10 of one kind at once
        assertThat(r.warnings()).filteredOn(w -> w.file().equals("Trace-0.log")).extracting(Warning::message)
                .containsExactly("3 facts not analyzed: the limit of 5 distinct facts that are not failures from one "
                        + "input was reached");
        assertThat(r.warnings()).filteredOn(w -> w.file().equals("Trace-2.log")).extracting(Warning::message)
                .containsExactly("8 facts not analyzed: the limit of 10 distinct Destination facts was reached");
        assertThat(r.incompleteBecause()).hasSize(3);
        assertThat(r.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
    }

    @Test
    void aPassedDeadlineGivesAnIncompleteReportNotAnError() {
        try (RuleEngine.Session s = engine.openSession(Locale.ENGLISH, Instant.now().minusSeconds(60))) {
            TestFacts.articleExample1().forEach(s::add);
            Report r = s.finish(List.of(new InputSummary("x", "gwsmo-trace", "UTF-8", 1, 0, 1,
                    InputSummary.Status.READ)), List.of());
            assertThat(r.warnings()).extracting(Warning::message)
                    .anySatisfy(m -> assertThat(m).contains("deadline passed"));
            assertThat(r.outcome()).isEqualTo(Report.Outcome.INCOMPLETE);
        }
    }

    @Test
    void aSessionIsUsedOnce() {
        RuleEngine.Session s = engine.openSession(Locale.ENGLISH, Instant.now().plusSeconds(10));
        s.finish(List.of(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.add(TestFacts.articleExample1().get(0)))
                .isInstanceOf(IllegalStateException.class);
        s.close();
        s.close();
    }
}
