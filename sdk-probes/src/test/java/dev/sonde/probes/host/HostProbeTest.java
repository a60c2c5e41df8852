package dev.sonde.probes.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Warning;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.probes.pac.PacOptions;
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.testsupport.net.PacTestServer;
import dev.sonde.testsupport.net.ProxyTestServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The live host evidence as Windows would give it (the commands' outputs handed in; netsh, reg and certutil exist
 * only there): read by the real log reader, and the auto-config script the Internet Settings name fetched from a
 * loopback server and evaluated, its proxy then checked by the probes: a real proxy that answers 407.
 */
class HostProbeTest {

    private static BiFunction<HostEvidence, Duration, HostCommands.Output> settingsNaming(String scriptUrl) {
        String settings = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
                + "    ProxyEnable    REG_DWORD    0x0\r\n"
                + "    AutoConfigURL    REG_SZ    " + scriptUrl + "\r\n";
        return (source, deadline) -> new HostCommands.Output(source, source == HostEvidence.INTERNET_SETTINGS
                ? settings.getBytes(StandardCharsets.UTF_8) : new byte[0], Optional.empty());
    }

    private static PacOptions pac() {
        return PacOptions.builder().evaluationTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void theScriptTheSettingsNameIsEvaluatedForEveryCatalogUrl() {
        try (PacTestServer server = new PacTestServer()) {
            String script = server.serve("/proxy.pac", """
                    function FindProxyForURL(url, host) {
                      if (dnsDomainIs(host, ".googleapis.com")) return "PROXY 127.0.0.1:3128; DIRECT";
                      return "DIRECT";
                    }""");
            List<Fact> facts = new ArrayList<>();
            List<Warning> warnings = new ArrayList<>();
            HostProbe.Result r = new HostProbe(settingsNaming(script), pac()).read(
                    List.of(URI.create("https://www.googleapis.com/calendar/"), URI.create("https://mail.google.com/mail/")),
                    facts::add, warnings::add, Instant.now().plusSeconds(20));

            assertThat(facts).filteredOn(ProxyScriptSetting.class::isInstance).singleElement()
                    .satisfies(f -> assertThat(((ProxyScriptSetting) f).autoConfigUrl()).isEqualTo(script));
            assertThat(facts).filteredOn(PacRoute.class::isInstance).map(PacRoute.class::cast)
                    .extracting(PacRoute::host, PacRoute::result).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("www.googleapis.com", "PROXY 127.0.0.1:3128; DIRECT"),
                            org.assertj.core.groups.Tuple.tuple("mail.google.com", "DIRECT"));
            assertThat(r.proxies()).containsExactly(new ProxyDiscovery.Found(ProxyOrigin.SCRIPT, "127.0.0.1:3128", ""));
            assertThat(r.summaries()).extracting(InputSummary::name).containsExactly("host/internet-settings.txt", "probe:pac");
            assertThat(r.summaries().get(0).format()).isEqualTo("host:internet-settings");
        }
    }

    @Test
    void perMachineSettingsPutTheMachinesProxyInForceAndTheUsersOut() {
        String user = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
                + "    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    user.example:3128\r\n";
        String machine = user.replace("HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE").replace("user.example", "machine.example");
        String policy = "\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
                + "\r\n    ProxySettingsPerUser    REG_DWORD    0x0\r\n";
        Map<HostEvidence, String> saved = Map.of(HostEvidence.INTERNET_SETTINGS, user,
                HostEvidence.INTERNET_SETTINGS_MACHINE, machine, HostEvidence.INTERNET_SETTINGS_POLICY, policy);
        BiFunction<HostEvidence, Duration, HostCommands.Output> outputs = (source, deadline) -> new HostCommands.Output(
                source, saved.getOrDefault(source, "").getBytes(StandardCharsets.UTF_8), Optional.empty());

        HostProbe.Result r = new HostProbe(outputs, pac()).read(List.of(URI.create("https://mail.google.com/")),
                f -> { }, w -> { }, Instant.now().plusSeconds(20));
        assertThat(r.proxies()).containsExactly(new ProxyDiscovery.Found(ProxyOrigin.MACHINE, "machine.example:3128", ""));

        Map<HostEvidence, String> perUser = Map.of(HostEvidence.INTERNET_SETTINGS, user,
                HostEvidence.INTERNET_SETTINGS_MACHINE, machine);
        HostProbe.Result r2 = new HostProbe((source, deadline) -> new HostCommands.Output(source,
                perUser.getOrDefault(source, "").getBytes(StandardCharsets.UTF_8), Optional.empty()), pac())
                .read(List.of(URI.create("https://mail.google.com/")), f -> { }, w -> { }, Instant.now().plusSeconds(20));
        assertThat(r2.proxies()).containsExactly(new ProxyDiscovery.Found(ProxyOrigin.USER, "user.example:3128", ""));
    }

