package dev.sonde.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.UrlReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.ProxyTestServer;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A web filter that refuses the CONNECT to an allow-listed host: the JDK's client turns its answer into an
 * exception ("Tunnel failed, got: 403"), which the probe must still read as the filter's answer. The proxy
 * is a real one on 127.0.0.1; the host name is never resolved (the proxy answers first).
 */
class UrlProbeTest {

    @ParameterizedTest(name = "CONNECT answered {0} -> {1}")
    @CsvSource({"403, FILTERED", "451, FILTERED", "511, FILTERED", "502, FAILED", "407, PROXY_AUTH_REQUIRED"})
    void aProxyRefusingTheTunnelIsReadFromItsStatus(int status, UrlReason expected) {
        try (LoopbackPki loopback = LoopbackPki.start(); ProxyTestServer filter = ProxyTestServer.refusing(status)) {
            UrlProbe probe = new UrlProbe(loopback.genuineAnchors(),
                    ProxySelector.of(new InetSocketAddress("127.0.0.1", filter.port())), Clock.systemUTC(), Duration.ofSeconds(10));
            ProbeOutcome<UrlReason> outcome = probe.probe(URI.create("https://www.googleapis.com/"), Deadline.after(Duration.ofSeconds(20)));

            assertThat(outcome.reason()).isEqualTo(expected);
            assertThat(outcome.status()).isEqualTo(ProbeStatus.PROBLEM);
            assertThat(outcome.detail()).containsEntry(UrlProbe.HTTP_STATUS, Integer.toString(status))
                    // a 407 reaches the client as a response (its Via header); other refusals only as the exception
                    .containsEntry(UrlProbe.VIA, status == 407 ? ProxyTestServer.VIA : "127.0.0.1:" + filter.port());
            assertThat(filter.requestHeads()).singleElement().asString().startsWith("CONNECT www.googleapis.com:443 ");
        }
    }

    @Test
    void anyAnswerButACredentialsRequestIsAnAnswerTheRulesJudge() {
        // whether a 403 is Google's or a filter's block page is the rule pack's judgement (GoogleAnswersTest in sdk-rules)
        assertThat(UrlProbe.classify(403)).isEqualTo(UrlReason.ANSWERED);
        assertThat(UrlProbe.classify(404)).isEqualTo(UrlReason.ANSWERED);
        assertThat(UrlProbe.classify(401)).isEqualTo(UrlReason.ANSWERED);
        assertThat(UrlProbe.classify(407)).isEqualTo(UrlReason.PROXY_AUTH_REQUIRED);
    }
}
