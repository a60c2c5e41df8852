package dev.sonde.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.facts.ClockReason;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.ProbeReason;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;


/** The shared result shape: status fixed by the reason, immutable sorted detail. */
class ProbeOutcomeTest {

    @Test
    void statusFollowsTheReason() {
        ProbeOutcome<TcpReason> ok = ProbeOutcome.of(TcpReason.CONNECTED, "h:1", Map.of(), Duration.ZERO);
        ProbeOutcome<TlsReason> notRun = ProbeOutcome.of(TlsReason.CONNECT_FAILED, "h:1", Map.of(), Duration.ZERO);

        assertThat(ok.status()).isEqualTo(ProbeStatus.OK);
        assertThat(ok.ok()).isTrue();
        assertThat(notRun.status()).isEqualTo(ProbeStatus.NOT_RUN);
        assertThat(notRun.problem()).isFalse();
        assertThatThrownBy(() -> new ProbeOutcome<>(ProbeStatus.OK, TcpReason.REFUSED, "h:1", Map.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REFUSED means PROBLEM");
    }

    @Test
    void everyFamilyHasExactlyOneOkReason() {
        List<ProbeReason[]> families = List.of(DnsReason.values(), TcpReason.values(), TlsReason.values(), UrlReason.values(),
                ProxyReason.values(), ClockReason.values());

        for (ProbeReason[] family : families) {
            assertThat(Arrays.stream(family).filter(r -> r.status() == ProbeStatus.OK)).hasSize(1);
        }
        // revocation has one per kind: GOOD for a CRL or OCSP answer, REACHABLE for a plain GET to a revocation host
        assertThat(Stream.of(RevocationReason.values()).filter(r -> r.status() == ProbeStatus.OK))
                .containsExactly(RevocationReason.GOOD, RevocationReason.REACHABLE);
        assertThat(Stream.of(TlsReason.values()).filter(r -> r.status() == ProbeStatus.NOT_RUN))
                .containsExactly(TlsReason.CONNECT_FAILED, TlsReason.DNS_FAILED);
    }

    @Test
    void detailIsACopySortedByKeyAndUnmodifiable() {
        Map<String, String> source = new HashMap<>(Map.of("z", "1", "a", "2", "m", "3"));
        ProbeOutcome<TcpReason> o = ProbeOutcome.of(TcpReason.REFUSED, "h:1", source, Duration.ofMillis(3));
        source.put("b", "changed later");

        assertThat(o.detail()).containsExactly(Map.entry("a", "2"), Map.entry("m", "3"), Map.entry("z", "1"));
        assertThat(o.detail("missing")).isEmpty();
        assertThatThrownBy(() -> o.detail().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(o).isEqualTo(ProbeOutcome.of(TcpReason.REFUSED, "h:1", Map.of("a", "2", "m", "3", "z", "1"), Duration.ofMillis(3)));
    }

    @Test
    void negativeElapsedAndNullsAreRejected() {
        assertThatThrownBy(() -> ProbeOutcome.of(TcpReason.REFUSED, "h:1", Map.of(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbeOutcome.of(TcpReason.REFUSED, null, Map.of(), Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }
}
