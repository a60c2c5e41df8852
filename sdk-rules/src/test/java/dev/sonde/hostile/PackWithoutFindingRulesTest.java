package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8 §2: a pack with no rule that raises a finding (its DRL empty, or caught half-written by a hot reload)
 * can never find anything; it is refused, by {@code rules check} as an error and when loading, never served.
 */
class PackWithoutFindingRulesTest {

    private static final String REFUSED = "rule pack acme has no rule that raises a finding (a rule with @finding):"
            + " are its .drl files empty or still being written?";

    @TempDir
    Path tmp;

    @Test
    void emptyHalfWrittenOrHelperOnlyDrlIsRefused() throws IOException {
        List<String> drls = List.of("", "package acme;\n", SmallPacks.ONE_RULE.substring(0, SmallPacks.ONE_RULE.indexOf("rule ")), """
                package acme;
                import dev.sonde.facts.*;
                rule "Helper only" when ProxyEvent() then end
                """);
        int i = 0;
        for (String drl : drls) {
            Path pack = SmallPacks.pack(tmp.resolve("pack" + i++), drl);
            assertThat(PackCheck.check(pack)).as(drl).singleElement().hasToString(".: error: " + REFUSED);
            assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack))).as(drl)
                    .isInstanceOf(SondeException.class).hasMessage(REFUSED);
        }
    }

    @Test
    void anOverlayThatDisablesEveryFindingRuleIsRefused() throws IOException {
        Path base = SmallPacks.pack(tmp.resolve("base"), SmallPacks.ONE_RULE);
        Path overlay = Files.createDirectories(tmp.resolve("overlay"));
        Files.writeString(overlay.resolve("pack.json"), """
                {"id": "acme-off", "version": "1", "apiVersion": 1, "extends": "acme", "disables": ["Acme proxy"]}
                """);
        Files.writeString(overlay.resolve("helper.drl"), """
                package acme.off;
                import dev.sonde.facts.*;
                rule "Helper only" when ProxyEvent() then end
                """);
        assertThat(DroolsRuleEngine.compile(RulePack.load(List.of(base))).findingIds()).containsExactly("ACME_PROXY");
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.load(List.of(base, overlay))))
                .isInstanceOf(SondeException.class).hasMessageStartingWith("rule pack ")
                .hasMessageContaining("(with the packs it is layered on) has no rule that raises a finding");
    }
}
