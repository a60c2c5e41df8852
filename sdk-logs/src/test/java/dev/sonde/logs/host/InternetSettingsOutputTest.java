package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.ProxySettingsPerMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Internet Settings reader on its documented sample and on the outputs of English and French Windows. */
class InternetSettingsOutputTest {

    static List<Fact> parse(String file, String text) {
        return InternetSettingsOutput.parse(file, List.of(text.split("\\R", -1)));
    }

    @Test
    void documentedSample() {
        List<Fact> facts = parse(InternetSettingsOutput.FILE, InternetSettingsOutput.SAMPLE);

        assertThat(facts).containsExactly(
                new ProxySetting(ProxyOrigin.USER, "secure.corp.example:8443", "<local>;*.corp.example", LogTime.UNKNOWN, "",
                        new Evidence("internet-settings.txt", 6,
                                "    ProxyServer    REG_SZ    http=web.corp.example:3128;https=secure.corp.example:8443")),
                new ProxyScriptSetting(ProxyOrigin.USER, "http://wpad.corp.example/proxy.pac", true, LogTime.UNKNOWN, "",
                        new Evidence("internet-settings.txt", 8, "    AutoConfigURL    REG_SZ    http://wpad.corp.example/proxy.pac")));
    }

    @Test
    void theSampleIsShownAtTheTopOfTheClass() {
        assertThat(HostSamples.shownAtTheTop("InternetSettingsOutput")).isEqualTo(InternetSettingsOutput.SAMPLE);
    }

    @Test
    void aDisabledProxyOrOneWithoutServerIsNone() {
        assertThat(parse("x", """
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x0
                    ProxyServer    REG_SZ    proxy.corp.example:8080
                """)).isEmpty();
        assertThat(parse("x", """
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ
                """)).isEmpty();
    }

    @Test
    void autoDetectAloneIsAScriptSettingWithoutUrlQuotingTheConnectionSettings() {
        List<Fact> facts = parse("internet-settings.txt", """
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections
                    DefaultConnectionSettings    REG_BINARY    4600000002000000090000000000000000000000
                """);
        assertThat(facts).singleElement().isInstanceOfSatisfying(ProxyScriptSetting.class, s -> {
            assertThat(s.autoDetect()).isTrue();
            assertThat(s.hasScript()).isFalse();
            assertThat(s.source().line()).isEqualTo(2);
        });
        // byte 8 = 0x01: direct only, auto-detect off, no script: nothing to say
        assertThat(parse("x", """
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections
                    DefaultConnectionSettings    REG_BINARY    46000000020000000100000000000000
                """)).isEmpty();
        // too short to hold the flags
        assertThat(parse("x", """
                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections
                    DefaultConnectionSettings    REG_BINARY    4600000002000000
                """)).isEmpty();
    }

    /** A French Windows: the messages are translated, value names and types never are. */
    static final String POLICY_FR = """
            ERREUR : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.

            HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                ProxyEnable    REG_DWORD    0x1
                ProxyServer    REG_SZ    proxy.exemple.fr:3128
                ProxyOverride    REG_SZ    <local>
                AutoConfigURL    REG_SZ    http://jean:motdepasse@pac.exemple.fr/proxy.pac

            """;

    @Test
    void frenchPolicyOutput() {
        List<Fact> facts = parse(InternetSettingsOutput.POLICY_FILE, POLICY_FR);
        assertThat(facts).hasSize(2);
        assertThat(facts.get(0)).isEqualTo(new ProxySetting(ProxyOrigin.POLICY, "proxy.exemple.fr:3128", "<local>", LogTime.UNKNOWN, "",
                new Evidence("internet-settings-policy.txt", 5, "    ProxyServer    REG_SZ    proxy.exemple.fr:3128")));
        ProxyScriptSetting s = (ProxyScriptSetting) facts.get(1);
        assertThat(s.origin()).isEqualTo(ProxyOrigin.POLICY);
        assertThat(s.autoConfigUrl()).isEqualTo("http://pac.exemple.fr/proxy.pac"); // credentials dropped
        assertThat(s.source().text()).doesNotContain("motdepasse");
        assertThat(s.autoDetect()).isFalse();
    }

    @Test
    void englishErrorOutputIsNothing() {
        assertThat(parse("x", "ERROR: The system was unable to find the specified registry key or value.\r\n")).isEmpty();
        assertThat(parse("x", "")).isEmpty();
    }

    @Test
    void theMachinePolicyWinsOverTheUsersAndTheUsersSettingsStayApart() {
        String text = """
                HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ    user-policy.example:1

                HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyServer    REG_SZ    machine-policy.example:2

                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ    user.example:3
                """;
        assertThat(parse("x", text)).extracting(f -> ((ProxySetting) f).origin() + " " + ((ProxySetting) f).proxy())
                .containsExactlyInAnyOrder("policy machine-policy.example:2", "user user.example:3");
    }

    @Test
    void perMachineProxySettingsPutTheUsersOutOfForce() {
        String text = """
                HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxySettingsPerUser    REG_DWORD    0x0

                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ    user.example:3
                """;
        List<Fact> facts = parse("x", text);
        assertThat(facts).filteredOn(ProxySettingsPerMachine.class::isInstance).singleElement()
                .satisfies(f -> assertThat(f.source().line()).isEqualTo(2));
        ProxySetting user = facts.stream().filter(ProxySetting.class::isInstance).map(ProxySetting.class::cast).findFirst()
                .orElseThrow();
        assertThat(user.origin().internetSettingsRank(true)).isEqualTo(-1); // read, but not in force
        assertThat(user.origin().internetSettingsRank(false)).isEqualTo(1);
        assertThat(parse("x", text.replace("0x0", "0x1"))).noneMatch(ProxySettingsPerMachine.class::isInstance);
        // the user's own policy key cannot make settings per-machine: only the machine's policy does
        assertThat(parse("x", text.replace("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER")))
                .noneMatch(ProxySettingsPerMachine.class::isInstance);
    }

    @Test
    void theMachinesOwnSettingsAreItsOriginAndOtherSubkeysAreNotRead() {
        assertThat(parse("x", """
                HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ    machine.example:3
                    AutoConfigURL    REG_SZ    http://wpad.corp.example/machine.pac

                HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap
                    ProxyEnable    REG_DWORD    0x1
                    ProxyServer    REG_SZ    zonemap.example:3
                    AutoDetect    REG_DWORD    0x1
                """)).extracting(f -> f instanceof ProxySetting p ? p.origin() + " " + p.proxy()
                        : ((ProxyScriptSetting) f).origin() + " " + ((ProxyScriptSetting) f).autoConfigUrl())
                .containsExactly("machine machine.example:3", "machine http://wpad.corp.example/machine.pac");
    }

    @Test
    void credentialsAreDroppedFromScriptUrls() {
        assertThat(InternetSettingsOutput.withoutCredentials("http://u:p@pac.example/p.pac?x=a@b")).isEqualTo("http://pac.example/p.pac?x=a@b");
        assertThat(InternetSettingsOutput.withoutCredentials("file://c:/pac/p.pac")).isEqualTo("file://c:/pac/p.pac");
        assertThat(InternetSettingsOutput.withoutCredentials("@")).isEqualTo("");
        assertThat(InternetSettingsOutput.withoutCredentials("")).isEqualTo("");
    }
}
