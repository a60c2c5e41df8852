package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.ProbeCatalog;
import dev.sonde.Report;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.model.Explains;
import dev.sonde.rules.model.Magnitude;
import dev.sonde.rules.model.Where;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Issue 10, §5: every rule of the built-in pack fires in at least one of its golden cases, and every row of
 * {@code explains.json} links its findings in at least one case where it holds. The cases run as
 * {@code GoldenCasesTest} runs them, on the real Drools session, with an agenda listener that records each rule fired
 * (and, for the explains rule, the row it applied). No rule and no row is exempt: a rule or row that no realistic case
 * can make fire is deleted, not listed.
 */
class RuleCoverageTest {

    static DroolsRuleEngine engine;
    static List<GoldenCase> cases;
    /** Rule name → the first case (by name) it fired in. */
    static final Map<String, String> firedIn = new ConcurrentHashMap<>();
    /** explains.json rows applied (cause → consequence, scope) → the first case. */
    static final Map<Explains, String> explainedIn = new ConcurrentHashMap<>();
    /** "cause -> consequence" → the first case where both were found and a target of the consequence did not name it. */
    static final Map<String, String> notNamedIn = new ConcurrentHashMap<>();

    @BeforeAll
    static void runEveryCase() throws Exception {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Path dir = Path.of(Objects.requireNonNull(RuleCoverageTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        cases = GoldenCase.load(dir);
        for (GoldenCase c : cases) {
            DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firedIn.putIfAbsent(event.getMatch().getRule().getName(), c.name());
                    if (event.getMatch().getDeclarationIds().contains("$row")
                            && event.getMatch().getDeclarationValue("$row") instanceof Explains row) {
                        explainedIn.putIfAbsent(row, c.name());
                    }
                }
            };
            RuleEngine recording = new RuleEngine() { // the real engine; its sessions also report to the recorder
                @Override
                public Session openSession(Locale locale, Instant deadline) {
                    return engine.openSession(locale, deadline, recorder);
                }

                @Override
                public ProbeCatalog probeCatalog() {
                    return engine.probeCatalog();
                }
            };
            Report report = c.run(recording);
            assertThat(c.check(report)).as("case %s still passes while recorded", c.name()).isEmpty();
            for (Finding effect : report.findings()) {
                for (Finding cause : report.findings()) {
                    if (effect.targets().stream().anyMatch(t -> !t.explainedBy().equals(Optional.of(cause.id())))) {
                        notNamedIn.putIfAbsent(cause.id() + " -> " + effect.id(), c.name());
                    }
                }
            }
        }
    }

    @Test
    void everyRuleOfTheBuiltInPackFiresInSomeGoldenCase() {
        Set<String> rules = engine.ruleNames();
        assertThat(rules).hasSizeGreaterThan(50).contains("A finding explains another (explains.json)");
        Set<String> never = new TreeSet<>(rules);
        never.removeAll(firedIn.keySet());
        assertThat(never).as("rules that fire in no golden case (add a case with realistic logs or recorded probes)").isEmpty();
    }

    @Test
    void everyExplainsRowHoldsInSomeGoldenCase() {
        Set<Explains> rows = new LinkedHashSet<>();
        engine.pack().data().forEach(d -> {
            if (d instanceof Explains e) {
                rows.add(e);
            }
        });
        assertThat(rows).hasSizeGreaterThan(10);
        Map<String, String> never = new TreeMap<>();
        rows.stream().filter(r -> !explainedIn.containsKey(r))
                .forEach(r -> never.put(r.cause() + " -> " + r.consequence(), r.scope().name()));
        assertThat(never).as("explains.json rows no golden case exercises where they hold").isEmpty();
        assertThat(Collections.unmodifiableMap(explainedIn)).isNotEmpty();
    }

    /**
     * Issue 10, §5, the other half: a row that holds only somewhere ({@code where}, {@code overlap} or {@code magnitude})
     * has a case where both its findings are found and a target of the consequence does not name the cause (another
     * target, another time, another size).
     */
    @Test
    void everyScopedExplainsRowHasACaseWhereItDoesNotHold() {
        Map<String, String> never = new TreeMap<>();
        engine.pack().data().forEach(d -> {
            if (d instanceof Explains r && (r.where() != Where.ANY || r.overlap() || r.magnitude() != Magnitude.NONE)
                    && !notNamedIn.containsKey(r.cause() + " -> " + r.consequence())) {
                never.put(r.cause() + " -> " + r.consequence(), r.where() + (r.overlap() ? ", overlap" : ""));
            }
        });
        assertThat(never).as("scoped explains.json rows with no golden case showing where they do not hold").isEmpty();
    }
}
