package dev.sonde.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Windows proxy server lists: the entry HTTPS takes, normalised. */
class ProxyServerListsTest {

    @Test
    void oneAddressForEverySchemeIsThatAddress() {
        assertThat(ProxyServerLists.forHttps("proxy.corp.example:8080")).contains("proxy.corp.example:8080");
    }

    @Test
    void aPerSchemeListGivesTheHttpsEntryElseHttpElseTheFirst() {
        assertThat(ProxyServerLists.forHttps("http=web.corp:3128;https=secure.corp:8443")).contains("secure.corp:8443");
        assertThat(ProxyServerLists.forHttps("ftp=ftp.corp:21;http=web.corp")).contains("web.corp:80");
        assertThat(ProxyServerLists.forHttps("ftp=ftp.corp:21 socks=s.corp:1080")).contains("ftp.corp:21");
        assertThat(ProxyServerLists.forHttps("HTTPS=Secure.corp:8443")).contains("Secure.corp:8443");
    }

    @Test
    void nothingNamedIsEmpty() {
        assertThat(ProxyServerLists.forHttps(null)).isEmpty();
        assertThat(ProxyServerLists.forHttps("  ")).isEmpty();
        assertThat(ProxyServerLists.forHttps(";;https=;")).isEmpty();
    }

    @Test
    void credentialsInAProxyUrlAreDropped() {
        assertThat(ProxyServerLists.normalise("http://user:secret@proxy.corp:3128/")).isEqualTo("proxy.corp:3128");
        assertThat(ProxyServerLists.forHttps("https=http://user:secret@proxy.corp:3128/")).contains("proxy.corp:3128");
    }

    @Test
    void ipv6LiteralsKeepTheirPortOrGet80() {
        assertThat(ProxyServerLists.normalise("[::1]:3128")).isEqualTo("[::1]:3128");
        assertThat(ProxyServerLists.normalise("[::1]")).isEqualTo("[::1]:80");
    }
}
