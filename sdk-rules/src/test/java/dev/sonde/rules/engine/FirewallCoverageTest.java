package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.InputSummary;
import dev.sonde.Report;
import dev.sonde.facts.Fact;
import dev.sonde.rules.FirewallCasesTest;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.model.Explains;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * RuleCoverageTest's three checks for the firewall's part, with the host evidence read as the plumbing will read it
 * ({@link FirewallCasesTest#facts}): every rule of {@code firewall.drl} fires in a {@code firewall-*} case, every
 * {@code explains.json} row with the cause {@code FIREWALL_BLOCKS_CLIENT} holds in one, and each has a case where both
 * findings are found and the consequence does not name the cause. Once the plumbing lands, RuleCoverageTest says the
 * same over every case.
 */
class FirewallCoverageTest {

    @Test
    void firewallRulesAndRowsAreCoveredByTheFirewallCases() throws Exception {
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Path dir = Path.of(Objects.requireNonNull(FirewallCoverageTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        Set<String> fired = new TreeSet<>();
        Set<String> applied = new TreeSet<>();
        Set<String> notNamed = new TreeSet<>();
        for (GoldenCase c : GoldenCase.load(dir)) {
            if (!c.name().startsWith("firewall-")) {
                continue;
            }
            List<Fact> facts = FirewallCasesTest.facts(c.folder());
            DefaultAgendaEventListener recorder = new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                    if (event.getMatch().getDeclarationIds().contains("$row")
                            && event.getMatch().getDeclarationValue("$row") instanceof Explains row) {
                        applied.add(row.cause() + " -> " + row.consequence());
                    }
                }
            };
            Report report;
            try (RuleEngine.Session s = engine.openSession(Locale.ENGLISH, Instant.now().plusSeconds(60), recorder)) {
                facts.forEach(s::add);
                report = s.finish(List.of(new InputSummary(c.name(), "case", "UTF-8", 1, 0, facts.size(),
                        InputSummary.Status.READ)), List.of());
            }
            assertThat(c.check(report)).as(c.name()).isEmpty();
            for (Finding effect : report.findings()) {
                if (report.finding("FIREWALL_BLOCKS_CLIENT").isPresent() && effect.targets().stream()
                        .anyMatch(t -> !t.explainedBy().equals(Optional.of("FIREWALL_BLOCKS_CLIENT")))) {
                    notNamed.add("FIREWALL_BLOCKS_CLIENT -> " + effect.id());
                }
            }
        }
        assertThat(fired).containsAll(firewallRules());
        Set<String> rows = new TreeSet<>();
        engine.pack().data().forEach(d -> {
            if (d instanceof Explains e && e.cause().equals("FIREWALL_BLOCKS_CLIENT")) {
                rows.add(e.cause() + " -> " + e.consequence());
            }
        });
        assertThat(rows).hasSize(4);
        assertThat(applied).containsAll(rows);
        assertThat(notNamed).containsAll(rows);
    }

    /** The names of the rules in firewall.drl. */
    static Set<String> firewallRules() {
        String drl = RulePack.builtIn().drl().get("firewall.drl");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).hasSize(8);
        return names;
    }
}
