package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.PackProblem;
import dev.sonde.Report;
import dev.sonde.RulePackException;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, §5: {@code expect.json} can say "this finding must be a root cause", as {@code "rootCause": ["X"]} or
 * {@code "explainedBy": {"X": null}} (JSON null, no longer read as the text "null"); any other value is refused at
 * its line and column.
 */
class RootCauseExpectationTest {

    static DroolsRuleEngine engine;
    static Report clock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Path dir = Path.of(Objects.requireNonNull(RootCauseExpectationTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases/article-example-1-clock")).toURI());
        clock = new GoldenCase("clock", dir, GoldenCase.read(dir.resolve("expect.json"))).run(engine);
    }

    private GoldenCase.Expectation read(String json) throws Exception {
        return GoldenCase.read(Files.writeString(tmp.resolve("expect.json"), json));
    }

    private List<String> check(String json) throws Exception {
        return new GoldenCase("x", tmp, read(json)).check(clock);
    }

    @Test
    void nullAndRootCauseBothMeanExplainedByNothing() throws Exception {
        GoldenCase.Expectation e = read("{\"explainedBy\": {\"CLOCK_SKEW\": null, \"REVOCATION_CHECK_FAILED\": \"CLOCK_SKEW\"},"
                + " \"rootCause\": [\"CLOCK_SKEW\", \"PROXY_AUTH_REQUIRED\"]}");
        assertThat(e.rootCause()).containsExactly("CLOCK_SKEW", "PROXY_AUTH_REQUIRED"); // each once
        assertThat(e.explainedBy()).containsOnlyKeys("REVOCATION_CHECK_FAILED"); // never the text "null"

        assertThat(check("{\"explainedBy\": {\"CLOCK_SKEW\": null}}")).isEmpty();
        assertThat(check("{\"rootCause\": [\"CLOCK_SKEW\"]}")).isEmpty();
        assertThat(check("{\"explainedBy\": {\"REVOCATION_CHECK_FAILED\": null}}"))
                .containsExactly("REVOCATION_CHECK_FAILED is explained by CLOCK_SKEW, expected to be a root cause");
        assertThat(check("{\"rootCause\": [\"TLS_INTERCEPTION\"]}"))
                .containsExactly("TLS_INTERCEPTION is missing (expected to be a root cause)");
    }

    @Test
    void otherValuesAreRefusedAtTheirLineAndColumn() throws Exception {
        Path file = tmp.resolve("expect.json");
        Files.writeString(file, "{\"top\": \"CLOCK_SKEW\",\n \"explainedBy\": {\"A\": \"B\",\n   \"C\": 3}}");
        assertThatThrownBy(() -> GoldenCase.read(file)).isInstanceOf(RulePackException.class).hasMessage(file
                + ":3:9: explainedBy.C must be the id of the finding that explains it, or null when it must be a root cause, not a number (3)");
        Files.writeString(file, "{\"explainedBy\": {\"C\": [\"X\"]}}");
        assertThatThrownBy(() -> GoldenCase.read(file)).hasMessageEndingWith("root cause, not a list");
        Files.writeString(file, "{\"rootCause\": \"CLOCK_SKEW\"}");
        assertThatThrownBy(() -> GoldenCase.read(file)).hasMessage(file + ":1:15: rootCause must be a list of finding ids, not a text");
        Files.writeString(file, "{\"rootCause\": [\"A\",\n  {\"id\": \"B\"}]}");
        assertThatThrownBy(() -> GoldenCase.read(file)).hasMessage(file + ":2:3: rootCause[1] must be a finding id, not an object");
    }

    @Test
    void rulesCheckSaysItAtTheLineAndColumnAndKnowsTheKey() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"acme\", \"version\": \"1\", \"apiVersion\": 1}");
        Path caseDir = Files.createDirectories(pack.resolve("cases/one"));
        Files.writeString(caseDir.resolve("expect.json"), "{\"rootCause\": [\"A\"],\n \"explainedBy\": {\"B\": true}}");
        assertThat(PackCheck.check(pack)).filteredOn(p -> p.file().equals("cases/one/expect.json")).containsExactly(
                new PackProblem("cases/one/expect.json", 2, 23, PackProblem.Level.ERROR,
                        "explainedBy.B must be the id of the finding that explains it, or null when it must be a root cause, not true"));
    }
}
