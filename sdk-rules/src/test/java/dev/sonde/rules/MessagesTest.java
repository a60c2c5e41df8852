package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in pack's message bundles and how text is made from them. */
class MessagesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static Properties bundle(String tag) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader()
                .getResourceAsStream(RulePack.BUILT_IN + "messages_" + tag + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = bundle("en");
        Properties fr = bundle("fr");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        Pattern placeholder = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*(,[a-z]+)?}");
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(placeholder, fr.getProperty(key))).as(key)
                    .isEqualTo(placeholders(placeholder, en.getProperty(key)));
        }
    }

    static TreeSet<String> placeholders(Pattern p, String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyFindingIdHasATitleAnExplanationAndStepsInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            MessageBundle.Texts t = engine.pack().messages().forLocale(locale);
            for (String id : engine.findingIds()) {
                assertThat(t.title(id, Map.of())).as(id).isNotBlank().doesNotContain("{");
                assertThat(t.explanation(id, Map.of())).as(id).isNotBlank();
                assertThat(t.remediation(id, Map.of())).as(id).isNotEmpty();
            }
            for (String step : List.of("1", "2", "3", "4")) {
                assertThat(t.step(step)).isNotBlank();
            }
        }
    }

    @Test
    void theFirstExampleInFrench() {
        Report r = TestFacts.analyze(engine, TestFacts.articleExample1(), Locale.FRENCH);
        Finding f = r.top().orElseThrow();
        assertThat(f.title()).isEqualTo("L'horloge de cet ordinateur est en avance");
        assertThat(f.explanation()).contains("en avance d'environ 4 ans et 9 mois", "2017-09-13", "2022-09-21");
        assertThat(f.remediation().get(0)).startsWith("Réglez la date");
        assertThat(f.params()).containsEntry("offset", "P4Y9M14D").containsEntry("clock", "ahead");
    }

    @Test
    void otherLocalesFallBackToTheirLanguageThenEnglish() {
        MessageBundle messages = engine.pack().messages();
        assertThat(messages.forLocale(Locale.CANADA_FRENCH).title("CERT_REVOKED", Map.of()))
                .isEqualTo("Le certificat du serveur a été révoqué");
        assertThat(messages.forLocale(Locale.GERMAN).title("CERT_REVOKED", Map.of()))
                .isEqualTo("The server's certificate has been revoked");
    }

    @Test
    void conditionsPickTheMostSpecificVariant() {
        MessageBundle.Texts t = engine.pack().messages().forLocale(Locale.ENGLISH);
        Map<String, List<String>> p = new LinkedHashMap<>();
        assertThat(t.title("TLS_INTERCEPTION", p)).isEqualTo("Something intercepts the secure connections to Google");
        p.put("proxy", List.of("127.0.0.1:8888"));
        assertThat(t.title("TLS_INTERCEPTION", p)).startsWith("A program on this computer");
        p.put("product", List.of("Fiddler"));
        assertThat(t.title("TLS_INTERCEPTION", p)).startsWith("Fiddler, a proxy on this computer");
        assertThat(t.remediation("TLS_INTERCEPTION", p)).hasSize(4);
        assertThat(t.remediation("TLS_INTERCEPTION", Map.of())).hasSize(3);
    }

    @Test
    void aMissingParameterStaysVisible() {
        MessageBundle.Texts t = engine.pack().messages().forLocale(Locale.ENGLISH);
        assertThat(t.remediation("REVOCATION_CHECK_FAILED", Map.of()).get(0)).contains("{hosts}");
    }

    @Test
    void durationsInWords() {
        MessageBundle.Texts en = engine.pack().messages().forLocale(Locale.ENGLISH);
        MessageBundle.Texts fr = engine.pack().messages().forLocale(Locale.FRENCH);
        assertThat(en.duration("P4Y9M14D")).isEqualTo("about 4 years 9 months");
        assertThat(en.duration("P1Y0M3D")).isEqualTo("about 1 year");
        assertThat(en.duration("P2M1D")).isEqualTo("about 2 months 1 day");
        assertThat(en.duration("PT5H30M")).isEqualTo("about 5 hours 30 minutes");
        assertThat(en.duration("PT50H")).isEqualTo("about 2 days 2 hours");
        assertThat(en.duration("nonsense")).isEqualTo("nonsense");
        assertThat(fr.duration("P1Y1M")).isEqualTo("environ 1 an et 1 mois");
    }
}
