package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PAC facts: what rules read from them, and what their constructors refuse or clip. */
class PacFactsTest {

    static final Evidence SRC = new Evidence("probe:pac", 0, "FindProxyForURL(...)");

    @Test
    void aRouteSaysWhetherItIsDirectAndWhichProxyComesFirst() {
        PacRoute viaProxy = new PacRoute("http://wpad/proxy.pac", "https://www.googleapis.com/", "www.googleapis.com",
                "PROXY p:3128; DIRECT", List.of(new PacProxy(PacProxy.Type.PROXY, "p:3128"), PacProxy.DIRECT),
                LogTime.UNKNOWN, "", SRC);
        assertThat(viaProxy.direct()).isFalse();
        assertThat(viaProxy.firstProxy()).isEqualTo("p:3128");
        assertThat(viaProxy.proxies().get(0).type().http()).isTrue();
        assertThat(viaProxy.proxies().get(0)).hasToString("PROXY p:3128");
        assertThat(viaProxy.failure()).isFalse();
        PacRoute direct = new PacRoute("proxy.pac", "http://crl.pki.goog/", "crl.pki.goog", "DIRECT",
                List.of(PacProxy.DIRECT), LogTime.UNKNOWN, "", SRC);
        assertThat(direct.direct()).isTrue();
        assertThat(direct.firstProxy()).isEmpty();
        assertThat(PacProxy.Type.SOCKS5.http()).isFalse();
        assertThatThrownBy(() -> new PacRoute("s", "u", "h", "", List.of(), LogTime.UNKNOWN, "", SRC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureIsAlwaysAFailureWithItsDetailOnOneClippedLine() {
        PacFailure f = new PacFailure("http://wpad/proxy.pac", null, PacFailureReason.THREW,
                "threw\r\nat line 3\t" + "x".repeat(5000), LogTime.UNKNOWN, "", SRC);
        assertThat(f.failure()).isTrue();
        assertThat(f.url()).isEmpty();
        assertThat(f.detail()).startsWith("threw at line 3 x").doesNotContain("\n").hasSize(PacFailure.MAX_DETAIL);
    }

    @Test
    void downloadFailuresAreToldFromScriptFailures() {
        assertThat(List.of(PacFailureReason.values())).filteredOn(PacFailureReason::download).containsExactly(
                PacFailureReason.UNREACHABLE, PacFailureReason.BAD_ANSWER, PacFailureReason.TOO_LARGE,
                PacFailureReason.NOT_ALLOWED);
    }
}
