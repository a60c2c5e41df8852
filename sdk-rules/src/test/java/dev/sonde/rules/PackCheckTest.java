package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.rules.PackCheck.Problem;
import dev.sonde.rules.PackCheck.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PackCheck} on small packs: every problem with its file, line, column and severity. */
class PackCheckTest {

    @TempDir
    Path tmp;

    static final String GOOD_RULE = """
            package acme;
            import dev.sonde.facts.*;
            import dev.sonde.rules.model.*;
            rule "Acme proxy" @finding("ACME_PROXY") @severity("high") @confidence(0.9)
            when ProxyEvent() then Raise.finding(drools).insert(); end
            """;

    @Test
    void aSoundPackHasNoProblem() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("good"), GOOD_RULE);
        assertThat(PackCheck.check(pack)).isEmpty();
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("syntax"), GOOD_RULE.replace(" then ", " thne "));
        List<Problem> problems = PackCheck.check(pack);
        assertThat(problems).isNotEmpty().allMatch(p -> p.file().equals("rules.drl") && p.isError());
        Problem first = problems.get(0);
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.column()).isPositive();
        assertThat(first.toString()).startsWith("rules.drl:5:" + first.column() + ": error: [ERR ");
        assertThat(PackCheck.hasErrors(problems)).isTrue();
    }

    @Test
    void unknownFieldsDuplicateNamesAndMissingTextsAreErrors() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("semantic"), GOOD_RULE + """
                rule "Acme proxy" when ProxyEvent() then end
                rule "Other" @finding("ACME_OTHER") @severity("low") @confidence(0.5)
                when ProxyEvent( nosuchField == 1 ) then Raise.finding(drools).insert(); end
                """);
        List<Problem> problems = PackCheck.check(pack);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("Duplicate rule name: Acme proxy");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("nosuchField");
        });

        Path texts = PackLoadingTest.minimalPack(tmp.resolve("texts"), GOOD_RULE.replace("ACME_PROXY", "ACME_OTHER"));
        assertThat(PackCheck.check(texts)).extracting(Problem::toString).containsExactly(
                "messages_en.properties: error: no title for finding ACME_OTHER (key ACME_OTHER.title)",
                "messages_en.properties: error: no explanation for finding ACME_OTHER (key ACME_OTHER.explanation)");
    }

    @Test
    void dataManifestAndCasesAreCheckedWithoutCompiling() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("data"), "this is not DRL at all");
        Files.writeString(pack.resolve("issuers.json"), "{\n  \"interceptors\": [\n    {\"product\": 1,, }\n  ]\n}\n");
        Files.writeString(pack.resolve("hosts.json"), "{\"googleHostz\": []}");
        Files.createDirectories(pack.resolve("cases/one"));
        Files.writeString(pack.resolve("cases/one/expected.json"), "{\"top\": \"ACME_PROXY\", \"inclde\": []}");
        List<Problem> problems = PackCheck.check(pack);
        // the DRL is not compiled while data files have errors: no problem is reported for rules.drl
        assertThat(problems).extracting(Problem::file).containsExactly("cases/one/expected.json", "hosts.json", "issuers.json");
        assertThat(problems.get(0)).isEqualTo(new Problem("cases/one/expected.json", 0, 0, Severity.WARNING,
                "unknown key 'inclde' (known: absent, description, exclude, explainedBy, include, maxSeverity, params, present, top)"));
        assertThat(problems.get(1).message()).startsWith("unknown section 'googleHostz'");
        assertThat(problems.get(2).line()).isEqualTo(3);
        assertThat(problems.get(2).column()).isPositive();
        assertThat(problems.get(2).message()).startsWith("not valid JSON");

        Path newer = PackLoadingTest.minimalPack(tmp.resolve("newer"), GOOD_RULE);
        Files.writeString(newer.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":2}");
        assertThat(PackCheck.check(newer)).containsExactly(new Problem("pack.json", 0, 0, Severity.ERROR,
                "rule pack 'acme' needs rule API version 2; this Sonde supports version 1"));
    }

    @Test
    void aCaseNamingAnIdNoRuleRaisesIsAWarning() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("case-ids"), GOOD_RULE);
        Files.createDirectories(pack.resolve("cases/typo"));
        Files.writeString(pack.resolve("cases/typo/expect.json"), "{\"present\": [\"ACME_PROXI\"]}");
        assertThat(PackCheck.check(pack)).containsExactly(new Problem("cases/typo/expect.json", 0, 0, Severity.WARNING,
                "finding id ACME_PROXI is not raised by any rule of the pack"));
    }
}
