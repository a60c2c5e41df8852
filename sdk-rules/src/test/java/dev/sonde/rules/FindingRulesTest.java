package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.facts.Fact;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static dev.sonde.facts.NetworkErrorCode.CANNOT_CONNECT;
import static dev.sonde.facts.NetworkErrorCode.CONNECTION_ERROR;
import static dev.sonde.facts.NetworkErrorCode.NAME_NOT_RESOLVED;
import static dev.sonde.facts.NetworkErrorCode.SECURE_FAILURE;
import static dev.sonde.facts.NetworkErrorCode.SECURE_INVALID_CA;
import static dev.sonde.facts.NetworkErrorCode.TIMEOUT;
import static dev.sonde.facts.NetworkErrorCode.WSAECONNRESET;
import static dev.sonde.facts.SecurityFlag.CERT_CN_INVALID;
import static dev.sonde.facts.SecurityFlag.CERT_DATE_INVALID;
import static dev.sonde.facts.SecurityFlag.CERT_REVOKED;
import static dev.sonde.facts.SecurityFlag.CERT_REV_FAILED;
import static dev.sonde.facts.SecurityFlag.INVALID_CA;
import static dev.sonde.rules.TestFacts.FIDDLER_ISSUER;
import static dev.sonde.rules.TestFacts.FIDDLER_SUBJECT;
import static dev.sonde.rules.TestFacts.GOOGLEAPIS;
import static dev.sonde.rules.TestFacts.GOOGLE_WR2;
import static dev.sonde.rules.TestFacts.unzoned;
import static dev.sonde.rules.TestFacts.zoned;
import static org.assertj.core.api.Assertions.assertThat;

