package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.PackProblem;
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

/**
 * The fact/rule contract is typed: reasons, statuses and kinds are enum constants of {@code dev.sonde.facts}, so a
 * rule that misspells one is refused when the pack is checked or compiled, naming the file and line, instead of
 * never matching.
 */
class TypedContractTest {

    @TempDir
    Path tmp;

    /** A pack {@code acme} whose one rule matches {@code condition}, on line 6 of {@code rules.drl}. */
    private Path pack(String condition) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("acme"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"0.1\",\"apiVersion\":1}");
        Files.writeString(dir.resolve("messages_en.properties"), "ACME_BLOCKED.title=Blocked\nACME_BLOCKED.explanation=It is.\n");
        Files.writeString(dir.resolve("rules.drl"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "Acme blocked" @finding("ACME_BLOCKED") @severity("high") @confidence(0.9)
                when
                    %s
                then Raise.finding(drools).insert(); end
                """.formatted(condition));
        return dir;
    }

    @Test
    void aMisspelledReasonIsAnErrorOfRulesCheck() throws IOException {
        List<PackProblem> problems = PackCheck.check(pack("UrlCheck( reason == UrlReason.UNTRUSTD )"));
        assertThat(problems).filteredOn(PackProblem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules.drl");
            assertThat(p.message()).contains("UrlReason.UNTRUSTD");
        });
    }

    @Test
    void aMisspelledChainProblemIsRefusedWhenThePackCompiles() throws IOException {
        RulePack pack = RulePack.open(pack("ServedChain( has(TlsReason.UNTRUSTED_CHIAN) )"));
        assertThatThrownBy(() -> DroolsRuleEngine.compile(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("acme/rules.drl").hasMessageContaining("UNTRUSTED_CHIAN");
    }

    @Test
    void theSameRulesSpelledRightCompile() throws IOException {
        assertThat(PackCheck.check(pack("UrlCheck( reason == UrlReason.UNTRUSTED )"))).noneMatch(PackProblem::isError);
        assertThat(DroolsRuleEngine.compile(RulePack.open(pack("ServedChain( has(TlsReason.UNTRUSTED_CHAIN) )"))).ruleCount())
                .isEqualTo(1);
    }
}
