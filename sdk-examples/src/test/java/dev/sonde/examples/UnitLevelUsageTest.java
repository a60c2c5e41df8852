package dev.sonde.examples;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.Target;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.testkit.GoldenCases;
import dev.sonde.testkit.SondeConfig;
import dev.sonde.testkit.SondeExtension;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.GwsmoLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a vendor uses Sonde at unit level with the test kit ({@code dev.sonde:sdk-testkit}): a built {@link Sonde}
 * injected by {@link SondeExtension} (built once per configuration for the whole test run), logs held in a string
 * or written with {@link GwsmoLog}, assertions on the findings with {@code SondeAssertions}, and the golden cases of
 * a vendor's own pack as dynamic tests. Copy this to test your own rules or log shapes.
 */
@ExtendWith(SondeExtension.class)
class UnitLevelUsageTest {

    static final String PROXY_ASKS_FOR_CREDENTIALS = String.join("\n",
            "2024-01-15T10:00:01.000Z 1b2c I:Network OUTLOOK!WinHttp::SendRequest @ 1710 ()> Sending POST request to https://oauth2.googleapis.com/token",
            "2024-01-15T10:00:01.200Z 1b2c E:Network OUTLOOK!WinHttp::HandleCallback @ 1950 ()> HTTP/1.1 407 Proxy Authentication Required",
            "Proxy-Authenticate: NTLM",
            "Proxy-Authenticate: Negotiate",
            "Proxy-Authorization: Basic dXNlcjpzZWNyZXQ=");

    /** Acme's overlay of the built-in pack: its own texts and golden cases (sdk-examples/packs/acme-overlay). */
    static final String ACME_PACK = "packs/acme-overlay";

    @Test
    void anAuthenticatedProxyIsTheRootCause(Sonde sonde) {
        Report report = sonde.analyzeText("Trace-2024-01-15-10-00-00-p1.log", PROXY_ASKS_FOR_CREDENTIALS);

        assertThat(report).hasTopFinding("PROXY_AUTH_REQUIRED").hasOutcome(Report.Outcome.COMPLETE)
                .finding("PROXY_AUTH_REQUIRED").isRootCause().hasSeverity(Severity.CRITICAL)
                .hasParam("schemes", "NTLM, Negotiate").hasEvidenceContaining("407 Proxy Authentication Required");
        assertThat(report.top().orElseThrow().articleStep()).isEqualTo("3");
        assertThat(report.inputs().get(0).format()).isEqualTo("gwsmo-trace");
    }

    @Test
    void credentialsInTheLogNeverReachTheReport(Sonde sonde) {
        Report report = sonde.analyzeText("Trace-2024-01-15-10-00-00-p1.log", PROXY_ASKS_FOR_CREDENTIALS);
        assertThat(report.toString()).doesNotContain("dXNlcjpzZWNyZXQ=");
    }

    @Test
    void theSameAnalysisInFrench(Sonde sonde, @SondeConfig(locale = "fr") Sonde french) {
        Report report = french.analyzeText("t.log", PROXY_ASKS_FOR_CREDENTIALS);
        assertThat(report).hasTopFinding("PROXY_AUTH_REQUIRED")                  // ids stay language-neutral
                .finding("PROXY_AUTH_REQUIRED").hasParam("schemes", "NTLM, Negotiate"); // and so do params
        assertThat(report.top().orElseThrow().title())
                .isNotEqualTo(sonde.analyzeText("t.log", PROXY_ASKS_FOR_CREDENTIALS).top().orElseThrow().title());
    }

    /** A log written record by record: Fiddler intercepting, as in the article's second example. */
    @Test
    void anInterceptingProxy(Sonde sonde, @TempDir Path logs) {
        GwsmoLog.trace().offset(ZoneOffset.ofHours(-3)).at("2017-09-21T07:10:02Z")
                .header("ClientMigration.exe", "4.3.68.0")
                .healthy(2)
                .after(Duration.ofSeconds(2))
                .tlsFailure("127.0.0.1", 8888, "COMPUTERNAME", CertBlock.fiddler("*.google.com"),
                        SecurityFlag.INVALID_CA, SecurityFlag.CERT_REV_FAILED)
                .writeTo(logs);

        assertThat(sonde.analyze(logs)).hasTopFinding("TLS_INTERCEPTION")
                .finding("TLS_INTERCEPTION").hasTarget("127.0.0.1:8888").hasState(Target.State.ONGOING)
                .and().doesNotHaveFinding("CLOCK_SKEW");
    }

    /** A vendor's pack is used like the built-in one: its texts replace the built-in ones for the ids it covers. */
    @Test
    @SondeConfig(rulePacks = ACME_PACK)
    void theVendorPackSpeaksAcme(Sonde acme) {
        assertThat(acme.analyzeText("t.log", PROXY_ASKS_FOR_CREDENTIALS))
                .finding("PROXY_AUTH_REQUIRED").hasTitleContaining("Acme web proxy");
    }

    /** The vendor pack's golden cases (cases/NAME/ with logs and expect.json), one dynamic test each. */
    @TestFactory
    Stream<DynamicTest> theVendorPackCases() {
        return GoldenCases.dynamicTests(Path.of(ACME_PACK));
    }
}
