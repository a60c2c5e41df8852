package dev.sonde.hostile;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8 §1, "errors, not only exceptions": DRL nested so deeply that the compiler runs out of stack, or a class
 * the rules use whose static initializer fails, is a problem of the pack naming the file and line, in
 * {@code rules check} and when loading; never an escaping {@link StackOverflowError} or
 * {@link ExceptionInInitializerError} with a thousand-line stack trace.
 */
class CompilerErrorsTest {

    private static final int DEPTH = 20_000;

    @TempDir
    Path tmp;

    /** A rule whose condition is {@code DEPTH} parentheses deep, on line 6 of its file. */
    static String deeplyNested(String rule) {
        return """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "%s" @finding("ACME_PROXY") @severity("high") @confidence(0.9)
                when
                    ProxyEvent( %strue%s )
                then Raise.finding(drools).insert(); end
                """.formatted(rule, "(".repeat(DEPTH), ")".repeat(DEPTH));
    }

    private Path twoFilePack() throws IOException {
        Path pack = SmallPacks.pack(tmp.resolve("pack"), SmallPacks.ONE_RULE);
        Files.writeString(pack.resolve("nested.drl"), deeplyNested("Nested"));
        return pack;
    }

    @Test
    void rulesCheckNamesTheFileAndLine() throws IOException {
        List<PackProblem> problems = PackCheck.check(twoFilePack());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.file()).isEqualTo("nested.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.toString()).isEqualTo("nested.drl:6: error: the rules are nested too deeply for the"
                    + " compiler (it ran out of stack space); the deepest nesting, " + (DEPTH + 1)
                    + " levels, is on this line");
        });
    }

    @Test
    void loadingRefusesThePackWithOneSentence() throws IOException {
        RulePack pack = RulePack.open(twoFilePack());
        assertThatThrownBy(() -> DroolsRuleEngine.compile(pack)).isInstanceOf(SondeException.class)
                .hasMessage("acme/nested.drl line 6: the rules are nested too deeply for the compiler (it ran out of"
                        + " stack space); the deepest nesting, " + (DEPTH + 1) + " levels, is on this line");
        // the same thread compiles the next pack as usual
        assertThat(DroolsRuleEngine.compile(RulePack.open(SmallPacks.pack(tmp.resolve("good"),
                SmallPacks.ONE_RULE))).ruleCount()).isEqualTo(1);
    }

    @Test
    void aConsequenceNestedTooDeeplyIsNamedToo() throws IOException {
        Path pack = SmallPacks.pack(tmp.resolve("pack"), SmallPacks.ONE_RULE);
        Files.writeString(pack.resolve("consequence.drl"), """
                package acme;
                import dev.sonde.facts.*;
                rule "Deep consequence"
                when ProxyEvent()
                then
                    int x = %s1%s;
                end
                """.formatted("(".repeat(DEPTH), ")".repeat(DEPTH)));
        assertThat(PackCheck.check(pack)).singleElement().hasToString("consequence.drl:6: error: the rules are nested"
                + " too deeply for the compiler (it ran out of stack space); the deepest nesting, " + DEPTH
                + " levels, is on this line");
    }

    @Test
    void aClassWhoseStaticInitializerFailsIsNamedWithTheLineUsingIt() throws IOException {
        Path pack = SmallPacks.pack(tmp.resolve("pack"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                import dev.sonde.hostile.ExplodingInitializer;
                rule "Acme proxy" @finding("ACME_PROXY") @severity("high") @confidence(0.9)
                when
                    ProxyEvent( proxy == ExplodingInitializer.PROXY )
                then Raise.finding(drools).insert(); end
                """);
        String expected = "class dev.sonde.hostile.ExplodingInitializer cannot be used: its static initializer failed";
        // the first load sees the initializer fail; the second, that it failed before: the same sentence
        assertThat(PackCheck.check(pack)).singleElement().hasToString("rules.drl:7: error: " + expected);
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack))).isInstanceOf(SondeException.class)
                .hasMessage("acme/rules.drl line 7: " + expected);
    }
}
