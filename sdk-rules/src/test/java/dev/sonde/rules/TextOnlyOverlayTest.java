package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack that extends another may hold no rule at all (its texts, data and golden cases for the rules it extends); a
 * pack that extends nothing and has no DRL is refused, by the loader and by {@code rules check} alike.
 */
class TextOnlyOverlayTest {

    @TempDir
    Path pack;

    @Test
    void anOverlayWithTextsOnlyLoadsOverTheBuiltInRules() throws IOException {
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":1,\"extends\":\"gwsmo\"}");
        Files.writeString(pack.resolve("messages_en.properties"), """
                CLOCK_SKEW.title=Acme: the clock is off
                CLOCK_SKEW.explanation=This computer's clock is {offset|far} off.
                CLOCK_SKEW.remediation.1=Ask Acme IT to turn on automatic time.
                """);

        assertThat(PackCheck.check(pack)).filteredOn(p -> p.level() == PackProblem.Level.ERROR).isEmpty();
        RulePack layered = RulePack.load(List.of(pack));
        DroolsRuleEngine engine = DroolsRuleEngine.compile(layered);
        assertThat(engine.findingIds()).contains("CLOCK_SKEW", "TLS_INTERCEPTION"); // the built-in rules, all there
        assertThat(layered.loadSummary()).anySatisfy(l -> assertThat(l).contains("acme"));
    }

    @Test
    void aPackWithNoRuleThatExtendsNothingIsRefusedSayingBoth() throws IOException {
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":1}");
        Files.writeString(pack.resolve("messages_en.properties"), "CLOCK_SKEW.title=Acme: the clock is off\n");

        assertThatThrownBy(() -> RulePack.load(List.of(pack))).isInstanceOf(RulePackException.class)
                .hasMessageContaining("has no .drl file (and extends no pack)");
        assertThat(PackCheck.check(pack)).extracting(PackProblem::message)
                .contains("the pack has no .drl file and extends no pack");
    }
}
