package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers rules call on probe facts. */
class ProbeFactsTest {

    static final Evidence SRC = new Evidence("probe:tls", 0, "TLS localhost:443");

    @Test
    void aServedChainsIssuerValuesAreEveryAttributeOfEveryIssuer() {
        ServedChain c = new ServedChain("localhost", 443, ProbeStatus.PROBLEM, TlsReason.UNTRUSTED_CHAIN, List.of(TlsReason.UNTRUSTED_CHAIN),
                "CN=*.google.com", "CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST,OU=Created by http://www.fiddler2.com",
                "CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST,OU=Created by http://www.fiddler2.com",
                List.of("CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST,OU=Created by http://www.fiddler2.com"), null, null, "",
                null, LogTime.UNKNOWN, "", SRC);
        assertThat(c.issuerValues()).containsExactly("DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST", "Created by http://www.fiddler2.com");
        assertThat(c.issuerName()).isEqualTo("DO_NOT_TRUST_FiddlerRoot");
        assertThat(c.subjectName()).isEqualTo("*.google.com");
        assertThat(c.has(TlsReason.UNTRUSTED_CHAIN)).isTrue();
        assertThat(c.has(TlsReason.EXPIRED)).isFalse();
        assertThat(c.target()).isEqualTo("localhost:443");
    }

    @Test
    void aServedChainSaysHowFarTheClockIsOutsideTheLeafsValidity() {
        java.time.Instant from = java.time.Instant.parse("2026-01-01T00:00:00Z");
        java.time.Instant until = from.plus(java.time.Duration.ofDays(84));
        ServedChain late = chain(from, until, until.plus(java.time.Duration.ofDays(3)));
        assertThat(late.leafOutsideValidity()).isTrue();
        assertThat(late.outsideValidityBy()).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(late.clock()).isEqualTo("ahead");
        assertThat(chain(from, until, from.minusSeconds(60)).clock()).isEqualTo("behind");
        assertThat(chain(from, until, from.plusSeconds(60)).leafOutsideValidity()).isFalse();
        assertThat(chain(from, until, null).outsideValidityBy()).isZero();
    }

    static ServedChain chain(java.time.Instant from, java.time.Instant until, java.time.Instant checkedAt) {
        return new ServedChain("h", 443, ProbeStatus.PROBLEM, TlsReason.EXPIRED, List.of(TlsReason.EXPIRED), "CN=h", "CN=WR2", "CN=GTS Root R1",
                List.of("CN=WR2"), from, until, "", checkedAt, LogTime.UNKNOWN, "", SRC);
    }

    @Test
    void aPortCheckSaysHowItWasBlocked() {
        PortCheck dropped = new PortCheck("crl.pki.goog", 80, List.of("revocation"), ProbeStatus.PROBLEM, TcpReason.TIMED_OUT, "",
                LogTime.UNKNOWN, "", SRC);
        PortCheck dns = new PortCheck("x", 443, List.of("mail"), ProbeStatus.PROBLEM, TcpReason.DNS_FAILED, "", LogTime.UNKNOWN, "", SRC);
        PortCheck ok = new PortCheck("::1", 443, List.of("mail"), ProbeStatus.OK, TcpReason.CONNECTED, "::1", LogTime.UNKNOWN, "", SRC);
        assertThat(dropped.blocked()).isTrue();
        assertThat(dropped.blocking()).isEqualTo("dropped");
        assertThat(dropped.serves("revocation")).isTrue();
        assertThat(dropped.revocation()).isTrue();
        assertThat(ok.revocation()).isFalse();
        assertThat(dns.blocked()).isFalse();
        assertThat(ok.blocked()).isFalse();
        assertThat(ok.target()).isEqualTo("[::1]:443");
    }

    @Test
    void probeFactsNeverJoinALogLinesAttempt() {
        ClockCheck c = new ClockCheck("https://x/", 259_200, ProbeStatus.PROBLEM, null, null, LogTime.UNKNOWN, "", SRC);
        assertThat(c.clock()).isEqualTo("ahead");
        assertThat(c.offset().toHours()).isEqualTo(72);
        Fact log = new ProbeSkipped(ProbeFamily.TLS, "x", "why", LogTime.of(java.time.Instant.now(), java.time.ZoneOffset.UTC), "",
                new Evidence("Trace.log", 3, "line"));
        assertThat(c.sameAttemptAs(log)).isFalse();
    }

    @Test
    void aReasonFixesItsFactsStatus() {
        assertThatThrownBy(() -> new PortCheck("h", 443, List.of("mail"), ProbeStatus.OK, TcpReason.TIMED_OUT, "", LogTime.UNKNOWN, "",
                SRC)).isInstanceOf(IllegalArgumentException.class).hasMessage("reason TIMED_OUT means PROBLEM, not OK");
        assertThatThrownBy(() -> new UrlCheck("mail", "https://h/", "h", ProbeStatus.PROBLEM, null, 0, "", "", LogTime.UNKNOWN, "",
                SRC)).isInstanceOf(NullPointerException.class).hasMessage("reason");
        RevocationCheck revoked = new RevocationCheck(RevocationKind.OCSP, "http://o/", "o", ProbeStatus.PROBLEM,
                RevocationReason.REVOKED, LogTime.UNKNOWN, "", SRC);
        assertThat(revoked.failed()).isFalse();
        assertThat(revoked.failure()).isTrue();
    }

    @Test
    void kindsOriginsAndFamiliesReadAsTheirLowerCaseLabels() {
        assertThat(RevocationKind.CRL).hasToString("crl");
        assertThat(ProxyOrigin.WINHTTP).hasToString("winhttp");
        assertThat(ProbeFamily.HTTPS).hasToString("https");
        assertThat(TlsReason.UNTRUSTED_CHAIN).hasToString("UNTRUSTED_CHAIN"); // reasons keep their names
    }
}
