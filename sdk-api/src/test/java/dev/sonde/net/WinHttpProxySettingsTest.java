package dev.sonde.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;


/** The {@code netsh winhttp show proxy} parser, on text, in English, French and German. */
class WinHttpProxySettingsTest {

    static final String PROXY = """
            Current WinHTTP proxy settings:

                Proxy Server(s) :  proxy.corp.example:8080
                Bypass List     :  <local>;*.corp.example
            """;

    static final String DIRECT = """
            Current WinHTTP proxy settings:

                Direct access (no proxy server).
            """;

    @Test
    void readsTheProxyAndBypassList() {
        assertThat(WinHttpProxySettings.parse(PROXY)).contains(
                new WinHttpProxySettings("proxy.corp.example:8080", "<local>;*.corp.example"));
    }

    @Test
    void directAccessMeansNoProxy() {
        assertThat(WinHttpProxySettings.parse(DIRECT)).isEmpty();
        assertThat(WinHttpProxySettings.parse("")).isEmpty();
        assertThat(WinHttpProxySettings.parse(null)).isEmpty();
    }

    @Test
    void aPerSchemeListGivesTheHttpsEntryAndAMissingPortIs80() {
        String text = "    Proxy Server(s) :  http=web.corp:3128;https=secure.corp:8443\r\n    Bypass List     :  (none)\r\n";
        assertThat(WinHttpProxySettings.parse(text)).contains(new WinHttpProxySettings("secure.corp:8443", ""));
        assertThat(WinHttpProxySettings.parse("Proxy Server(s) :  http=web.corp")).contains(new WinHttpProxySettings("web.corp:80", ""));
    }

    @Test
    void frenchAndGermanLabelsAreRead() {
        String french = """
                Paramètres actuels du proxy WinHTTP :

                    Serveur(s) proxy :  proxy.corp.example:8080
                    Liste de contournement :  <local>
                """;
        String german = "Aktuelle WinHTTP-Proxyeinstellungen:\r\n\r\n    Proxyserver:  web.corp:3128\r\n    Umgehungsliste:  (keine)\r\n";
        assertThat(WinHttpProxySettings.parse(french)).contains(new WinHttpProxySettings("proxy.corp.example:8080", "<local>"));
        assertThat(WinHttpProxySettings.parse(german)).contains(new WinHttpProxySettings("web.corp:3128", ""));
        assertThat(WinHttpProxySettings.parse("Paramètres actuels du proxy WinHTTP :\n\n    Accès direct (aucun serveur proxy).\n"))
                .isEmpty();
    }
}
