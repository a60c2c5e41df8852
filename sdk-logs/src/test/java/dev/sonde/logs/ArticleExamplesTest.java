package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.InputSummary;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Destination;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.ReadResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The help article's two log examples, verbatim, read back fact by fact. */
class ArticleExamplesTest {

    private static final LogTime EXAMPLE1_TIME = new LogTime(LocalDateTime.parse("2022-09-21T03:59:46"), null);
    private static final LogTime EXAMPLE2_TIME =
            new LogTime(LocalDateTime.parse("2017-09-21T04:10:04.356"), ZoneOffset.ofHours(-3));

    @Test
    void authorizationExampleReadsAsClockSkewEvidence() {
        ReadResult r = ReadResult.read("Identity/auth.log", GwsmoLogs.articleExample1());

        assertThat(r.summary()).isEqualTo(new InputSummary("Identity/auth.log", "gwsmo-authorization", "decoded text",
                19, 0, r.facts().size(), InputSummary.Status.READ));
        assertThat(r.warnings()).isEmpty();

        List<TlsFailure> tls = r.tlsFailures();
        assertThat(tls).hasSize(2);
        assertThat(tls).allSatisfy(t -> {
            assertThat(t.flags()).containsExactly(SecurityFlag.CERT_REV_FAILED);
            assertThat(t.time()).isEqualTo(EXAMPLE1_TIME);
            assertThat(t.thread()).isEmpty();
        });
        assertThat(tls.get(0).source().line()).isEqualTo(1); // Status Info: 0x00000001
        assertThat(tls.get(0).source().text()).contains("Status Info: 0x00000001");
        assertThat(tls.get(1).source().line()).isEqualTo(17); // the flag line
        assertThat(tls.get(1).source().text()).startsWith("[2022-09-21T03:59:46:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED");

        assertThat(r.certificates()).hasSize(1);
        Certificate c = r.certificates().get(0);
        assertThat(c.subject()).containsExactly("US", "California", "Mountain View", "Google Inc", "*.googleapis.com");
        assertThat(c.issuer()).containsExactly("US", "Google Inc", "Google Internet Authority G2");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2017-09-13T17:23:55Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2017-12-06T17:10:00Z"));
        assertThat(c.time()).isEqualTo(EXAMPLE1_TIME);
        assertThat(c.time().zoned()).isFalse();
        assertThat(c.thread()).isEmpty();
        assertThat(c.subjectName()).isEqualTo("*.googleapis.com");
        assertThat(c.issuerName()).isEqualTo("Google Internet Authority G2");
        assertThat(c.observedAfterValidity()).isTrue();
        assertThat(c.source().line()).isEqualTo(2);
        assertThat(c.source().text()).startsWith("[2022-09-21T03:59:46:ERROR:windows_http.cc(340)] Certificate details:\n---Validity--\n")
                .endsWith("Google Internet Authority G2\n-------------");

        assertThat(r.proxyEvents()).containsExactly(new ProxyEvent(ProxyEvent.Kind.DIRECT_FALLBACK, List.of(), "",
                EXAMPLE1_TIME, "", r.proxyEvents().get(0).source()));
        assertThat(r.proxyEvents().get(0).source().line()).isEqualTo(18);

        assertThat(r.networkErrors()).hasSize(1);
        NetworkError e = r.networkErrors().get(0);
        assertThat(e.code()).isEqualTo(NetworkErrorCode.SECURE_FAILURE);
        assertThat(e.operation()).isEqualTo("WinHttpSendRequest");
        assertThat(e.time()).isEqualTo(EXAMPLE1_TIME);
        assertThat(e.source().line()).isEqualTo(18);
        assertThat(e.source().text()).endsWith("Code: 0x00002f8f");

        assertThat(r.destinations()).hasSize(1);
        Destination d = r.destinations().get(0);
        assertThat(d.ip()).isEqualTo("216.58.194.170");
        assertThat(d.port()).isEqualTo(443);
        assertThat(d.hostName()).isEqualTo("sfo07s13-in-f170.1e100.net");
        assertThat(d.loopback()).isFalse();
        assertThat(d.time()).isEqualTo(EXAMPLE1_TIME);
        assertThat(d.source().line()).isEqualTo(19);

        assertThat(r.clientInfos()).isEmpty();
        assertThat(r.facts()).hasSize(6);
    }

