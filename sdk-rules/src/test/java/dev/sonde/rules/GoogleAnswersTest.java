package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Evidence;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as Google's answer to a live request for an allow-listed URL (article step 2), judged by the
 * built-in pack's rules over {@code google-answers.json}: a block status (403, 451, 511) naming a proxy in
 * {@code Via}, or sent by a server that is not one of Google's front ends, is a filtering proxy's block page.
 */
class GoogleAnswersTest {

    static final String URL = "https://www.googleapis.com/calendar/";

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static UrlCheck answered(int status, String server, String via) {
        return new UrlCheck("calendar", URL, "www.googleapis.com", ProbeStatus.OK, UrlReason.ANSWERED, status, server, via,
                LogTime.UNKNOWN, "", new Evidence("probe:https", 0, "HTTPS GET " + URL + ": ANSWERED " + status));
    }

    static List<String> ids(Fact... facts) {
        Report r = TestFacts.analyze(engine, List.of(facts));
        return r.findings().stream().map(Finding::id).toList();
    }

    @Test
    void aBlockAnswerIsABlockPageOnlyWhenSomethingElseThanGoogleSentIt() {
        assertThat(ids(answered(403, "", "1.1 proxy"))).containsExactly("URL_BLOCKED");
        assertThat(ids(answered(403, "BlueCoat-SG", ""))).containsExactly("URL_BLOCKED");
        assertThat(ids(answered(451, "squid", ""))).containsExactly("URL_BLOCKED");
        assertThat(ids(answered(511, "", "1.1 portal"))).containsExactly("URL_BLOCKED");
        assertThat(ids(answered(403, "ESF", ""))).isEmpty();
        assertThat(ids(answered(403, "  gvs 1.0 ", ""))).isEmpty();
        assertThat(ids(answered(403, "", ""))).isEmpty();
        assertThat(ids(answered(404, "", "1.1 proxy"))).isEmpty();
        assertThat(ids(answered(401, "GSE", ""))).isEmpty();
    }

    @Test
    void aBlockPageIsReportedAsFilteredWithItsHeaders() {
        Finding f = TestFacts.analyze(engine, List.of(answered(403, "BlueCoat-SG", "1.1 proxy.corp.example")))
                .top().orElseThrow();
        assertThat(f.params()).containsEntry("reason", "FILTERED").containsEntry("httpStatus", "403")
                .containsEntry("server", "BlueCoat-SG").containsEntry("via", "1.1 proxy.corp.example")
                .containsEntry("service", "calendar");
    }

    @Test
    void aBlockPageDateDoesNotTellGooglesTime() {
        Instant now = Instant.parse("2024-04-02T09:00:00Z");
        ClockCheck skewed = new ClockCheck(URL, 7200, ProbeStatus.PROBLEM, now.minusSeconds(7200), now, LogTime.UNKNOWN, "",
                new Evidence("probe:clock", 0, "Date of " + URL));
        assertThat(ids(answered(200, "ESF", ""), skewed)).containsExactly("CLOCK_SKEW");
        assertThat(ids(answered(403, "BlueCoat-SG", ""), skewed)).containsExactly("URL_BLOCKED");
    }
}
