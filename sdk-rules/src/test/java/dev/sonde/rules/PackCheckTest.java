package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.PackProblem.Level;
import dev.sonde.PackProblem;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aBrokenRecordedProbesFileIsAnErrorNamingTheFactAndField() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("probes"), GOOD_RULE);
        Path dir = Files.createDirectories(pack.resolve("cases/blocked"));
        Files.writeString(dir.resolve("expect.json"), "{}");
        Files.writeString(dir.resolve("probes.json"), """
                {"format": "sonde.probes/1", "facts": [
                  {"type": "PortCheck", "host": "www.googleapis.com", "services": [], "status": "PROBLEM",
                   "reason": "TIMED_OUT", "address": "", "elapsedMillis": 0, "source": {"file": "probe:tcp", "text": "x"}}
                ]}
                """);
        assertThat(PackCheck.check(pack)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cases/blocked/probes.json");
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("facts[0]").contains("PortCheck").contains("port");
        });
    }

    @Test
    void jsonNestedTooDeeplyIsOnePlainError() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("deep"), GOOD_RULE);
        Files.writeString(pack.resolve("data.json"), "{\"endpoints\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(PackCheck.check(pack)).singleElement().hasToString("data.json: error: not valid JSON: Document"
                + " nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("syntax"), GOOD_RULE.replace(" then ", " thne "));
        List<PackProblem> problems = PackCheck.check(pack);
        assertThat(problems).isNotEmpty().allMatch(p -> p.file().equals("rules.drl") && p.isError());
        PackProblem first = problems.get(0);
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
        List<PackProblem> problems = PackCheck.check(pack);
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
        assertThat(PackCheck.check(texts)).extracting(PackProblem::toString).containsExactly(
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
        List<PackProblem> problems = PackCheck.check(pack);
        // the DRL is not compiled while data files have errors: no problem is reported for rules.drl
        assertThat(problems).extracting(PackProblem::file).containsExactly("cases/one/expected.json", "hosts.json", "issuers.json");
        assertThat(problems.get(0)).isEqualTo(new PackProblem("cases/one/expected.json", 0, 0, Level.WARNING,
                "unknown key 'inclde' (known: absent, description, exclude, explainedBy, include, maxSeverity, params, present, rootCause, state, targets, top)"));
        assertThat(problems.get(1).message()).startsWith("unknown section 'googleHostz'");
        assertThat(problems.get(2).line()).isEqualTo(3);
        assertThat(problems.get(2).column()).isPositive();
        assertThat(problems.get(2).message()).startsWith("not valid JSON");

        Path newer = PackLoadingTest.minimalPack(tmp.resolve("newer"), GOOD_RULE);
        Files.writeString(newer.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":2}");
        assertThat(PackCheck.check(newer)).containsExactly(new PackProblem("pack.json", 0, 0, Level.ERROR,
                "rule pack 'acme' needs rule API version 2; this Sonde supports version 1"));
    }

    @Test
    void aCaseNamingAnIdNoRuleRaisesIsAWarning() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("case-ids"), GOOD_RULE);
        Files.createDirectories(pack.resolve("cases/typo"));
        Files.writeString(pack.resolve("cases/typo/expect.json"), "{\"present\": [\"ACME_PROXI\"]}");
        assertThat(PackCheck.check(pack)).containsExactly(new PackProblem("cases/typo/expect.json", 0, 0, Level.WARNING,
                "finding id ACME_PROXI is not raised by any rule of the pack"));
    }

    // --- trust anchors: the PEM certificates of a data file, anchor by anchor, at their line ---------------------

    static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    static final String END = "-----END CERTIFICATE-----";

    /** The built-in pack's trust-anchors.json, as a pack author starts from it. */
    static String builtInAnchors() throws IOException {
        try (InputStream in = PackCheckTest.class.getClassLoader().getResourceAsStream(RulePack.BUILT_IN + "trust-anchors.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A sound pack with {@code anchors} as its trust-anchors.json. */
    Path packWithAnchors(String name, String anchors) throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve(name), GOOD_RULE);
        Files.writeString(pack.resolve("trust-anchors.json"), anchors);
        return pack;
    }

    /** The raw JSON text (escapes and all) of the n-th (0-based) {@code "field": "..."} value, between the quotes. */
    static String rawValue(String json, String field, int n) {
        int at = nth(json, "\"" + field + "\": \"", n) + field.length() + 5;
        return json.substring(at, json.indexOf('"', at));
    }

    static int nth(String text, String needle, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(needle, at + 1);
            assertThat(at).as("occurrence %d of %s", i, needle).isNotNegative();
        }
        return at;
    }

    /** 1-based line of a character offset. */
    static int lineAt(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** 1-based column of a character offset. */
    static int columnAt(String text, int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }

    /** Where the n-th {@code "field": } value starts (its opening quote): {line, column}. */
    static int[] valueAt(String json, String field, int n) {
        int quote = nth(json, "\"" + field + "\": ", n) + field.length() + 4;
        return new int[] {lineAt(json, quote), columnAt(json, quote)};
    }

    @Test
    void theBuiltInAnchorsAreSound() throws IOException {
        assertThat(PackCheck.check(packWithAnchors("anchors-ok", builtInAnchors()))).isEmpty();
    }

    @Test
    void aPemThatIsNotPemIsNamedWithItsAnchorAndLine() throws IOException {
        String good = builtInAnchors();
        String pem1 = rawValue(good, "pem", 1);
        int[] at = valueAt(good, "pem", 1);

        Path text = packWithAnchors("not-pem", good.replace(pem1, "see https://pki.goog/repository/"));
        assertThat(PackCheck.check(text)).containsExactly(new PackProblem("trust-anchors.json", at[0], at[1], Level.ERROR,
                "trustAnchors[1] (\"GTS Root R2\"): 'pem' is not PEM: no -----BEGIN CERTIFICATE----- line"));

        String bare = pem1.substring(BEGIN.length() + 2, pem1.indexOf(END));
        Path naked = packWithAnchors("bare-base64", good.replace(pem1, bare));
        assertThat(PackCheck.check(naked)).extracting(PackProblem::toString).containsExactly("trust-anchors.json:" + at[0] + ":"
                + at[1] + ": error: trustAnchors[1] (\"GTS Root R2\"): 'pem' is not PEM: base64 text without the "
                + "-----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines");

        Path key = packWithAnchors("a-key", good.replace(pem1, pem1.replace("CERTIFICATE", "PUBLIC KEY")));
        assertThat(PackCheck.check(key)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(at[0]);
            assertThat(p.message()).isEqualTo("trustAnchors[1] (\"GTS Root R2\"): 'pem' is not a PEM certificate: "
                    + "it holds a 'PUBLIC KEY' block, not a 'CERTIFICATE'");
        });

        Path noEnd = packWithAnchors("no-end", good.replace(pem1, pem1.substring(0, pem1.indexOf(END))));
        assertThat(PackCheck.check(noEnd)).singleElement().extracting(PackProblem::message)
                .isEqualTo("trustAnchors[1] (\"GTS Root R2\"): 'pem' is not PEM: -----BEGIN CERTIFICATE----- has no "
                        + "-----END CERTIFICATE----- line after it");

        // what loading the pack says about the same file: refused too
        assertThatThrownBy(() -> RulePack.open(text)).isInstanceOf(SondeException.class).hasMessageContaining("trustAnchors[1]");
    }

    @Test
    void brokenBase64IsPointedAtTheCharacter() throws IOException {
        String good = builtInAnchors();
        String pem2 = rawValue(good, "pem", 2);
        int at = BEGIN.length() + 2 + 100; // a character of the base64 text, after "-----BEGIN ...-----\n"
        assertThat(pem2.charAt(at)).isNotIn('\\', '*');
        String json = good.replace(pem2, pem2.substring(0, at) + "*" + pem2.substring(at + 1)); // one character replaced
        List<PackProblem> problems = PackCheck.check(packWithAnchors("star", json));
        int star = json.indexOf('*');
        assertThat(problems).containsExactly(new PackProblem("trust-anchors.json", lineAt(json, star), columnAt(json, star),
                Level.ERROR, "trustAnchors[2] (\"GTS Root R3\"): 'pem': the base64 text is broken: '*' is not a base64 character"));

        // one character missing: the length gives it away
        String pem4 = rawValue(good, "pem", 4);
        assertThat(pem4).contains("==\\n" + END); // padded: a missing character cannot go unnoticed
        String missing = good.replace(pem4, pem4.substring(0, at) + pem4.substring(at + 1));
        int[] where = valueAt(good, "pem", 4);
        assertThat(PackCheck.check(packWithAnchors("missing", missing))).containsExactly(new PackProblem("trust-anchors.json",
                where[0], where[1], Level.ERROR, "trustAnchors[4] (\"GlobalSign Root CA (cross-signs GTS Root R1)\"): "
                        + "'pem': the base64 text is broken: 1187 characters, not a multiple of 4 (a character is missing or extra)"));
    }

    @Test
    void anInsertedCharacterIsAnErrorAndMissingPaddingTheLoaderToleratesAWarning() throws IOException {
        String good = builtInAnchors();
        String pem0 = rawValue(good, "pem", 0);
        int at = BEGIN.length() + 2 + 64; // inserted, not replacing
        String json = good.replace(pem0, pem0.substring(0, at) + "%" + pem0.substring(at));
        int stray = json.indexOf('%');
        assertThat(PackCheck.check(packWithAnchors("stray", json))).containsExactly(new PackProblem("trust-anchors.json",
                lineAt(json, stray), columnAt(json, stray), Level.ERROR,
                "trustAnchors[0] (\"GTS Root R1\"): 'pem': the base64 text is broken: '%' is not a base64 character"));

        // without its '=' padding the JDK still reads the certificate: a warning, and the pack loads
        String pem4 = rawValue(good, "pem", 4);
        String unpadded = good.replace(pem4, pem4.replace("==\\n" + END, "\\n" + END));
        Path pack = packWithAnchors("unpadded", unpadded);
        int[] where = valueAt(unpadded, "pem", 4);
        assertThat(PackCheck.check(pack)).containsExactly(new PackProblem("trust-anchors.json", where[0], where[1],
                Level.WARNING, "trustAnchors[4] (\"GlobalSign Root CA (cross-signs GTS Root R1)\"): 'pem': the base64 "
                        + "text is broken: the '=' padding at its end is missing; Sonde reads the certificate anyway, but fix the PEM"));
        assertThat(RulePack.open(pack).data()).hasSize(6); // the warning is honest: the anchors load
    }

    @Test
    void base64ThatIsNoCertificateAndAWrongSha256AreErrorsAndEveryAnchorIsChecked() throws IOException {
        String good = builtInAnchors();
        String pem3 = rawValue(good, "pem", 3);
        String garbage = BEGIN + "\\n" + Base64.getEncoder().encodeToString("this is not a certificate".getBytes(StandardCharsets.US_ASCII))
                + "\\n" + END + "\\n";
        String sha5 = rawValue(good, "sha256", 5);
        String wrongSha = sha5.substring(0, 63) + (sha5.charAt(63) == '0' ? '1' : '0');
        String json = good.replace(pem3, garbage).replace(sha5, wrongSha)
                .replace("\"trustAnchors\": [", "\"googleHostz\": [],\n  \"trustAnchors\": [");
        List<PackProblem> problems = PackCheck.check(packWithAnchors("several", json));
        int[] pemAt = valueAt(json, "pem", 3);
        int[] shaAt = valueAt(json, "sha256", 5);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo(new PackProblem("trust-anchors.json", pemAt[0], pemAt[1], Level.ERROR,
                problems.get(0).message()));
        assertThat(problems.get(0).message()).startsWith("trustAnchors[3] (\"GTS Root R4\"): 'pem' is not an X.509 certificate: "
                + "the base64 text decodes to 25 bytes that are no DER certificate (");
        assertThat(problems.get(1)).isEqualTo(new PackProblem("trust-anchors.json", shaAt[0], shaAt[1], Level.ERROR,
                "trustAnchors[5] (\"GlobalSign ECC Root CA - R4 (cross-signs GTS Root R4)\"): 'sha256' does not match the "
                        + "certificate: it says " + wrongSha + ", the certificate's SHA-256 is " + sha5));
        // the rest of the file is still read by the loader: its own problems show too
        assertThat(problems.get(2)).isEqualTo(new PackProblem("trust-anchors.json", 0, 0, Level.ERROR,
                "unknown section 'googleHostz' (known: blockAnswers, clientPrograms, endpoints, explains, googleHosts, googleIpRanges, googleIssuers, "
                        + "googleServers, interceptors, minimumVersions, networkErrors, trustAnchors, webFilters)"));
    }

    @Test
    void missingFieldsPointAtTheAnchor() throws IOException {
        String good = builtInAnchors();
        String json = good.replace("\"sha256\": \"" + rawValue(good, "sha256", 1) + "\",", "");
        int brace = json.lastIndexOf('{', nth(json, "\"name\": \"GTS Root R2\"", 0));
        assertThat(PackCheck.check(packWithAnchors("no-sha", json))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineAt(json, brace));
            assertThat(p.column()).isEqualTo(columnAt(json, brace));
            assertThat(p.message()).isEqualTo("trustAnchors[1] (\"GTS Root R2\"): 'sha256' is missing (the certificate's "
                    + "SHA-256 is " + rawValue(good, "sha256", 1) + ")");
        });
    }

    // --- translations: warnings for texts a non-English bundle lacks, and for its keys English lacks --------------

    static final String EN = """
            ACME_PROXY.title=Acme proxy
            ACME_PROXY.explanation=It is Acme.
            ACME_PROXY.remediation.1=Call Acme.
            ACME_PROXY.remediation.2=Call Acme again.
            """;

    @Test
    void missingFrenchTextsAndKeysEnglishLacksAreWarnings() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("fr-gaps"), GOOD_RULE);
        Files.writeString(pack.resolve("messages_en.properties"), EN);
        Files.writeString(pack.resolve("messages_fr.properties"), """
                # French
                ACME_PROXY.title=Proxy Acme
                ACME_PROXY.explanaton=C'est Acme.
                ACME_PROXY.remediation.1=Appelez Acme.
                """);
        Files.writeString(pack.resolve("messages_de.properties"), "ACME_PROXY.title=Acme-Proxy\nACME_PROXY.explanation=Acme.\n");
        List<PackProblem> problems = PackCheck.check(pack);
        assertThat(PackCheck.hasErrors(problems)).isFalse();
        assertThat(problems).extracting(PackProblem::toString).containsExactly(
                "messages_de.properties: warning: no German remediation for finding ACME_PROXY (keys ACME_PROXY.remediation.1..2); "
                        + "English is shown instead",
                "messages_fr.properties: warning: no French explanation for finding ACME_PROXY (key ACME_PROXY.explanation); "
                        + "English is shown instead",
                "messages_fr.properties: warning: no French remediation step 2 for finding ACME_PROXY "
                        + "(key ACME_PROXY.remediation.2); English has it, so French shows fewer steps",
                "messages_fr.properties:3: warning: key ACME_PROXY.explanaton is not in messages_en.properties (a typo?)");
    }

    @Test
    void aMissingFrenchTitleIsAWarningAndFrenchReadersReallyGetTheEnglishOne() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("fr-no-title"), GOOD_RULE);
        Files.writeString(pack.resolve("messages_en.properties"), EN);
        Files.writeString(pack.resolve("messages_fr-CA.properties".replace('-', '_')), """
                ACME_PROXY.explanation=C'est Acme.
                ACME_PROXY.remediation.1=Appelez Acme.
                ACME_PROXY.remediation.2=Rappelez Acme.
                """);
        assertThat(PackCheck.check(pack)).containsExactly(new PackProblem("messages_fr_CA.properties", 0, 0, Level.WARNING,
                "no French (Canada) title for finding ACME_PROXY (key ACME_PROXY.title); English is shown instead"));

        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.open(pack));
        List<dev.sonde.facts.Fact> facts = new TestFacts.Log("auth.log", TestFacts.unzoned("2024-05-02T10:00:00"))
                .auth("proxy.example:8080", "Basic").facts();
        Finding fr = TestFacts.analyze(engine, facts, Locale.CANADA_FRENCH).finding("ACME_PROXY").orElseThrow();
        assertThat(fr.title()).isEqualTo("Acme proxy");
        assertThat(fr.explanation()).isEqualTo("C'est Acme.");
        assertThat(fr.remediation()).containsExactly("Appelez Acme.", "Rappelez Acme.");
        Finding en = TestFacts.analyze(engine, facts, Locale.ENGLISH).finding("ACME_PROXY").orElseThrow();
        assertThat(en.explanation()).isEqualTo("It is Acme.");
    }

    @Test
    void aFrenchTitleWithOnlyConditionalVariantsIsAWarningAndReallyLeavesNoTitle() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("fr-conditional"), GOOD_RULE);
        Files.writeString(pack.resolve("messages_en.properties"), EN);
        Files.writeString(pack.resolve("messages_fr.properties"), """
                ACME_PROXY.explanation=C'est Acme.
                ACME_PROXY.title[product]=Le proxy {product}
                ACME_PROXY.remediation.1=Appelez Acme.
                ACME_PROXY.remediation.2=Rappelez Acme.
                """);
        assertThat(PackCheck.check(pack)).containsExactly(new PackProblem("messages_fr.properties", 2, 0, Level.WARNING,
                "the French title of finding ACME_PROXY has only variants with conditions (key ACME_PROXY.title[...]); "
                        + "when none holds, French readers get the finding id as its title (English has one without "
                        + "conditions, but is not used for a key French has)"));
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.open(pack));
        List<dev.sonde.facts.Fact> facts = new TestFacts.Log("auth.log", TestFacts.unzoned("2024-05-02T10:00:00"))
                .auth("proxy.example:8080", "Basic").facts();
        assertThat(TestFacts.analyze(engine, facts, Locale.FRENCH).finding("ACME_PROXY").orElseThrow().title())
                .isEqualTo("ACME_PROXY");
    }

    @Test
    void anOverlayIsCheckedForTheTextsItProvidesOnly() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("overlay"), GOOD_RULE);
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":1,\"extends\":\"gwsmo\"}");
        Files.writeString(pack.resolve("messages_en.properties"), EN);
        // French for its own finding, short of the explanation; step.4 overrides a key English has in the built-in pack
        Files.writeString(pack.resolve("messages_fr.properties"), """
                step.4=Étape 4 : lire les journaux d'Acme
                ACME_PROXY.title=Proxy Acme
                ACME_PROXY.remediation.1=Appelez Acme.
                ACME_PROXY.remediation.2=Rappelez Acme.
                ACME_PROXI.title=Proxy Acme
                """);
        assertThat(PackCheck.check(pack)).extracting(PackProblem::toString).containsExactly(
                "messages_fr.properties: warning: no French explanation for finding ACME_PROXY (key ACME_PROXY.explanation); "
                        + "English is shown instead",
                "messages_fr.properties:5: warning: key ACME_PROXI.title is not in messages_en.properties (a typo?)");
    }

    @Test
    void aMessageNamingNoTextIsAnErrorAtItsLineAndAMissingFrenchOneAWarning() throws IOException {
        Path pack = PackLoadingTest.minimalPack(tmp.resolve("named"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;

                rule "Acme proxy asks for credentials"
                    @finding("ACME_PROXY") @severity("high") @confidence(0.9)
                    @message("challenge")
                when ProxyEvent() then Raise.finding(drools).insert(); end

                rule "Acme proxy again"
                    @finding("ACME_PROXY") @severity("high") @confidence(0.8)
                    @message("chalenge")
                when ProxyEvent() then Raise.finding(drools).insert(); end
                """);
        Files.writeString(pack.resolve("messages_en.properties"), EN + "ACME_PROXY.challenge.title=Acme asks\n");
        Files.writeString(pack.resolve("messages_fr.properties"), EN.replace("Acme proxy", "Proxy Acme"));
        assertThat(PackCheck.check(pack)).extracting(PackProblem::toString).containsExactly(
                "messages_fr.properties: warning: no French text for key ACME_PROXY.challenge.title (the text 'challenge' "
                        + "of finding ACME_PROXY); English is shown instead",
                "rules.drl:12: error: rule \"Acme proxy again\": @message(\"chalenge\") names no text of ACME_PROXY: the "
                        + "English messages have no key ACME_PROXY.chalenge.title, ACME_PROXY.chalenge.explanation or "
                        + "ACME_PROXY.chalenge.remediation.<n>");
    }

    @Test
    void theBuiltInPackHasNoTranslationWarning() throws IOException {
        Path pack = tmp.resolve("built-in");
        RulePack.exportBuiltIn(pack);
        assertThat(PackCheck.check(pack)).isEmpty();
    }

    @Test
    void knowledgeRowsAreCheckedAtTheirLine() throws IOException {
        Path pack = tmp.resolve("rows");
        RulePack.exportBuiltIn(pack);
        Files.writeString(pack.resolve("x-rows.json"), """
                {"explains": [
                  {"cause": "CLOCK_SKEW", "consequence": "CERT_EXPIRED", "scope": "always", "because": "Twice."},
                  {"cause": "ACME_STALLED", "consequence": "URL_BLOCKED", "scope": "ALWAYS", "because": "Unknown id."}],
                 "networkErrors": [
                  {"kind": "TIMEOUT", "finding": "CONNECTION_REFUSED", "severity": "high", "confidence": 0.5}]}
                """);
        List<PackProblem> problems = PackCheck.check(pack);
        assertThat(problems).extracting(PackProblem::file, PackProblem::line, PackProblem::level).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("x-rows.json", 2, Level.WARNING),
                org.assertj.core.groups.Tuple.tuple("x-rows.json", 3, Level.WARNING),
                org.assertj.core.groups.Tuple.tuple("x-rows.json", 5, Level.ERROR));
        assertThat(problems).extracting(PackProblem::message).containsExactlyInAnyOrder(
                "explains[0]: the same link as explains.json:19",
                "explains[1]: no rule of the pack raises ACME_STALLED, so this row never applies",
                "networkErrors[0]: kind TIMEOUT already has a row (network-errors.json:6): one logged error would raise two findings");
    }

    @Test
    void aBadKnowledgeRowIsAnErrorInWordsAtItsPlace() throws IOException {
        Path pack = tmp.resolve("bad-row");
        RulePack.exportBuiltIn(pack);
        Files.writeString(pack.resolve("x-rows.json"), """
                {"explains": [
                  {"cause": "CLOCK_SKEW", "consequence": "CERT_EXPIRED", "scope": "SOMETIMES", "because": "?"}]}
                """);
        assertThat(PackCheck.check(pack)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x-rows.json");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).startsWith("explains[0]: ").contains("'scope' must be one of ALWAYS, SECURE_RETRY");
        });
    }
}
