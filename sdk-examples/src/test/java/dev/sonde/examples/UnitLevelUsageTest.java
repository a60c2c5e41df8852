package dev.sonde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How a vendor uses Sonde at unit level: a log held in a string, analyzed inside a JUnit test, with
 * assertions on the findings. Copy this to test your own rules or log shapes.
 */
class UnitLevelUsageTest {

    static final Sonde SONDE = Sonde.builder().build();

    static final String PROXY_ASKS_FOR_CREDENTIALS = String.join("\n",
            "2024-01-15T10:00:01.000Z 1b2c I:Network OUTLOOK!WinHttp::SendRequest @ 1710 ()> Sending POST request to https://oauth2.googleapis.com/token",
            "2024-01-15T10:00:01.200Z 1b2c E:Network OUTLOOK!WinHttp::HandleCallback @ 1950 ()> HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: NTLM",
            "Proxy-Authenticate: Negotiate",
            "Proxy-Authorization: Basic dXNlcjpzZWNyZXQ=");

    @Test
    void anAuthenticatedProxyIsTheRootCause() {
        Report report = SONDE.analyzeText("Trace-2024-01-15-10-00-00-p1.log", PROXY_ASKS_FOR_CREDENTIALS);

        Finding top = report.top().orElseThrow();
        assertThat(top.id()).isEqualTo("PROXY_AUTH_REQUIRED");
        assertThat(top.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(top.articleStep()).isEqualTo("3");
        assertThat(top.params()).containsEntry("schemes", "NTLM, Negotiate");
        assertThat(top.evidence()).extracting(e -> e.line()).contains(2L);
        assertThat(report.hasProblems()).isTrue();
        assertThat(report.inputs().get(0).format()).isEqualTo("gwsmo-trace");
    }

    @Test
    void credentialsInTheLogNeverReachTheReport() {
        Report report = SONDE.analyzeText("Trace-2024-01-15-10-00-00-p1.log", PROXY_ASKS_FOR_CREDENTIALS);
        String everything = report.toString();
        assertThat(everything).doesNotContain("dXNlcjpzZWNyZXQ=");
    }

    @Test
    void theSameAnalysisInFrench() {
        Sonde french = Sonde.builder().locale(Locale.FRENCH).build();
        Finding top = french.analyzeText("t.log", PROXY_ASKS_FOR_CREDENTIALS).top().orElseThrow();
        assertThat(top.id()).isEqualTo("PROXY_AUTH_REQUIRED");                  // ids stay language-neutral
        assertThat(top.title()).isNotEqualTo(SONDE.analyzeText("t.log", PROXY_ASKS_FOR_CREDENTIALS).top().orElseThrow().title());
        assertThat(top.params()).containsEntry("schemes", "NTLM, Negotiate");    // and so do params
    }
}
