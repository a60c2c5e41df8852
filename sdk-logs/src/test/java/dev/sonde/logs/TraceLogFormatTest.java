package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample at the top of {@link TraceLogFormat}, and the line syntax's tolerated variants. */
class TraceLogFormatTest {

    private static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);

    private static LogTime at(String local) {
        return new LogTime(LocalDateTime.parse(local), PLUS_ONE);
    }

    @Test
    void documentedSampleReadsBackFieldByField() {
        ReadResult r = ReadResult.read("Trace-2024-03-05-09-15-00-p4242.log", TraceLogFormat.SAMPLE);

        assertThat(r.summary().format()).isEqualTo("gwsmo-trace");
        assertThat(r.summary().linesRead()).isEqualTo(20);
        assertThat(r.summary().linesSkipped()).isZero();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.facts()).extracting(f -> f.getClass().getSimpleName()).containsExactly(
                "ClientInfo", "TlsFailure", "Certificate", "NetworkError", "Destination", "ProxyEvent");
        assertThat(r.summary().facts()).isEqualTo(6);

        ClientInfo ci = r.clientInfos().get(0);
        assertThat(ci.product()).isEqualTo("GWSMO");
        assertThat(ci.exe()).isEqualTo("outlook.exe");
        assertThat(ci.version()).isEqualTo("4.3.68.0");
        assertThat(ci.olderThan("4.4")).isTrue();
        assertThat(ci.thread()).isEmpty();
        assertThat(ci.time()).isEqualTo(at("2024-03-05T09:15:22.481"));
        assertThat(ci.source().line()).isEqualTo(1);
        assertThat(ci.source().text()).isEqualTo("Exe name: outlook.exe");

        TlsFailure tls = r.tlsFailures().get(0);
        assertThat(tls.flags()).containsExactlyInAnyOrder(SecurityFlag.CERT_CN_INVALID, SecurityFlag.CERT_DATE_INVALID);
        assertThat(tls.thread()).isEqualTo("0f3c"); // printed 0F3C: normalised
        assertThat(tls.time()).isEqualTo(at("2024-03-05T09:15:22.481"));
        assertThat(tls.time().instant()).isEqualTo(Instant.parse("2024-03-05T08:15:22.481Z"));
        assertThat(tls.source().line()).isEqualTo(3);
        assertThat(tls.source().text()).isEqualTo("2024-03-05T09:15:22.481+01:00 0F3C E:Network outlook!WinHttp::HandleCallback"
                + " @ 2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000030");

        Certificate c = r.certificates().get(0);
        assertThat(c.subject()).containsExactly("*.corp.example.com");
        assertThat(c.issuer()).containsExactly("US", "Google Trust Services", "WR2");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2024-01-08T08:19:26Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2024-04-01T08:19:25Z"));
        assertThat(c.thread()).isEqualTo("0f3c");
        assertThat(c.time()).isEqualTo(at("2024-03-05T09:15:22.481"));
        assertThat(c.source().line()).isEqualTo(5);
        assertThat(c.source().text()).startsWith("Certificate details:\n---Validity--\n").endsWith("\nWR2\n-------------");

        NetworkError e = r.networkErrors().get(0);
        assertThat(e.code()).isEqualTo(NetworkErrorCode.TIMEOUT);
        assertThat(e.operation()).isEqualTo("WinHttpReceiveResponse");
        assertThat(e.time()).isEqualTo(at("2024-03-05T09:15:22.483"));
        assertThat(e.thread()).isEqualTo("0f3c");
        assertThat(e.source().line()).isEqualTo(16);
        assertThat(e.source().text()).endsWith("()> Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.");

        Destination d = r.destinations().get(0);
        assertThat(d.ip()).isEqualTo("2607:f8b0:4005:80a::200a");
        assertThat(d.port()).isEqualTo(443);
        assertThat(d.hostName()).isEmpty();
        assertThat(d.address()).isEqualTo("[2607:f8b0:4005:80a::200a]:443");
        assertThat(d.time()).isEqualTo(at("2024-03-05T09:15:22.484"));
        assertThat(d.thread()).isEqualTo("0f3c");
        assertThat(d.source().line()).isEqualTo(17);
        assertThat(d.source().text()).endsWith("()> Network connection destination details: [2607:f8b0:4005:80a::200a]:443");

        ProxyEvent p = r.proxyEvents().get(0);
        assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
        assertThat(p.schemes()).containsExactly("Negotiate", "NTLM");
        assertThat(p.proxy()).isEmpty();
        assertThat(p.thread()).isEqualTo("1b04");
        assertThat(p.time()).isEqualTo(at("2024-03-05T09:15:23.010"));
        assertThat(p.source().line()).isEqualTo(18);
        assertThat(p.source().text()).endsWith("Proxy Authentication Required\nProxy-Authenticate: Negotiate\nProxy-Authenticate: NTLM");
    }

    @Test
    void parsesEveryPartOfALine() {
        RecordStart s = TraceLogFormat.parse(
                "2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2025 ()> Secure connection failure.");
        assertThat(s).isNotNull();
        assertThat(s.format()).isEqualTo("gwsmo-trace");
        assertThat(s.time()).isEqualTo(new LogTime(LocalDateTime.parse("2017-09-21T04:10:04.356"), ZoneOffset.ofHours(-3)));
        assertThat(s.thread()).isEqualTo("1a20");
        assertThat(s.level()).isEqualTo("E");
        assertThat(s.location()).isEqualTo("ClientMigration!WinHttp::HandleCallback @ 2025");
        assertThat(s.exe()).isEqualTo("ClientMigration");
        assertThat(s.message()).isEqualTo("Secure connection failure.");
    }

    @Test
    void acceptsTheOffsetsAndLevelsLogsUse() {
        String rest = " 0001 I:Sync outlook!SyncEngine::Run @ 12 ()> hello";
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678Z" + rest).time())
                .isEqualTo(new LogTime(LocalDateTime.parse("2024-01-02T03:04:05.678"), ZoneOffset.UTC));
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678+02:00" + rest).time().offset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678+0530" + rest).time().offset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678-07" + rest).time().offset()).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05+02:00" + rest).time().local())
                .isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05"));
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.1234567+02:00" + rest).time().local().getNano()).isEqualTo(123_456_700);
        for (String level : List.of("A", "I", "E", "F", "W", "V")) {
            assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678Z 0001 " + level + ":Generic x!y::z @ 1 ()> m").level())
                    .isEqualTo(level);
        }
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678Z ABCDEF W:Generic x!y::z @ 1 ()> m").thread()).isEqualTo("abcdef");
    }

    @Test
    void isLenientAboutTheLocation() {
        RecordStart s = TraceLogFormat.parse("2024-01-02T03:04:05.678Z 0001 I:Sync Some odd location with spaces ()> the message");
        assertThat(s.message()).isEqualTo("the message");
        assertThat(s.exe()).isEmpty();
        RecordStart noArrow = TraceLogFormat.parse("2024-01-02T03:04:05.678Z 0001 I:Sync the message without a location");
        assertThat(noArrow).isNotNull();
        assertThat(noArrow.message()).isEqualTo("the message without a location");
        RecordStart emptyMessage = TraceLogFormat.parse("2024-01-02T03:04:05.678Z 0001 I:Sync x!y::z @ 1 ()>");
        assertThat(emptyMessage.message()).isEmpty();
    }

    @Test
    void rejectsLinesThatAreNotTraceRecords() {
        assertThat(TraceLogFormat.parse("Valid from: 2016-09-20T04:08:45.000Z")).isNull();
        assertThat(TraceLogFormat.parse("2016-09-20T04:08:45.000Z")).isNull();
        assertThat(TraceLogFormat.parse("2024-13-02T03:04:05.678Z 0001 I:Sync x ()> bad month")).isNull();
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678Z zzzz I:Sync x ()> not hex")).isNull();
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678Z 0001 Q:Sync x ()> unknown level")).isNull();
        assertThat(TraceLogFormat.parse("2024-01-02T03:04:05.678+99:00 0001 I:Sync x ()> bad offset")).isNull();
        assertThat(TraceLogFormat.parse("[2022-09-21T03:59:46:ERROR:windows_http.cc(331)] auth line")).isNull();
        assertThat(TraceLogFormat.parse("")).isNull();
    }
}