    @Test
    void theSettingsManualProxyIsCheckedToo() throws Exception {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("Negotiate")) {
            String settings = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n"
                    + "    ProxyEnable    REG_DWORD    0x1\r\n"
                    + "    ProxyServer    REG_SZ    127.0.0.1:" + proxy.port() + "\r\n";
            BiFunction<HostEvidence, Duration, HostCommands.Output> outputs = (source, deadline) -> new HostCommands.Output(
                    source, source == HostEvidence.INTERNET_SETTINGS ? settings.getBytes(StandardCharsets.UTF_8) : new byte[0],
                    Optional.empty());
            ProbeCatalog catalog = new ProbeCatalog(List.of(ProbeCatalog.Endpoint.of("mail", "https://localhost:9/mail/r/")),
                    List.of());
            List<Fact> facts = new ArrayList<>();
            new CatalogProber((host, deadline) -> List.of(InetAddress.getByName("127.0.0.1")), new HostProbe(outputs, pac()))
                    .run(catalog, ProbeOptions.defaults().withSystemProxyDiscovery(false).withTimeout(Duration.ofSeconds(20))
                            .withProbeTimeout(Duration.ofSeconds(3)), facts::add, w -> { });

            assertThat(facts).filteredOn(ProxyCheck.class::isInstance).map(ProxyCheck.class::cast)
                    .anySatisfy(c -> {
                        assertThat(c.proxy()).isEqualTo("127.0.0.1:" + proxy.port());
                        assertThat(c.reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
                        assertThat(c.origin()).isEqualTo(ProxyOrigin.USER); // where it was found, not "given"
                    });
            // its setting is the one read from the Internet Settings, not a second one from the probes
            assertThat(facts).filteredOn(ProxySetting.class::isInstance).map(ProxySetting.class::cast)
                    .singleElement().satisfies(p -> {
                        assertThat(p.origin()).isEqualTo(ProxyOrigin.USER);
                        assertThat(p.source().file()).isEqualTo("host/internet-settings.txt");
                    });
        }
    }

    @Test
    void theProbesCheckTheProxyTheScriptChoosesAndMeetIts407() throws Exception {
        try (PacTestServer server = new PacTestServer(); ProxyTestServer proxy = ProxyTestServer.requiringAuth("NTLM")) {
            String script = server.serve("/proxy.pac", """
                    function FindProxyForURL(url, host) {
                      return host == "localhost" ? "PROXY 127.0.0.1:%d" : "DIRECT";
                    }""".formatted(proxy.port()));
            ProbeCatalog catalog = new ProbeCatalog(List.of(ProbeCatalog.Endpoint.of("mail", "https://localhost:9/mail/r/")),
                    List.of());
            HostResolver loopback = (host, deadline) -> List.of(InetAddress.getByName("127.0.0.1"));
            List<Fact> facts = new ArrayList<>();
            new CatalogProber(loopback, new HostProbe(settingsNaming(script), pac())).run(catalog,
                    ProbeOptions.defaults().withSystemProxyDiscovery(false).withTimeout(Duration.ofSeconds(20))
                            .withProbeTimeout(Duration.ofSeconds(3)), facts::add, w -> { });

            assertThat(facts).filteredOn(ProxyCheck.class::isInstance).map(ProxyCheck.class::cast)
                    .anySatisfy(c -> {
                        assertThat(c.proxy()).isEqualTo("127.0.0.1:" + proxy.port());
                        assertThat(c.status()).isEqualTo(ProbeStatus.PROBLEM);
                        assertThat(c.reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
                        assertThat(c.schemes()).contains("NTLM");
                        assertThat(c.origin()).isEqualTo(ProxyOrigin.SCRIPT);
                    });
            assertThat(facts).noneMatch(ProxySetting.class::isInstance);
        }
    }

    @Test
    void offWindowsNothingRunsAndNothingIsSaid() {
        org.junit.jupiter.api.Assumptions.assumeFalse(HostCommands.available(), "off Windows only");
        List<Fact> facts = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        HostProbe.Result r = new HostProbe().read(List.of(URI.create("https://mail.google.com/")), facts::add,
                warnings::add, Instant.now().plusSeconds(5));
        assertThat(r.summaries()).isEmpty();
        assertThat(r.proxies()).isEmpty();
        assertThat(facts).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
