package dev.sonde.rules;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyReason;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A proxy refusing the live CONNECT with something else than 407 is a finding naming it, never silence. */
class ProxyDeniedRulesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static ProxyCheck check(ProbeStatus status, ProxyReason reason, int http) {
        return check(reason, http, "", "");
    }

    static ProxyCheck check(ProxyReason reason, int http, String server, String via) {
        return new ProxyCheck("filter.corp.example:8080", ProxyOrigin.ENV, reason.status(), reason, http, List.of(), server, via,
                LogTime.UNKNOWN, "", new Evidence("probe:proxy", 0, "CONNECT mail.google.com:443 through filter.corp.example:8080 (ENV): "
                + reason + " " + http));
    }

    @Test
    void aDeniedTunnelIsAFindingNamingTheProxyAndStatus() {
        Report r = TestFacts.analyze(engine, List.of(check(ProbeStatus.PROBLEM, ProxyReason.DENIED, 403)));

        assertThat(r).hasRanking("PROXY_DENIED")
                .finding("PROXY_DENIED").hasParam("proxy", "filter.corp.example:8080").hasParam("httpStatus", "403");
        assertThat(r.top().orElseThrow().explanation()).contains("filter.corp.example:8080").contains("refused with 403");
    }

    @Test
    void anOpenTunnelIsNoFinding() {
        assertThat(TestFacts.analyze(engine, List.of(check(ProbeStatus.OK, ProxyReason.OPEN, 200)))).hasNoFindings();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "ProxySG                      |                                        | Blue Coat / Symantec ProxySG",
        "                             | 1.1 proxysg.corp.example (ProxySG)     | Blue Coat / Symantec ProxySG",
        "squid/5.7                    | 1.1 filter.corp.example (squid/5.7)    | Squid",
        "Zscaler/6.2                  |                                        | Zscaler",
        "                             | 1.1 wsa.corp.example:80 (Cisco-WSA/12.5.4-011) | Cisco WSA / IronPort",
        "                             | 1.1 mwg.corp.example (McAfee Web Gateway 11.2) | McAfee / Skyhigh Web Gateway"})
    void aFilterThatNamesItselfIsNamed(String server, String via, String product) {
        Report r = TestFacts.analyze(engine, List.of(check(ProxyReason.DENIED, 403, server == null ? "" : server, via == null ? "" : via)));

        assertThat(r).hasTopFinding("PROXY_DENIED").finding("PROXY_DENIED").hasParam("product", product);
        assertThat(r.top().orElseThrow().explanation()).contains(product);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "Apache        | 1.1 proxy.corp.example",
        "nginx/1.25.3  | ",
        "              | 1.1 squidward.corp.example"})
    void aFilterThatNamesNobodyStaysUnnamed(String server, String via) {
        Report r = TestFacts.analyze(engine, List.of(check(ProxyReason.DENIED, 403, server == null ? "" : server, via == null ? "" : via)));

        assertThat(r.top().orElseThrow().params()).doesNotContainKey("product");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PROXY_UNREACHABLE | unreachable | cannot be reached",
        "DNS_FAILED        | notResolved | cannot be reached",
        "TIMED_OUT         | timedOut    | does not answer",
        "BAD_RESPONSE      | badResponse | does not answer as a proxy"})
    void aProxyThatCannotBeReachedOrAnswersGarbageIsNeverSilence(ProxyReason reason, String failure, String title) {
        Report r = TestFacts.analyze(engine, List.of(check(reason, 0, "", "")));

        assertThat(r).hasRanking("PROXY_UNREACHABLE")
                .finding("PROXY_UNREACHABLE").hasParam("proxy", "filter.corp.example:8080").hasParam("failure", failure)
                .hasTitleContaining("filter.corp.example:8080").hasTitleContaining(title);
        Finding f = r.top().orElseThrow();
        assertThat(f.explanation()).doesNotContain(reason.name()).doesNotContain("{");
    }
}
