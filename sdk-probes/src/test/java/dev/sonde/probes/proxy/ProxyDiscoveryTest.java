package dev.sonde.probes.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ProxyOrigin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy discovery on text and maps (no network): given proxies, netsh's text, the environment, the JVM's settings. */
class ProxyDiscoveryTest {

    static final String PROXY = """
            Current WinHTTP proxy settings:

                Proxy Server(s) :  proxy.corp.example:8080
                Bypass List     :  <local>;*.corp.example
            """;

    @Test
    void discoveryReadsGivenProxiesNetshTextAndTheEnvironmentOnceEach() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp.example:8080", "NO_PROXY", "localhost,.corp",
                "HTTP_PROXY", "http://other.corp:3128");
        List<ProxyDiscovery.Found> found = ProxyDiscovery.discover(List.of("127.0.0.1:9"), PROXY, true, env::get,
                name -> null, URI.create("https://localhost/"));
        assertThat(found).extracting(ProxyDiscovery.Found::origin, ProxyDiscovery.Found::proxy).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple(ProxyOrigin.GIVEN, "127.0.0.1:9"),
                org.assertj.core.groups.Tuple.tuple(ProxyOrigin.WINHTTP, "proxy.corp.example:8080"),
                org.assertj.core.groups.Tuple.tuple(ProxyOrigin.ENV, "other.corp:3128"));
        assertThat(found).filteredOn(f -> f.proxy().equals("proxy.corp.example:8080")).hasSize(1);
        assertThat(found.get(0).host()).isEqualTo("127.0.0.1");
        assertThat(found.get(0).port()).isEqualTo(9);
    }

    @Test
    void systemPropertiesAreRead() {
        Map<String, String> props = Map.of("https.proxyHost", "jvm.corp", "https.proxyPort", "8443");
        assertThat(ProxyDiscovery.discover(List.of(), "", true, name -> null, props::get, URI.create("https://localhost/")))
                .extracting(ProxyDiscovery.Found::proxy).contains("jvm.corp:8443");
    }

    @Test
    void withoutSystemDiscoveryOnlyWhatIsGivenCounts() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp.example:8080");
        assertThat(ProxyDiscovery.discover(List.of(), "", false, env::get, name -> null, URI.create("https://localhost/"))).isEmpty();
    }
}
