package dev.sonde.rules;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.Report;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that answered the TLS handshake with something that is not TLS (probes' {@code BAD_RESPONSE}) blocks the
 * URL, in words that say so, and is never read as an untrusted or intercepting certificate authority.
 */
class NotTlsAnswerRulesTest {

    static final String URL = "https://www.googleapis.com/calendar/";

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static List<Fact> notTls() {
        UrlCheck url = new UrlCheck("calendar", URL, "www.googleapis.com", ProbeStatus.PROBLEM, UrlReason.BAD_RESPONSE, 0, "", "",
                LogTime.UNKNOWN, "", new Evidence("probe:https", 0, "HTTPS GET " + URL + ": BAD_RESPONSE"));
        ServedChain chain = new ServedChain("www.googleapis.com", 443, ProbeStatus.PROBLEM, TlsReason.BAD_RESPONSE, List.of(),
                "", "", "", List.of(), null, null, "", null, LogTime.UNKNOWN, "",
                new Evidence("probe:tls", 0, "TLS www.googleapis.com:443: BAD_RESPONSE"));
        return List.of(url, chain);
    }

    @Test
    void aNonTlsAnswerBlocksTheUrlAndSaysItIsNotACertificateProblem() {
        Report r = TestFacts.analyze(engine, notTls());

        assertThat(r).hasRanking("URL_BLOCKED").doesNotHaveFinding("UNTRUSTED_CA", "TLS_INTERCEPTION")
                .finding("URL_BLOCKED").hasParam("reason", "BAD_RESPONSE");
        assertThat(r.top().orElseThrow().explanation()).contains("not TLS").contains("not a certificate problem");
    }
}
