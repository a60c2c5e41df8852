package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static dev.sonde.rules.TestFacts.analyze;
import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The reasoning the core issue requires, on facts inserted directly. */
class ArticleExamplesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    @Test
    void firstExampleIsAWrongClock() {
        Report r = analyze(engine, TestFacts.articleExample1());
        assertThat(r).hasTopFinding("CLOCK_SKEW")
                .finding("CLOCK_SKEW").hasSeverity(Severity.CRITICAL).hasTitle("This computer's clock is set ahead")
                .hasParam("issuer", "Google Internet Authority G2")
                .hasParam("subject", "*.googleapis.com")
                .hasParam("clock", "ahead")
                .hasParam("offset", "P4Y9M14D").and()
                .hasFinding("REVOCATION_CHECK_FAILED").explainedBy("CLOCK_SKEW").and()
                .hasFinding("PROXY_FAILED_DIRECT_FALLBACK").explainedBy("CLOCK_SKEW")
                .hasParam("error", "ERROR_WINHTTP_SECURE_FAILURE (0x80072F8F)").and()
                .doesNotHaveFinding("TLS_INTERCEPTION");
        Finding clock = r.finding("CLOCK_SKEW").orElseThrow();
        assertThat(clock.explanation()).contains("2017-09-13", "2017-12-06", "2022-09-21", "about 4 years 9 months ahead");
        Finding revocation = r.finding("REVOCATION_CHECK_FAILED").orElseThrow();
        Finding fallback = r.finding("PROXY_FAILED_DIRECT_FALLBACK").orElseThrow();
        assertThat(revocation.rank()).isGreaterThan(clock.rank());
        assertThat(fallback.rank()).isGreaterThan(clock.rank());
    }

    @Test
    void secondExampleIsFiddler() {
        Report r = analyze(engine, TestFacts.articleExample2());
        assertThat(r).hasTopFinding("TLS_INTERCEPTION")
                .finding("TLS_INTERCEPTION").hasParam("product", "Fiddler").hasParam("proxy", "127.0.0.1:8888")
                .hasTitleContaining("Fiddler").and()
                .hasFinding("UNTRUSTED_CA").explainedBy("TLS_INTERCEPTION").and()
                .hasFinding("REVOCATION_CHECK_FAILED").explainedBy("TLS_INTERCEPTION").and()
                .doesNotHaveFinding("CLOCK_SKEW");
        Finding top = r.top().orElseThrow();
        // issue 10: the text is one detection's (Fiddler's certificate); where it happened is the finding's target
        assertThat(top.explanation()).contains("Fiddler", "DO_NOT_TRUST_FiddlerRoot");
        assertThat(top.targets()).anySatisfy(t -> assertThat(t.target().endpoint()).contains("127.0.0.1:8888"));
        assertThat(top.confidence()).isEqualTo(0.95);
    }

    @Test
    void clockSetBackwardIsAWrongClock() {
        var facts = new TestFacts.Log("Identity/auth.log", TestFacts.unzoned("2023-01-05T10:00:00"))
                .tls(SecurityFlag.CERT_DATE_INVALID)
                .cert(TestFacts.GOOGLEAPIS, TestFacts.GOOGLE_WR2, "2024-03-04T08:00:00Z", "2024-05-27T08:00:00Z")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net")
                .facts();
        Report r = analyze(engine, facts);
        assertThat(r).hasTopFinding("CLOCK_SKEW")
                .finding("CLOCK_SKEW").hasParam("clock", "behind").and()
                .hasFinding("CERT_EXPIRED").explainedBy("CLOCK_SKEW").and()
                .doesNotHaveFinding("TLS_INTERCEPTION");
        assertThat(r.top().orElseThrow().explanation()).contains("behind");
    }

    @Test
    void revocationFailureAloneAsksForPort80() {
        var facts = new TestFacts.Log("Identity/auth.log", TestFacts.unzoned("2024-04-02T09:15:02"))
                .tls(SecurityFlag.CERT_REV_FAILED)
                .cert(List.of("www.googleapis.com"), TestFacts.GOOGLE_WR2, "2024-03-04T08:00:00Z", "2024-05-27T08:00:00Z")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net")
                .facts();
        Report r = analyze(engine, facts);
        assertThat(r).hasTopFinding("REVOCATION_CHECK_FAILED")
                .finding("REVOCATION_CHECK_FAILED").isRootCause().and()
                .doesNotHaveFinding("TLS_INTERCEPTION", "CLOCK_SKEW", "UNTRUSTED_CA");
        Finding top = r.top().orElseThrow();
        assertThat(String.join("\n", top.remediation()))
                .contains("port 80", "crl.pki.goog", "crls.pki.goog", "ocsp.pki.goog", "c.pki.goog", "o.pki.goog");
    }
}
