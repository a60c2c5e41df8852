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
        assertThat(r.top()).map(Finding::id).hasValue("CLOCK_SKEW");
        Finding clock = r.finding("CLOCK_SKEW").orElseThrow();
        assertThat(clock.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(clock.params()).containsEntry("issuer", "Google Internet Authority G2")
                .containsEntry("subject", "*.googleapis.com")
                .containsEntry("clock", "ahead")
                .containsEntry("offset", "P4Y9M14D");
        assertThat(clock.explanation()).contains("2017-09-13", "2017-12-06", "2022-09-21", "about 4 years 9 months ahead");
        assertThat(clock.title()).isEqualTo("This computer's clock is set ahead");
        Finding revocation = r.finding("REVOCATION_CHECK_FAILED").orElseThrow();
        Finding fallback = r.finding("PROXY_FAILED_DIRECT_FALLBACK").orElseThrow();
        assertThat(revocation.explainedBy()).contains("CLOCK_SKEW");
        assertThat(fallback.explainedBy()).contains("CLOCK_SKEW");
        assertThat(revocation.rank()).isGreaterThan(clock.rank());
        assertThat(fallback.rank()).isGreaterThan(clock.rank());
        assertThat(r.finding("TLS_INTERCEPTION")).isEmpty();
        assertThat(fallback.params()).containsEntry("error", "ERROR_WINHTTP_SECURE_FAILURE (0x80072F8F)");
    }

    @Test
    void secondExampleIsFiddler() {
        Report r = analyze(engine, TestFacts.articleExample2());
        Finding top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("TLS_INTERCEPTION");
        assertThat(top.params()).containsEntry("product", "Fiddler").containsEntry("proxy", "127.0.0.1:8888");
        assertThat(top.title()).contains("Fiddler");
        // issue 10: the text is one detection's (Fiddler's certificate); where it happened is the finding's target
        assertThat(top.explanation()).contains("Fiddler", "DO_NOT_TRUST_FiddlerRoot");
        assertThat(top.targets()).anySatisfy(t -> assertThat(t.target().endpoint()).contains("127.0.0.1:8888"));
        assertThat(top.confidence()).isEqualTo(0.95);
        assertThat(r.finding("UNTRUSTED_CA").orElseThrow().explainedBy()).contains("TLS_INTERCEPTION");
        assertThat(r.finding("REVOCATION_CHECK_FAILED").orElseThrow().explainedBy()).contains("TLS_INTERCEPTION");
        assertThat(r.finding("CLOCK_SKEW")).isEmpty();
    }

    @Test
    void clockSetBackwardIsAWrongClock() {
        var facts = new TestFacts.Log("Identity/auth.log", TestFacts.unzoned("2023-01-05T10:00:00"))
                .tls(SecurityFlag.CERT_DATE_INVALID)
                .cert(TestFacts.GOOGLEAPIS, TestFacts.GOOGLE_WR2, "2024-03-04T08:00:00Z", "2024-05-27T08:00:00Z")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net")
                .facts();
        Report r = analyze(engine, facts);
        Finding top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("CLOCK_SKEW");
        assertThat(top.params()).containsEntry("clock", "behind");
        assertThat(top.explanation()).contains("behind");
        assertThat(r.finding("CERT_EXPIRED").orElseThrow().explainedBy()).contains("CLOCK_SKEW");
        assertThat(r.finding("TLS_INTERCEPTION")).isEmpty();
    }

    @Test
    void revocationFailureAloneAsksForPort80() {
        var facts = new TestFacts.Log("Identity/auth.log", TestFacts.unzoned("2024-04-02T09:15:02"))
                .tls(SecurityFlag.CERT_REV_FAILED)
                .cert(List.of("www.googleapis.com"), TestFacts.GOOGLE_WR2, "2024-03-04T08:00:00Z", "2024-05-27T08:00:00Z")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net")
                .facts();
        Report r = analyze(engine, facts);
        Finding top = r.top().orElseThrow();
        assertThat(top.id()).isEqualTo("REVOCATION_CHECK_FAILED");
        assertThat(top.isRootCause()).isTrue();
        assertThat(String.join("\n", top.remediation()))
                .contains("port 80", "crl.pki.goog", "crls.pki.goog", "ocsp.pki.goog", "c.pki.goog", "o.pki.goog");
        assertThat(r.findings()).extracting(Finding::id)
                .doesNotContain("TLS_INTERCEPTION", "CLOCK_SKEW", "UNTRUSTED_CA");
    }
}