/** Every finding id of the built-in pack: a case that raises it and a close case that must not. */
class FindingRulesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static TestFacts.Log trace() {
        return new TestFacts.Log("Trace-2024-04-02-09-00-00-p4242.log", zoned("2024-04-02T09:15:02.120+02:00")).thread("0f3c");
    }

    static TestFacts.Log auth() {
        return new TestFacts.Log("Identity/auth.log", unzoned("2024-04-02T09:15:02"));
    }

    static final String WR2_FROM = "2024-03-04T08:00:00Z";
    static final String WR2_UNTIL = "2024-05-27T08:00:00Z";

    Report run(List<Fact> facts) {
        return TestFacts.analyze(engine, facts);
    }

    List<String> ids(List<Fact> facts) {
        return run(facts).findings().stream().map(Finding::id).toList();
    }

    @Test
    void everyIdOfTheContractCanBeRaised() {
        assertThat(engine.findingIds()).containsExactlyInAnyOrder("CLOCK_SKEW", "TLS_INTERCEPTION", "UNTRUSTED_CA",
                "REVOCATION_CHECK_FAILED", "CERT_REVOKED", "CERT_NAME_MISMATCH", "CERT_EXPIRED", "PROXY_AUTH_REQUIRED",
                "PROXY_FAILED_DIRECT_FALLBACK", "PROXY_DENIED", "PROXY_UNREACHABLE", "DNS_RESOLUTION_FAILED", "CONNECTION_TIMEOUT", "CONNECTION_REFUSED",
                "CONNECTION_RESET", "OUTDATED_CLIENT", "PORT_BLOCKED", "URL_BLOCKED",
                "FIREWALL_BLOCKS_CLIENT", "PROXY_SCRIPT_FAILED");
    }

    // --- CLOCK_SKEW ---

    @Test
    void clockSkewFromAGoogleCertificateOutsideItsWindow() {
        Report r = run(trace().at(zoned("2026-01-10T10:00:00.000+01:00")).tls(CERT_DATE_INVALID)
                .cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL).facts());
        assertThat(r.top().orElseThrow().id()).isEqualTo("CLOCK_SKEW");
        assertThat(r.top().orElseThrow().confidence()).isEqualTo(0.95);
    }

    @Test
    void clockSkewFromInvalidDatesOnAConnectionToGoogle() {
        Report r = run(auth().tls(CERT_DATE_INVALID).destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net").facts());
        Finding f = r.finding("CLOCK_SKEW").orElseThrow();
        assertThat(f.params()).containsEntry("destination", "142.250.180.10:443 (mil04s44-in-f10.1e100.net)");
        assertThat(f.explanation()).contains("142.250.180.10:443").doesNotContain("{");
    }

    @Test
    void noClockSkewInsideTheWindowOrForAnotherIssuer() {
        assertThat(ids(trace().tls(CERT_REV_FAILED).cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL).facts()))
                .doesNotContain("CLOCK_SKEW");
        // Fiddler's certificate seen after its end: outdated interception certificate, not the clock
        assertThat(ids(trace().at(zoned("2023-01-01T10:00:00.000Z")).tls(INVALID_CA)
                .cert(FIDDLER_SUBJECT, FIDDLER_ISSUER, "2016-09-20T04:08:45Z", "2022-09-20T04:08:45Z").facts()))
                .doesNotContain("CLOCK_SKEW").contains("CERT_EXPIRED", "TLS_INTERCEPTION");
        // an authorization-log time (no zone) within 14 hours of the end is not proof
        assertThat(ids(auth().at(unzoned("2024-05-27T18:00:00")).tls(CERT_REV_FAILED)
                .cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL).facts())).doesNotContain("CLOCK_SKEW");
    }

    // --- TLS_INTERCEPTION ---

    @Test
    void interceptionByAKnownProductWithoutLocalProxy() {
        Report r = run(auth().tls(INVALID_CA)
                .cert(GOOGLEAPIS, List.of("US", "Zscaler Inc.", "Zscaler Intermediate Root CA (zscaler.net)"),
                        "2024-03-01T00:00:00Z", "2024-06-01T00:00:00Z")
                .destination("142.250.180.10", 443, "").facts());
        Finding f = r.top().orElseThrow();
        assertThat(f.id()).isEqualTo("TLS_INTERCEPTION");
        assertThat(f.params()).containsEntry("product", "Zscaler").doesNotContainKey("proxy");
        assertThat(f.title()).isEqualTo("Zscaler intercepts the secure connections to Google");
        assertThat(r.finding("UNTRUSTED_CA").orElseThrow().explainedBy()).contains("TLS_INTERCEPTION");
    }

    @Test
    void interceptionByAnUnknownAuthorityForAGoogleName() {
        Report r = run(trace().tls(INVALID_CA)
                .cert(List.of("mail.google.com"), List.of("Contoso Corp", "Contoso Inspection CA"), WR2_FROM, WR2_UNTIL)
                .destination("10.0.0.8", 3128, "proxy.contoso.local").facts());
        Finding f = r.finding("TLS_INTERCEPTION").orElseThrow();
        // issue 10: an untrusted authority at a private address (10.0.0.8) is interception by a device there
        assertThat(f.confidence()).isEqualTo(0.85);
        assertThat(f.params()).containsEntry("issuer", "Contoso Inspection CA").containsEntry("gateway", "10.0.0.8:3128")
                .doesNotContainKey("product");
        assertThat(f.explanation()).contains("Contoso Inspection CA", "mail.google.com");
    }

    @Test
    void interceptionOnAToolsLocalPortWithoutCertificateDetails() {
        Report r = run(trace().tls(INVALID_CA).error(SECURE_FAILURE, "").destination("127.0.0.1", 8888, "").facts());
        Finding f = r.finding("TLS_INTERCEPTION").orElseThrow();
        assertThat(f.confidence()).isEqualTo(0.7);
        assertThat(f.params()).containsEntry("proxy", "127.0.0.1:8888").containsEntry("suspects", "Charles, Fiddler");
        // the same with a certificate block cut short before its issuer
        Finding cut = run(trace().tls(INVALID_CA).cert(List.of("*.google.com"), List.of(), WR2_FROM, WR2_UNTIL)
                .destination("127.0.0.1", 8888, "").facts()).finding("TLS_INTERCEPTION").orElseThrow();
        assertThat(cut.confidence()).isEqualTo(0.7);
    }

    @Test
    void noInterceptionForGoogleCertificatesOrWithoutEvidence() {
        assertThat(ids(trace().tls(INVALID_CA).cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL)
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net").facts()))
                .doesNotContain("TLS_INTERCEPTION").contains("UNTRUSTED_CA");
        // a Google certificate through a local tunnelling proxy is not interception
        assertThat(ids(trace().tls(CERT_REV_FAILED).cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL)
                .destination("127.0.0.1", 8888, "").facts())).doesNotContain("TLS_INTERCEPTION");
        // a certificate block cut short before its issuer proves nothing by itself
        assertThat(ids(trace().tls(CERT_REV_FAILED).cert(List.of("*.google.com"), List.of(), WR2_FROM, WR2_UNTIL)
                .destination("127.0.0.1", 8888, "").facts())).doesNotContain("TLS_INTERCEPTION");
        // a certificate for someone else's name, from someone else's authority
        assertThat(ids(trace().tls(CERT_CN_INVALID).cert(List.of("portal.hotel.example"),
                List.of("Let's Encrypt", "R3"), WR2_FROM, WR2_UNTIL).facts())).doesNotContain("TLS_INTERCEPTION");
    }

    // --- UNTRUSTED_CA ---

    @Test
    void untrustedAuthorityFromTheFlagOrTheErrorCode() {
        assertThat(ids(auth().tls(INVALID_CA).facts())).contains("UNTRUSTED_CA");
        assertThat(ids(auth().error(SECURE_INVALID_CA, "WinHttpSendRequest").facts())).contains("UNTRUSTED_CA");
        Finding google = run(auth().tls(INVALID_CA).cert(GOOGLEAPIS, GOOGLE_WR2, WR2_FROM, WR2_UNTIL).facts())
                .finding("UNTRUSTED_CA").orElseThrow();
        assertThat(google.isRootCause()).isTrue();
        assertThat(google.params()).containsEntry("googleIssuer", "WR2");
        assertThat(google.remediation().get(0)).contains("root certificates");
    }

    @Test
    void noUntrustedAuthorityForOtherReasons() {
        assertThat(ids(auth().tls(CERT_REV_FAILED, CERT_CN_INVALID).facts())).doesNotContain("UNTRUSTED_CA");
    }

    // --- REVOCATION_CHECK_FAILED ---

    @Test
    void revocationCheckFailed() {
        Finding f = run(trace().tls(CERT_REV_FAILED).facts()).top().orElseThrow();
        assertThat(f.id()).isEqualTo("REVOCATION_CHECK_FAILED");
        assertThat(f.articleStep()).isEqualTo("1");
        assertThat(f.params().get("hosts")).isEqualTo("c.pki.goog, crl.pki.goog, crls.pki.goog, i.pki.goog, o.pki.goog, ocsp.pki.goog");
    }

    @Test
    void noRevocationFindingWithoutTheFlag() {
        assertThat(ids(trace().tls(INVALID_CA).facts())).doesNotContain("REVOCATION_CHECK_FAILED");
    }

    // --- CERT_REVOKED ---

    @Test
    void certificateRevoked() {
        Finding f = run(trace().tls(CERT_REVOKED).facts()).top().orElseThrow();
        assertThat(f.id()).isEqualTo("CERT_REVOKED");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void noRevokedFindingForAFailedRevocationCheck() {
        assertThat(ids(trace().tls(CERT_REV_FAILED).facts())).doesNotContain("CERT_REVOKED");
    }

    // --- CERT_NAME_MISMATCH ---

    @Test
    void nameMismatch() {
        Report r = run(trace().tls(CERT_CN_INVALID).cert(List.of("portal.hotel.example"), List.of("Let's Encrypt", "R3"),
                WR2_FROM, WR2_UNTIL).facts());
        Finding f = r.top().orElseThrow();
        assertThat(f.id()).isEqualTo("CERT_NAME_MISMATCH");
        assertThat(f.explanation()).contains("portal.hotel.example");
    }

    @Test
    void nameMismatchExplainedByInterception() {
        Report r = run(trace().tls(CERT_CN_INVALID, INVALID_CA)
                .cert(List.of("*.google.com"), List.of("Sophos SSL CA"), WR2_FROM, WR2_UNTIL).facts());
        assertThat(r.finding("CERT_NAME_MISMATCH").orElseThrow().explainedBy()).contains("TLS_INTERCEPTION");
    }

    @Test
    void noNameMismatchWithoutTheFlag() {
        assertThat(ids(trace().tls(CERT_DATE_INVALID).facts())).doesNotContain("CERT_NAME_MISMATCH");
    }

    // --- CERT_EXPIRED ---

    @Test
    void certificateExpiredFromTheFlag() {
        Report r = run(trace().tls(CERT_DATE_INVALID).destination("10.1.2.3", 443, "").facts());
        assertThat(r.top().orElseThrow().id()).isEqualTo("CERT_EXPIRED");
        assertThat(r.finding("CLOCK_SKEW")).isEmpty();
    }

    @Test
    void certificateExpiredFromTheDatesOfAnotherAuthority() {
        Report r = run(trace().at(zoned("2024-04-02T09:15:02.120+02:00")).tls(INVALID_CA)
                .cert(List.of("proxy.contoso.local"), List.of("Contoso Root"), "2022-01-01T00:00:00Z", "2023-01-01T00:00:00Z")
                .facts());
        Finding f = r.finding("CERT_EXPIRED").orElseThrow();
        assertThat(f.params()).containsEntry("validUntil", "2023-01-01T00:00:00Z");
        assertThat(f.explanation()).contains("2023-01-01", "Contoso Root");
    }

    @Test
    void noExpiredFindingForValidDates() {
        assertThat(ids(trace().tls(INVALID_CA).cert(List.of("proxy.contoso.local"), List.of("Contoso Root"),
                "2022-01-01T00:00:00Z", "2030-01-01T00:00:00Z").facts())).doesNotContain("CERT_EXPIRED");
    }

    // --- PROXY_AUTH_REQUIRED ---

    @Test
    void proxyAsksForCredentials() {
        Finding f = run(auth().auth("proxy.corp.example:8080", "Negotiate", "NTLM").facts()).top().orElseThrow();
        assertThat(f.id()).isEqualTo("PROXY_AUTH_REQUIRED");
        assertThat(f.articleStep()).isEqualTo("3");
        assertThat(f.explanation()).contains("proxy.corp.example:8080", "Negotiate, NTLM");
    }

    @Test
    void noAuthenticationFindingForADirectRetry() {
        assertThat(ids(auth().fallback("").error(TIMEOUT, "WinHttpSendRequest").facts())).doesNotContain("PROXY_AUTH_REQUIRED");
    }

    // --- PROXY_FAILED_DIRECT_FALLBACK ---

    @Test
    void directRetryAfterAProxyFailure() {
        Report r = run(auth().fallback("").error(TIMEOUT, "WinHttpSendRequest").facts());
        Finding f = r.finding("PROXY_FAILED_DIRECT_FALLBACK").orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.params()).containsEntry("error", "ERROR_WINHTTP_TIMEOUT (0x80072EE2)").containsEntry("failure", "timedOut");
        // issue 10: the proxy that timed out is the cause; the timeout against it is its consequence
        assertThat(f.isRootCause()).isTrue();
        assertThat(r.finding("CONNECTION_TIMEOUT").orElseThrow().explainedBy()).contains("PROXY_FAILED_DIRECT_FALLBACK");
        Finding alone = run(auth().fallback("proxy.corp.example:8080").facts()).top().orElseThrow();
        assertThat(alone.id()).isEqualTo("PROXY_FAILED_DIRECT_FALLBACK");
        assertThat(alone.isRootCause()).isTrue();
        assertThat(alone.explanation()).contains("proxy.corp.example:8080");
    }

    @Test
    void directRetryExplainedByAnAuthenticatingProxy() {
        Report r = run(auth().auth("proxy:8080", "NTLM").fallback("proxy:8080").facts());
        assertThat(r.finding("PROXY_FAILED_DIRECT_FALLBACK").orElseThrow().explainedBy()).contains("PROXY_AUTH_REQUIRED");
    }

    @Test
    void noDirectRetryFindingWithoutTheRetry() {
        assertThat(ids(auth().error(TIMEOUT, "WinHttpSendRequest").facts())).doesNotContain("PROXY_FAILED_DIRECT_FALLBACK");
    }

    // --- network errors ---

    @Test
    void networkErrorsByKind() {
        assertThat(ids(trace().error(NAME_NOT_RESOLVED, "WinHttpSendRequest").facts())).containsExactly("DNS_RESOLUTION_FAILED");
        assertThat(ids(trace().error(TIMEOUT, "WinHttpReceiveResponse").destination("142.250.180.10", 443, "").facts()))
                .containsExactly("CONNECTION_TIMEOUT");
        assertThat(ids(trace().error(CANNOT_CONNECT, "WinHttpSendRequest").facts())).containsExactly("CONNECTION_REFUSED");
        assertThat(ids(trace().error(CONNECTION_ERROR, "WinHttpReceiveResponse").facts())).containsExactly("CONNECTION_RESET");
        assertThat(ids(trace().error(WSAECONNRESET, "").facts())).containsExactly("CONNECTION_RESET");
    }

    @Test
    void networkFindingsNameTheDestinationAndTheCode() {
        Finding f = run(trace().error(TIMEOUT, "WinHttpReceiveResponse")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net").facts()).top().orElseThrow();
        assertThat(f.params()).containsEntry("code", "ERROR_WINHTTP_TIMEOUT (0x80072EE2)")
                .containsEntry("destination", "142.250.180.10:443 (mil04s44-in-f10.1e100.net)");
        assertThat(f.explanation()).contains("142.250.180.10:443", "0x80072EE2");
        assertThat(String.join(" ", f.remediation())).contains("443", "Outlook.exe", "ProfileEditor.exe", "oauth2.googleapis.com");
    }

    @Test
    void aRefusedLocalProxyIsNamed() {
        Finding f = run(trace().error(CANNOT_CONNECT, "WinHttpSendRequest").destination("127.0.0.1", 8888, "").facts())
                .top().orElseThrow();
        assertThat(f.id()).isEqualTo("CONNECTION_REFUSED");
        assertThat(f.remediation().get(0)).contains("127.0.0.1:8888");
    }

    @Test
    void noNetworkFindingsForOtherErrors() {
        assertThat(ids(trace().error(SECURE_FAILURE, "").tls(CERT_REV_FAILED).facts()))
                .doesNotContain("DNS_RESOLUTION_FAILED", "CONNECTION_TIMEOUT", "CONNECTION_REFUSED", "CONNECTION_RESET");
    }

    // --- OUTDATED_CLIENT ---

    @Test
    void outdatedClientFromTheHeader() {
        Finding f = run(trace().client("GWSMO", "4.2.9.0").facts()).top().orElseThrow();
        assertThat(f.id()).isEqualTo("OUTDATED_CLIENT");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.title()).isEqualTo("GWSMO 4.2.9.0 is older than recommended");
    }

    @Test
    void outdatedClientFromFailuresWithoutReasons() {
        Finding f = run(trace().tls().error(SECURE_FAILURE, "").facts()).finding("OUTDATED_CLIENT").orElseThrow();
        assertThat(f.confidence()).isEqualTo(0.5);
    }

    @Test
    void noOutdatedClientForCurrentVersionsOrDetailedLogs() {
        assertThat(ids(trace().client("GWSMO", "4.3.68.0").facts())).isEmpty();
        assertThat(ids(trace().client("GWSMO", "4.3.68.0").tls().facts())).doesNotContain("OUTDATED_CLIENT");
        assertThat(ids(trace().tls(CERT_REV_FAILED).error(SECURE_FAILURE, "").facts())).doesNotContain("OUTDATED_CLIENT");
        assertThat(ids(trace().client("GWMMO", "1.0.0.0").facts())).isEmpty();
    }

    // --- healthy ---

    @Test
    void nothingToReportOnAHealthyLog() {
        Report r = run(trace().client("GWSMO", "4.3.68.0").destination("142.250.180.10", 443, "").facts());
        assertThat(r.hasProblems()).isFalse();
        assertThat(r.findings()).isEmpty();
    }
}