    @Test
    void traceExampleReadsAsFiddlerInterception() {
        ReadResult r = ReadResult.read("Trace-2017-09-21-04-10-00-p4242.log", GwsmoLogs.articleExample2());

        assertThat(r.summary().format()).isEqualTo("gwsmo-trace");
        assertThat(r.summary().status()).isEqualTo(InputSummary.Status.READ);
        assertThat(r.summary().linesRead()).isEqualTo(19);
        assertThat(r.summary().linesSkipped()).isZero();
        assertThat(r.summary().facts()).isEqualTo(r.facts().size());
        assertThat(r.warnings()).isEmpty();

        List<TlsFailure> tls = r.tlsFailures();
        assertThat(tls).hasSize(2);
        assertThat(tls).allSatisfy(t -> {
            assertThat(t.flags()).containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
            assertThat(t.time()).isEqualTo(EXAMPLE2_TIME);
            assertThat(t.time().instant()).isEqualTo(Instant.parse("2017-09-21T07:10:04.356Z"));
            assertThat(t.thread()).isEqualTo("1a20");
        });
        assertThat(tls.get(0).source().line()).isEqualTo(1); // Status/Info bitmask
        assertThat(tls.get(1).source().line()).isEqualTo(2); // "Failure details:" with the flag names
        assertThat(tls.get(1).source().text())
                .contains("Failure details:\nWINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED")
                .contains("\nWINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA");

        assertThat(r.certificates()).hasSize(1);
        Certificate c = r.certificates().get(0);
        assertThat(c.subject()).containsExactly("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "*.google.com");
        assertThat(c.issuer()).containsExactly("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "DO_NOT_TRUST_FiddlerRoot");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2016-09-20T04:08:45Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2022-09-20T04:08:45Z"));
        assertThat(c.time()).isEqualTo(EXAMPLE2_TIME);
        assertThat(c.thread()).isEqualTo("1a20");
        assertThat(c.observedAfterValidity()).isFalse();
        assertThat(c.observedBeforeValidity()).isFalse();
        assertThat(c.source().line()).isEqualTo(5);
        assertThat(c.source().text()).startsWith("Certificate details:\n---Validity--").endsWith("\n-------------");

        assertThat(r.networkErrors()).hasSize(1);
        NetworkError e = r.networkErrors().get(0);
        assertThat(e.code()).isEqualTo(NetworkErrorCode.SECURE_FAILURE);
        assertThat(e.operation()).isEqualTo("WinHttpSendRequest");
        assertThat(e.thread()).isEqualTo("1a20");
        assertThat(e.time()).isEqualTo(EXAMPLE2_TIME);
        assertThat(e.source().line()).isEqualTo(18);

        assertThat(r.destinations()).hasSize(1);
        Destination d = r.destinations().get(0);
        assertThat(d.ip()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isEqualTo(8888);
        assertThat(d.hostName()).isEqualTo("COMPUTERNAME");
        assertThat(d.loopback()).isTrue();
        assertThat(d.thread()).isEqualTo("1a20");
        assertThat(d.source().line()).isEqualTo(19);

        assertThat(r.proxyEvents()).isEmpty();
        assertThat(r.clientInfos()).hasSize(1);
        ClientInfo ci = r.clientInfos().get(0);
        assertThat(ci.product()).isEqualTo("GWMMO");
        assertThat(ci.exe()).isEqualTo("ClientMigration");
        assertThat(ci.version()).isEmpty();
        assertThat(ci.source().line()).isEqualTo(1);
        assertThat(r.facts()).hasSize(6);
        assertThat(r.facts()).noneMatch(f -> f instanceof TlsFailure t && !t.flags().equals(
                Set.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA)));
    }
}
