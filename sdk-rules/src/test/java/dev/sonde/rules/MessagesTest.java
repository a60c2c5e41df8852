package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testkit.SondeConfig;
import dev.sonde.testkit.SondeExtension;
import dev.sonde.testkit.logs.GwsmoLogs;
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
import org.junit.jupiter.api.extension.ExtendWith;
import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The built-in pack's message bundles and how text is made from them. */
@ExtendWith(SondeExtension.class)
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
        assertThat(r).hasTopFinding("CLOCK_SKEW").finding("CLOCK_SKEW")
                .hasTitle("L'horloge de cet ordinateur est en avance")
                .hasParam("offset", "P4Y9M14D").hasParam("clock", "ahead");
        Finding f = r.top().orElseThrow();
        assertThat(f.explanation()).contains("en avance d'environ 4 ans et 9 mois", "2017-09-13", "2022-09-21");
        assertThat(f.remediation().get(0)).startsWith("Réglez la date");
    }

    @Test
    void otherLocalesFallBackToTheirLanguageThenEnglish() {
        MessageBundle messages = engine.pack().messages();
        assertThat(messages.forLocale(Locale.CANADA_FRENCH).title("CERT_REVOKED", Map.of()))
                .isEqualTo("Le certificat du serveur a été révoqué");
        assertThat(messages.forLocale(Locale.GERMAN).title("CERT_REVOKED", Map.of()))
                .isEqualTo("The server's certificate has been revoked");
    }

    /** A vendor pack written before {@code @message}: old-style keys, variants chosen by the parameters present. */
    static RulePack oldKeysPack() throws java.net.URISyntaxException {
        return RulePack.open(java.nio.file.Path.of(java.util.Objects.requireNonNull(
                MessagesTest.class.getClassLoader().getResource("vendor-packs/old-message-keys")).toURI()));
    }

    @Test
    void conditionsPickTheMostSpecificVariant() throws Exception {
        // issue 10: the built-in pack names a text per rule; the old-style keys live on in vendor packs
        MessageBundle.Texts t = oldKeysPack().messages().forLocale(Locale.ENGLISH);
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
    void aVendorPackWithOldKeysStillLoadsAndRenders(
            @SondeConfig(rulePacks = "src/test/resources/vendor-packs/old-message-keys") Sonde old) {
        Report r = old.analyzeText("Trace-1.log", GwsmoLogs.articleExample2());
        assertThat(r).hasTopFinding("TLS_INTERCEPTION").finding("TLS_INTERCEPTION")
                .hasTitle("Fiddler, a proxy on this computer, intercepts the secure connections to Google");
        Finding f = r.top().orElseThrow();
        assertThat(f.explanation()).isEqualTo("The connection went to 127.0.0.1:8888, a proxy on this computer, and not to "
                + "Google. The certificate presented for *.google.com was issued by \"DO_NOT_TRUST_FiddlerRoot\", the "
                + "certificate authority of Fiddler.");
        assertThat(f.remediation()).containsExactly("Turn off HTTPS decryption in Fiddler, or close Fiddler.",
                "Remove 127.0.0.1:8888 from the proxy settings if it should not be there.",
                "Where inspection must stay, exclude Google's addresses from it.",
                "Restart Outlook and check the certificate in the new log.");
    }

    @Test
    void aRuleNamesItsTextAndEachKeyFallsBackToThePlainOne() {
        MessageBundle.Texts t = engine.pack().messages().forLocale(Locale.ENGLISH);
        Map<String, List<String>> p = Map.of("product", List.of("Zscaler"), "issuer", List.of("Zscaler Root CA"),
                "subject", List.of("*.google.com"));
        assertThat(t.title("TLS_INTERCEPTION", "product", p)).isEqualTo("Zscaler intercepts the secure connections to Google");
        assertThat(t.explanation("TLS_INTERCEPTION", "product", p)).startsWith("The certificate presented for *.google.com");
        // step 1 is the named text's, steps 3 and 4 the plain ones; no plain step 2
        assertThat(t.remediation("TLS_INTERCEPTION", "product", p)).hasSize(3)
                .first().asString().startsWith("Turn off HTTPS decryption in Zscaler");
        assertThat(t.remediation("TLS_INTERCEPTION", "product", p).get(1)).startsWith("Where inspection must stay");
        // a named text without a title of its own: the plain title
        assertThat(t.title("TLS_INTERCEPTION", "servedChain", p)).isEqualTo("Something intercepts the secure connections to Google");
        // an empty step leaves the plain one out
        assertThat(t.remediation("UNTRUSTED_CA", "googleIssuer", Map.of())).hasSize(1);
        assertThat(t.remediation("UNTRUSTED_CA", "", Map.of())).hasSize(2);
        // a fallback text for a value the detection lacks, and a coded value in words
        assertThat(t.explanation("CONNECTION_REFUSED", "logged", Map.of("code", List.of("WSAECONNREFUSED (0x8007274D)"))))
                .startsWith("The connection to a server was refused");
        assertThat(t.explanation("URL_BLOCKED", "check", Map.of("url", List.of("https://mail.google.com/mail/r/"),
                "service", List.of("Gmail"), "reason", List.of("TIMED_OUT")))).contains("no answer came in time")
                .doesNotContain("TIMED_OUT");
        assertThat(t.explanation("URL_BLOCKED", "check", Map.of("reason", List.of("SOMETHING_NEW")))).contains("something new");
        // an empty fallback takes its space along
        assertThat(t.explanation("PROXY_FAILED_DIRECT_FALLBACK", "retried", Map.of()))
                .startsWith("A request sent through the WinHTTP proxy failed with an error, so");
        assertThat(t.explanation("PROXY_FAILED_DIRECT_FALLBACK", "retried", Map.of("proxy", List.of("proxy.corp:8080"))))
                .startsWith("A request sent through the WinHTTP proxy proxy.corp:8080 failed with an error, so");
    }

    @Test
    void timesAreWrittenToTheSecond() {
        MessageBundle.Texts t = engine.pack().messages().forLocale(Locale.ENGLISH);
        Map<String, List<String>> p = Map.of("serverTime", List.of("2026-12-03T21:04:09.123456789Z"),
                "observedAt", List.of("2026-12-04T00:04:09.5Z"), "offset", List.of("PT3H0.376543211S"),
                "clock", List.of("ahead"));
        assertThat(t.explanation("CLOCK_SKEW", "serverDate", p))
                .contains("2026-12-03 21:04:09 UTC", "2026-12-04 00:04:09 UTC", "about 3 hours ahead")
                .doesNotContain("PT", ".123");
    }

    /**
     * Issue 10: {@code diagnose} with a skewed-clock log and a live probe once printed one sentence mixing both ("served
     * a certificate for *.googleapis.com ... valid from 2017-09-13 ... clock says 2026-12-03, 2022-09-21"). Two rules now
     * find CLOCK_SKEW on two targets (the log's Google certificate, a chain a probe was served): the finding's text is the
     * primary detection's (the log's, surer), with none of the probe's values; the probe is still a target and evidence.
     */
    @Test
    void twoDetectionsOfOneFindingShowThePrimarysSentenceOnly() {
        List<dev.sonde.facts.Fact> facts = new java.util.ArrayList<>(TestFacts.articleExample1());
        facts.add(new dev.sonde.facts.ServedChain("127.0.0.1", 8443, dev.sonde.facts.ProbeStatus.PROBLEM,
                dev.sonde.facts.TlsReason.EXPIRED, List.of(dev.sonde.facts.TlsReason.EXPIRED), "CN=tasks.googleapis.com",
                "CN=WR2,O=Google Trust Services,C=US", "CN=GTS Root R1,O=Google Trust Services LLC,C=US",
                List.of("CN=WR2,O=Google Trust Services,C=US", "CN=GTS Root R1,O=Google Trust Services LLC,C=US"),
                java.time.Instant.parse("2026-01-05T08:00:00Z"), java.time.Instant.parse("2026-03-30T08:00:00Z"), "ab01",
                java.time.Instant.parse("2026-12-03T21:04:09.123456789Z"), dev.sonde.facts.LogTime.UNKNOWN, "",
                new dev.sonde.Evidence("probe:tls", 0, "TLS 127.0.0.1:8443: EXPIRED")));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            Report r = TestFacts.analyze(engine, facts, locale);
            Finding f = r.finding("CLOCK_SKEW").orElseThrow();
            // both detections are in the one finding: merged params, both targets, both kinds of evidence
            assertThat(f.params().get("validFrom")).contains("2017-09-13", "2026-01-05");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.file()).isEqualTo("probe:tls"))
                    .anySatisfy(e -> assertThat(e.file()).endsWith("auth.log"));
            // the text is the log's detection alone
            assertThat(f.explanation()).as(locale.toString()).contains("2017-09-13", "2017-12-06", "2022-09-21", "*.googleapis.com")
                    .doesNotContain("2026", "127.0.0.1", "8443", "tasks.googleapis.com", "2017-09-13, ", ", 2022-09-21");
            assertThat(f.title()).doesNotContain("2026", "127.0.0.1");
        }
    }

    /**
     * Issue 10: a live probe's expired leaf whose server's own Date agrees with this clock is the certificate's fault:
     * the text says the clock is right and does not tell the user to check it; without that Date it says either may be.
     */
    @Test
    void anExpiredServedLeafWhoseServerDateAgreesSaysTheClockIsRight() {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T21:04:09Z");
        dev.sonde.facts.ServedChain expired = new dev.sonde.facts.ServedChain("mail.google.com", 443,
                dev.sonde.facts.ProbeStatus.PROBLEM, dev.sonde.facts.TlsReason.EXPIRED, List.of(dev.sonde.facts.TlsReason.EXPIRED),
                "CN=mail.google.com", "CN=WR2,O=Google Trust Services,C=US", "CN=GTS Root R1,O=Google Trust Services LLC,C=US",
                List.of("CN=WR2,O=Google Trust Services,C=US", "CN=GTS Root R1,O=Google Trust Services LLC,C=US"),
                java.time.Instant.parse("2026-08-25T08:00:00Z"), java.time.Instant.parse("2026-11-17T08:00:00Z"), "ab02", now,
                dev.sonde.facts.LogTime.UNKNOWN, "", new dev.sonde.Evidence("probe:tls", 0, "TLS mail.google.com:443: EXPIRED"));
        dev.sonde.facts.ClockCheck agrees = new dev.sonde.facts.ClockCheck("mail.google.com:443", 1, dev.sonde.facts.ProbeStatus.OK,
                now.plusSeconds(1), now, dev.sonde.facts.LogTime.UNKNOWN, "",
                new dev.sonde.Evidence("probe:clock", 0, "Date of mail.google.com:443: 1 s from this clock"));
        Finding confirmed = TestFacts.analyze(engine, List.of(expired, agrees), Locale.ENGLISH).finding("CERT_EXPIRED").orElseThrow();
        assertThat(confirmed.params()).containsEntry("serverClock", "agrees");
        assertThat(confirmed.explanation()).contains("the clock is right", "2026-11-17").doesNotContain("Either the clock");
        assertThat(confirmed.remediation().get(0)).startsWith("Leave the clock");
        Finding open = TestFacts.analyze(engine, List.of(expired), Locale.ENGLISH).finding("CERT_EXPIRED").orElseThrow();
        assertThat(open.params()).doesNotContainKey("serverClock");
        assertThat(open.explanation()).contains("Either the clock is wrong");
        assertThat(TestFacts.analyze(engine, List.of(expired, agrees), Locale.FRENCH).finding("CERT_EXPIRED").orElseThrow()
                .explanation()).contains("l'horloge est juste");
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
