package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.Destination;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testsupport.ReadResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample at the top of {@link AuthorizationLogFormat}, and the line syntax's tolerated variants. */
class AuthorizationLogFormatTest {

    private static LogTime at(String local) {
        return new LogTime(LocalDateTime.parse(local), null);
    }

    @Test
    void documentedSampleReadsBackFieldByField() {
        ReadResult r = ReadResult.read("Identity/auth.log", AuthorizationLogFormat.SAMPLE);

        assertThat(r.summary().format()).isEqualTo("gwsmo-authorization");
        assertThat(r.summary().linesRead()).isEqualTo(20);
        assertThat(r.summary().linesSkipped()).isZero();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.facts()).extracting(f -> f.getClass().getSimpleName()).containsExactly(
                "TlsFailure", "Certificate", "TlsFailure", "TlsFailure", "NetworkError", "ProxyEvent", "Destination");
        assertThat(r.facts()).allSatisfy(f -> assertThat(f.thread()).isEmpty());
        assertThat(r.facts()).allSatisfy(f -> assertThat(f.time().zoned()).isFalse());

        List<TlsFailure> tls = r.tlsFailures();
        assertThat(tls).extracting(TlsFailure::flags).containsOnly(java.util.Set.of(SecurityFlag.INVALID_CA));
        assertThat(tls).extracting(t -> t.source().line()).containsExactly(1L, 17L, 18L);
        assertThat(tls.get(1).source().text()).isEqualTo("[2023-11-14T22:05:09:126:ERROR:windows_http.cc(282)]"
                + " WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The certificate chains to an untrusted authority.");
        assertThat(tls.get(2).source().text()).endsWith("WinHttpSendRequest failed: error 12045 (ERROR_WINHTTP_SECURE_INVALID_CA)");
        assertThat(tls).extracting(TlsFailure::time).containsExactly(
                at("2023-11-14T22:05:09.125"), at("2023-11-14T22:05:09.126"), at("2023-11-14T22:05:09.127"));

        Certificate c = r.certificates().get(0);
        assertThat(c.subject()).containsExactly("US", "California", "Mountain View", "Google LLC", "*.googleapis.com");
        assertThat(c.issuer()).containsExactly("US", "Zscaler Inc.", "Zscaler Intermediate Root CA (zscaler.net)");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2023-10-02T00:00:00Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2024-10-01T23:59:59Z"));
        assertThat(c.time()).isEqualTo(at("2023-11-14T22:05:09.125"));
        assertThat(c.source().line()).isEqualTo(2);
        assertThat(c.source().text()).startsWith("[2023-11-14T22:05:09.125:ERROR:windows_http.cc(340)] Certificate details:\n")
                .endsWith("\nZscaler Intermediate Root CA (zscaler.net)\n-------------");

        NetworkError e = r.networkErrors().get(0);
        assertThat(e.code()).isEqualTo(NetworkErrorCode.SECURE_INVALID_CA);
        assertThat(e.operation()).isEqualTo("WinHttpSendRequest");
        assertThat(e.time()).isEqualTo(at("2023-11-14T22:05:09.127"));
        assertThat(e.source().line()).isEqualTo(18);
        assertThat(e.source().text()).isEqualTo(tls.get(2).source().text());

        ProxyEvent p = r.proxyEvents().get(0);
        assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
        assertThat(p.schemes()).containsExactly("Basic");
        assertThat(p.proxy()).isEqualTo("proxy.corp.example:8080");
        assertThat(p.time()).isEqualTo(at("2023-11-14T22:05:10"));
        assertThat(p.source().line()).isEqualTo(19);
        assertThat(p.source().text()).endsWith("answered status 407; Proxy-Authenticate: Basic realm=\"corp\"");

        Destination d = r.destinations().get(0);
        assertThat(d.ip()).isEqualTo("10.20.30.40");
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.hostName()).isEqualTo("proxy.corp.example");
        assertThat(d.time()).isEqualTo(at("2023-11-14T22:05:10"));
        assertThat(d.source().line()).isEqualTo(20);
        assertThat(d.source().text()).endsWith("Network connection destination details: 10.20.30.40:8080 (proxy.corp.example)");
    }

    @Test
    void parsesEveryPartOfALine() {
        RecordStart s = AuthorizationLogFormat.parse("[2022-09-21T03:59:46:ERROR:windows_http.cc(331)] TLS connection failure.");
        assertThat(s).isNotNull();
        assertThat(s.format()).isEqualTo("gwsmo-authorization");
        assertThat(s.time()).isEqualTo(at("2022-09-21T03:59:46"));
        assertThat(s.thread()).isEmpty();
        assertThat(s.level()).isEqualTo("ERROR");
        assertThat(s.location()).isEqualTo("windows_http.cc(331)");
        assertThat(s.message()).isEqualTo("TLS connection failure.");
    }

    @Test
    void toleratesFractionsAndLevelWords() {
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46.123:INFO:a.cc(1)] m").time()).isEqualTo(at("2022-09-21T03:59:46.123"));
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46:123:INFO:a.cc(1)] m").time()).isEqualTo(at("2022-09-21T03:59:46.123"));
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46,5:INFO:a.cc(1)] m").time()).isEqualTo(at("2022-09-21T03:59:46.5"));
        for (String level : List.of("INFO", "WARNING", "ERROR", "FATAL", "VERBOSE1")) {
            assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46:" + level + ":a.cc(1)] m").level()).isEqualTo(level);
        }
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46Z:INFO:a.cc(1)] zoned").time().zoned()).isTrue();
    }

    @Test
    void rejectsLinesThatAreNotAuthorizationRecords() {
        assertThat(AuthorizationLogFormat.parse("[Status: 0x00010000. Status Info: 0x00000001]")).isNull();
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46] no level")).isNull();
        assertThat(AuthorizationLogFormat.parse("[2022-09-21T03:59:46:ERROR:no closing bracket")).isNull();
        assertThat(AuthorizationLogFormat.parse("[2022-02-30T03:59:46:ERROR:a.cc(1)] no such day")).isNull();
        assertThat(AuthorizationLogFormat.parse("2017-09-21T04:10:04.356-03:00 1a20 E:Network x ()> trace")).isNull();
    }
}
