package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxySetting;
import dev.sonde.logs.GwsmoLogReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A saved {@code netsh winhttp show proxy}, found by its name and read by the real log reader, as a bundle's is. */
class WinHttpProxyOutputTest {

    private final List<Fact> facts = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    private InputSummary read(String name, String text) {
        return new GwsmoLogReader().read(LogInput.ofText(name, text), facts::add, warnings::add, Instant.now().plusSeconds(30));
    }

    @Test
    void aConfiguredProxyIsAWinHttpSettingWithItsLine() {
        InputSummary s = read("bundle.zip!/host/winhttp-proxy.txt", """
                Current WinHTTP proxy settings:

                    Proxy Server(s) :  http=web.corp:3128;https=secure.corp:8443
                    Bypass List     :  <local>;*.corp.example
                """);
        assertThat(s.format()).isEqualTo("host:winhttp-proxy");
        assertThat(s.status()).isEqualTo(InputSummary.Status.READ);
        assertThat(facts).singleElement().isInstanceOfSatisfying(ProxySetting.class, p -> {
            assertThat(p.origin()).isEqualTo(ProxyOrigin.WINHTTP);
            assertThat(p.proxy()).isEqualTo("secure.corp:8443");
            assertThat(p.bypass()).isEqualTo("<local>;*.corp.example");
            assertThat(p.source().file()).isEqualTo("bundle.zip!/host/winhttp-proxy.txt");
            assertThat(p.source().line()).isEqualTo(3);
        });
        assertThat(warnings).isEmpty();
    }

    @Test
    void directAccessInFrenchIsNoSetting() {
        InputSummary s = read("winhttp-proxy.txt", "Paramètres actuels du proxy WinHTTP :\r\n\r\n    Accès direct (aucun serveur proxy).\r\n");
        assertThat(s.status()).isEqualTo(InputSummary.Status.READ);
        assertThat(facts).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
