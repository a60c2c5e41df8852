package dev.sonde.rules;

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

/** A proxy refusing the live CONNECT with something else than 407 is a finding naming it, never silence. */
class ProxyDeniedRulesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static ProxyCheck check(ProbeStatus status, ProxyReason reason, int http) {
        return new ProxyCheck("filter.corp.example:8080", ProxyOrigin.ENV, status, reason, http, List.of(), LogTime.UNKNOWN, "",
                new Evidence("probe:proxy", 0, "CONNECT mail.google.com:443 through filter.corp.example:8080 (ENV): " + reason + " " + http));
    }

    @Test
    void aDeniedTunnelIsAFindingNamingTheProxyAndStatus() {
        Report r = TestFacts.analyze(engine, List.of(check(ProbeStatus.PROBLEM, ProxyReason.DENIED, 403)));

        Finding f = r.top().orElseThrow();
        assertThat(r.findings()).extracting(Finding::id).containsExactly("PROXY_DENIED");
        assertThat(f.params()).containsEntry("proxy", "filter.corp.example:8080").containsEntry("httpStatus", "403");
        assertThat(f.explanation()).contains("filter.corp.example:8080").contains("refused with 403");
    }

    @Test
    void anOpenTunnelIsNoFinding() {
        assertThat(TestFacts.analyze(engine, List.of(check(ProbeStatus.OK, ProxyReason.OPEN, 200))).findings()).isEmpty();
    }
}
