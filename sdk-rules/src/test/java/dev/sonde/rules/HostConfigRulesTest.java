package dev.sonde.rules;

import static dev.sonde.rules.TestFacts.zoned;
import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacProxy;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules over the computer's own proxy configuration and installed products (issue 13): automatic proxy
 * configuration failures in the logs (PROXY_SCRIPT_FAILED, naming the Internet Settings' script), and
 * OUTDATED_CLIENT from the installed products when no log header says the version.
 */
class HostConfigRulesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static TestFacts.Log trace() {
        return new TestFacts.Log("Trace-2024-04-02-09-00-00-p4242.log", zoned("2024-04-02T09:15:02.120+02:00")).thread("0f3c");
    }

    static ProxyScriptSetting script(ProxyOrigin origin, String url, boolean autoDetect) {
        return new ProxyScriptSetting(origin, url, autoDetect, LogTime.UNKNOWN, "", new Evidence(
                origin == ProxyOrigin.POLICY ? "internet-settings-policy.txt" : "internet-settings.txt", 7,
                "    AutoConfigURL    REG_SZ    " + url));
    }

    static ClientInfo installed(String product, String version) {
        return new ClientInfo(product, "", version, true, LogTime.UNKNOWN, "",
                new Evidence("uninstall.txt", 3, "    DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook"));
    }

    static Report run(List<? extends Fact> facts) {
        return TestFacts.analyze(engine, facts);
    }

    // --- PROXY_SCRIPT_FAILED ---

    static PacFailure pacFailure(PacFailureReason reason, String detail) {
        return new PacFailure("http://wpad.corp.example/proxy.pac", "", reason, detail, LogTime.UNKNOWN, "",
                new Evidence("probe:pac", 0, "http://wpad.corp.example/proxy.pac: " + detail));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UNREACHABLE | connection refused | The proxy auto-configuration script cannot be downloaded",
        "TOO_LARGE   | larger than 1 MiB  | The proxy auto-configuration script cannot be downloaded",
        "THREW       | ReferenceError: x is not defined | The proxy auto-configuration script fails when it runs",
        "TIMED_OUT   | stopped after 2 s  | The proxy auto-configuration script fails when it runs"})
    void aScriptThatFailsWhenTheProbesRunItIsTheFindingSayingHow(PacFailureReason reason, String detail, String title) {
        Report r = run(List.of(pacFailure(reason, detail)));

        assertThat(r).hasTopFinding("PROXY_SCRIPT_FAILED").finding("PROXY_SCRIPT_FAILED").hasTitle(title)
                .hasSeverity(Severity.HIGH).hasParam("autoConfigUrl", "http://wpad.corp.example/proxy.pac")
                .hasExplanationContaining("http://wpad.corp.example/proxy.pac", detail)
                .hasEvidenceFrom("probe:pac").hasTarget("this computer");
    }

    @Test
    void aScriptThatAnswersIsNoFinding() {
        PacRoute route = new PacRoute("http://wpad.corp.example/proxy.pac", "https://mail.google.com/", "mail.google.com",
                "DIRECT", List.of(PacProxy.DIRECT), LogTime.UNKNOWN, "", new Evidence("probe:pac", 0, "DIRECT"));
        assertThat(run(List.of(route))).hasNoFindings();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UNABLE_TO_DOWNLOAD_SCRIPT | notDownloaded | The proxy auto-configuration script could not be downloaded",
        "BAD_AUTO_PROXY_SCRIPT     | scriptError   | The proxy auto-configuration script fails",
        "AUTO_PROXY_SERVICE_ERROR  | noProxy       | The automatic proxy configuration gives no proxy for Google",
        "AUTODETECTION_FAILED      | notDetected   | Proxy auto-detection (WPAD) finds no configuration script"})
    void eachAutoConfigurationErrorIsTheFindingSayingWhichFailure(NetworkErrorCode code, String failure, String title) {
        Report r = run(trace().error(code, "WinHttpGetProxyForUrl").facts());

        Finding f = r.top().orElseThrow();
        assertThat(r.findings()).extracting(Finding::id).containsExactly("PROXY_SCRIPT_FAILED");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(0.85);
        assertThat(f.articleStep()).isEqualTo("3");
        assertThat(f.params()).containsEntry("failure", failure).containsEntry("code", code.windowsName() + " (" + code.hresult() + ")")
                .doesNotContainKey("autoConfigUrl");
        assertThat(f.title()).isEqualTo(title);
        assertThat(f.explanation()).contains(code.hresult()).doesNotContain("{").doesNotContain("http://");
        assertThat(f.remediation()).isNotEmpty().allSatisfy(step -> assertThat(step).doesNotContain("{"));
    }

    @Test
    void theScriptTheInternetSettingsNameIsNamedAndQuoted() {
        List<Fact> facts = new ArrayList<>(trace().error(NetworkErrorCode.UNABLE_TO_DOWNLOAD_SCRIPT, "").facts());
        facts.add(script(ProxyOrigin.USER, "http://wpad.corp.example/proxy.pac", false));

        Finding f = run(facts).finding("PROXY_SCRIPT_FAILED").orElseThrow();
        assertThat(f.params()).containsEntry("autoConfigUrl", "http://wpad.corp.example/proxy.pac");
        assertThat(f.explanation()).contains("script http://wpad.corp.example/proxy.pac (ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT");
        assertThat(f.remediation().get(0)).startsWith("Open http://wpad.corp.example/proxy.pac in a browser");
        assertThat(f.evidence()).extracting(Evidence::file).contains("internet-settings.txt", "Trace-2024-04-02-09-00-00-p4242.log");
    }

    @Test
    void thePolicysScriptComesFirstAndTheTextIsFrenchInFrench() {
        List<Fact> facts = new ArrayList<>(trace().error(NetworkErrorCode.BAD_AUTO_PROXY_SCRIPT, "").facts());
        facts.add(script(ProxyOrigin.USER, "http://user.example/u.pac", false));
        facts.add(script(ProxyOrigin.POLICY, "http://policy.example/p.pac", false));

        Finding f = TestFacts.analyze(engine, facts, Locale.FRENCH).finding("PROXY_SCRIPT_FAILED").orElseThrow();
        assertThat(f.params().get("autoConfigUrl")).startsWith("http://policy.example/p.pac").contains("http://user.example/u.pac");
        assertThat(f.title()).isEqualTo("Le script de configuration automatique du proxy échoue");
        assertThat(f.explanation()).contains("http://policy.example/p.pac");
    }

    @Test
    void settingsAloneOrOtherErrorsAreNoScriptFailure() {
        List<Fact> facts = new ArrayList<>();
        facts.add(script(ProxyOrigin.USER, "http://wpad.corp.example/proxy.pac", true));
        facts.add(new ProxySetting(ProxyOrigin.USER, "proxy.corp.example:8080", "<local>", LogTime.UNKNOWN, "",
                new Evidence("internet-settings.txt", 5, "    ProxyServer    REG_SZ    proxy.corp.example:8080")));
        assertThat(run(facts).findings()).isEmpty();

        facts.addAll(trace().error(NetworkErrorCode.TIMEOUT, "").destination("142.250.75.234", 443, "par10s41-in-f10.1e100.net").facts());
        assertThat(run(facts).findings()).extracting(Finding::id).containsExactly("CONNECTION_TIMEOUT");
    }

    @Test
    void aFailureAfterWhichGoogleAnsweredIsALowNote() {
        TestFacts.Log log = trace().error(NetworkErrorCode.AUTODETECTION_FAILED, "WinHttpGetProxyForUrl");
        List<Fact> facts = new ArrayList<>(log.facts());
        facts.add(new ServerAnswer("www.googleapis.com", "https://www.googleapis.com/gmail/v1/users/me/labels", "", 443, 200,
                log.time, log.thread, log.src("HTTP/1.1 200 OK")));

        Report r = run(facts);
        Finding f = r.finding("PROXY_SCRIPT_FAILED").orElseThrow();
        assertThat(r.findings()).extracting(Finding::id).containsExactly("PROXY_SCRIPT_FAILED");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.confidence()).isEqualTo(0.6);
        assertThat(f.explanation()).contains("Google answered them").doesNotContain("{");

        // an answer logged before the failure says nothing about it
        List<Fact> before = new ArrayList<>(trace().error(NetworkErrorCode.AUTODETECTION_FAILED, "").facts());
        before.add(new ServerAnswer("www.googleapis.com", "", "", 443, 200, log.time, log.thread,
                new Evidence(log.file, 0, "HTTP/1.1 200 OK")));
        assertThat(run(before).finding("PROXY_SCRIPT_FAILED").orElseThrow().severity()).isEqualTo(Severity.HIGH);
    }

    // --- OUTDATED_CLIENT from the installed products ---

    @Test
    void anOldInstalledVersionIsOutdatedWhenNoLogSaysTheVersion() {
        Finding f = run(List.of(installed("GWSMO", "4.2.9.0"))).top().orElseThrow();
        assertThat(f.id()).isEqualTo("OUTDATED_CLIENT");
        assertThat(f.title()).isEqualTo("GWSMO 4.2.9.0 is older than recommended");
        assertThat(f.evidence()).extracting(Evidence::file).containsExactly("uninstall.txt");
        // a log naming the product without its version (no header) leaves the registry's in force
        List<Fact> facts = new ArrayList<>(trace().client("GWSMO", "").facts());
        facts.add(installed("GWSMO", "4.2.9.0"));
        assertThat(run(facts).finding("OUTDATED_CLIENT")).isPresent();
    }

    @Test
    void aCurrentInstalledVersionOrAnotherProductIsNothing() {
        assertThat(run(List.of(installed("GWSMO", "4.3.68.0"))).findings()).isEmpty();
        assertThat(run(List.of(installed("GAPS", "1.0.0.0"), installed("GWSMO", ""))).findings()).isEmpty();
    }

    @Test
    void theLogHeaderWinsOverTheRegistry() {
        // the log ran a current version: an old registry entry (since replaced, or the other view) is not outdated
        List<Fact> current = new ArrayList<>(trace().client("GWSMO", "4.3.68.0").facts());
        current.add(installed("GWSMO", "4.2.9.0"));
        assertThat(run(current).findings()).isEmpty();

        // the log ran an old version: outdated by the log's version and evidence, whatever the registry says
        List<Fact> old = new ArrayList<>(trace().client("GWSMO", "4.2.1.0").facts());
        old.add(installed("GWSMO", "4.3.68.0"));
        Finding f = run(old).finding("OUTDATED_CLIENT").orElseThrow();
        assertThat(f.params()).containsEntry("version", "4.2.1.0");
        assertThat(f.evidence()).extracting(Evidence::file).doesNotContain("uninstall.txt");
    }

    @Test
    void bothAgreeingIsOneFindingOnTheLogsEvidence() {
        List<Fact> facts = new ArrayList<>(trace().client("GWSMO", "4.2.9.0").facts());
        facts.add(installed("GWSMO", "4.2.9.0"));
        Report r = run(facts);
        assertThat(r.findings()).extracting(Finding::id).containsExactly("OUTDATED_CLIENT");
        assertThat(r.finding("OUTDATED_CLIENT").orElseThrow().evidence()).extracting(Evidence::file)
                .containsExactly("Trace-2024-04-02-09-00-00-p4242.log");
    }

    // --- a saved proxy.pac, evaluated offline by the prober on the class path (sdk-probes, a test dependency) ---

    static Report analyzeCase(String name) {
        try (dev.sonde.Sonde sonde = dev.sonde.Sonde.builder().engine(engine).build()) {
            return sonde.analyze(java.nio.file.Path.of("src/main/resources/dev/sonde/packs/gwsmo/cases", name));
        }
    }

    @Test
    void aSavedScriptThatSendsGoogleToTheAuthenticatingProxyIsNamedWithItsRoutes() {
        Report r = analyzeCase("saved-pac-routes-google-to-authenticating-proxy");

        assertThat(r).hasTopFinding("PROXY_AUTH_REQUIRED").finding("PROXY_AUTH_REQUIRED")
                .hasParam("script", r.inputs().stream().filter(i -> i.format().equals("host:proxy")).findFirst()
                        .orElseThrow().name())
                .hasParam("hosts", "oauth2.googleapis.com, www.googleapis.com")
                .hasEvidenceContaining("FindProxyForURL(\"https://oauth2.googleapis.com/token\"")
                .hasEvidenceContaining("answered status 407");
        assertThat(r.warnings()).noneMatch(w -> w.message().contains("not on the machine")); // no DNS helper used
    }

    @Test
    void aSavedScriptThatSendsGoogleDirectIsNotNamedForAnotherProxysChallenge() {
        Report r = analyzeCase("saved-pac-direct-407-elsewhere");

        assertThat(r).hasTopFinding("PROXY_AUTH_REQUIRED").finding("PROXY_AUTH_REQUIRED")
                .hasParam("proxy", "10.9.9.9:3128").doesNotHaveParam("script").doesNotHaveParam("hosts");
        assertThat(r.warnings()).anyMatch(w -> w.file().endsWith("proxy.pac")
                && w.message().contains("DNS lookups were answered \"not resolvable\""));
    }

    @Test
    void aPerMachinePolicyInAnotherFilePutsTheMachinesScriptInForceAndNotTheUsers() {
        Report r = analyzeCase("per-machine-proxy-policy-names-the-machines-script");

        assertThat(r).hasTopFinding("PROXY_SCRIPT_FAILED").finding("PROXY_SCRIPT_FAILED")
                .hasParam("autoConfigUrl", "http://wpad.corp.example/machine.pac")
                .hasEvidenceContaining("ProxySettingsPerUser");
        Finding f = r.finding("PROXY_SCRIPT_FAILED").orElseThrow();
        assertThat(f.evidence()).anyMatch(e -> e.file().endsWith("/internet-settings-machine.txt")
                && e.text().contains("machine.pac"));
        assertThat(f.evidence()).anyMatch(e -> e.file().endsWith("/internet-settings-policy.txt"));
        assertThat(f.evidence()).noneMatch(e -> e.text().contains("old.pac"));
    }
}
