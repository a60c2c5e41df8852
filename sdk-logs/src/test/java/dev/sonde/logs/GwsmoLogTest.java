package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.LogInput;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.GwsmoLog;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testkit.logs.TlsAttempt;
import dev.sonde.testsupport.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test kit's {@link GwsmoLog} builder against the real log reader: every method writes records that Sonde reads as
 * the facts the method's Javadoc promises, in the trace and the authorization format, at the builder's time, offset
 * and thread. The property over random sequences of steps is {@link GwsmoLogPropertyTest}.
 */
class GwsmoLogTest {

    static final Instant T0 = Instant.parse("2017-09-21T07:10:02.356Z");
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(-3);

    /** A builder of that format at {@link #T0}, {@link #OFFSET}. */
    static GwsmoLog log(LogStyle style) {
        GwsmoLog log = style == LogStyle.TRACE ? GwsmoLog.trace() : GwsmoLog.authorization();
        return log.offset(OFFSET).at(T0);
    }

    static ReadResult read(GwsmoLog log) {
        ReadResult r = ReadResult.read(log.fileName(), log.text());
        assertThat(r.warnings()).as("warnings reading\n%s", log.text()).isEmpty();
        return r;
    }

    /**
     * The time a record written at {@code t} reads as: the instant to the millisecond with the offset in a trace log,
     * the wall clock at the offset to the second, without zone, in an authorization log.
     */
    static LogTime timeOf(LogStyle style, Instant t, ZoneOffset offset) {
        return style == LogStyle.TRACE ? LogTime.of(t.truncatedTo(ChronoUnit.MILLIS), offset)
                : new LogTime(LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), offset), null);
    }

    /** The thread a record of the builder's thread reads as: the authorization format has none. */
    static String threadOf(LogStyle style, String thread) {
        return style == LogStyle.TRACE ? thread : "";
    }

    /** The facts of the records (a trace log's {@link ClientInfo}, which is the file's, left out). */
    static List<Fact> recordFacts(ReadResult r) {
        return r.facts().stream().filter(f -> !(f instanceof ClientInfo)).toList();
    }

    // ------------------------------------------------------------------ header

    @Test
    void headerGivesTheClientWithItsExeAndVersion() {
        ReadResult r = read(log(LogStyle.TRACE).header("OUTLOOK.EXE", "4.3.68.0").healthy(1));
        assertThat(r.clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("GWSMO");
            assertThat(c.exe()).isEqualTo("OUTLOOK.EXE");
            assertThat(c.version()).isEqualTo("4.3.68.0");
            assertThat(c.time()).isEqualTo(timeOf(LogStyle.TRACE, T0, OFFSET));
            assertThat(c.source().line()).isEqualTo(1);
        });
        ReadResult migration = read(log(LogStyle.TRACE).header("ClientMigration.exe", "5.1.22.0").healthy(1));
        assertThat(migration.clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("GWMMO");
            assertThat(c.exe()).isEqualTo("ClientMigration.exe");
            assertThat(c.version()).isEqualTo("5.1.22.0");
        });
    }

    @Test
    void headerComesBeforeTheRecordsWhenEverItIsCalled() {
        GwsmoLog log = log(LogStyle.TRACE).healthy(2).header("OUTLOOK.EXE", "4.3.68.0");
        assertThat(log.text()).startsWith("Exe name: OUTLOOK.EXE\nProduct version: 4.3.68.0\n");
        assertThat(read(log).clientInfos()).extracting(ClientInfo::version).containsExactly("4.3.68.0");
    }

    @Test
    void withoutHeaderATraceLogNamesTheExecutableOfItsRecords() {
        assertThat(read(log(LogStyle.TRACE).healthy(1)).clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.exe()).isEqualTo("ClientMigration");
            assertThat(c.version()).isEmpty();
        });
    }

    @Test
    void anAuthorizationLogHasNoHeader() {
        GwsmoLog log = log(LogStyle.AUTHORIZATION);
        assertThatThrownBy(() -> log.header("OUTLOOK.EXE", "4.3.68.0")).isInstanceOf(IllegalStateException.class);
        assertThat(log.text()).isEmpty();
        assertThat(read(log.healthy(1)).clientInfos()).isEmpty();
    }

    // ------------------------------------------------------------------ healthy

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void healthyRecordsReadAsNoFailure(LogStyle style) {
        for (int n = 1; n <= 12; n++) {
            ReadResult r = read(log(style).thread("77").healthy(n));
            assertThat(r.summary().linesRead()).isEqualTo(n);
            assertThat(r.tlsFailures()).isEmpty();
            assertThat(r.networkErrors()).isEmpty();
            assertThat(r.proxyEvents()).isEmpty();
            assertThat(r.destinations()).isEmpty();
            assertThat(r.certificates()).isEmpty();
            assertThat(r.facts()).noneMatch(Fact::failure);
            // the successful requests among them: one answer, the repeats within a minute not sent again
            assertThat(r.of(ServerAnswer.class)).hasSize(n >= 2 ? 1 : 0).allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(200);
                assertThat(a.success()).isTrue();
                assertThat(a.time()).isEqualTo(timeOf(style, T0, OFFSET));
                assertThat(a.thread()).isEqualTo(threadOf(style, "77"));
            });
        }
    }

    // ------------------------------------------------------------------ TLS failures

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void tlsFailureReadsAsItsFlagsCertificateAndDestination(LogStyle style) {
        CertBlock cert = CertBlock.fiddler("*.google.com");
        ReadResult r = read(log(style).thread("2b3c").tlsFailure("127.0.0.1", 8888, "COMPUTERNAME", cert,
                SecurityFlag.INVALID_CA, SecurityFlag.CERT_REV_FAILED));
        Set<SecurityFlag> flags = EnumSet.of(SecurityFlag.INVALID_CA, SecurityFlag.CERT_REV_FAILED);
        List<TlsFailure> tls = r.tlsFailures();
        assertThat(tls.get(0).flags()).isEqualTo(flags); // the status line: every flag
        Set<SecurityFlag> union = EnumSet.noneOf(SecurityFlag.class);
        tls.forEach(t -> union.addAll(t.flags()));
        assertThat(union).isEqualTo(flags); // the flag lines: no other
        assertThat(r.certificates()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo(cert.subject());
            assertThat(c.issuer()).isEqualTo(cert.issuer());
            assertThat(c.notBefore()).isEqualTo(cert.notBefore());
            assertThat(c.notAfter()).isEqualTo(cert.notAfter());
        });
        assertThat(r.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("127.0.0.1");
            assertThat(d.port()).isEqualTo(8888);
            assertThat(d.hostName()).isEqualTo("COMPUTERNAME");
        });
        assertThat(r.networkErrors()).extracting(NetworkError::code, NetworkError::operation)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(NetworkErrorCode.SECURE_FAILURE, "WinHttpSendRequest"));
        assertThat(r.proxyEvents()).isEmpty();
        assertThat(recordFacts(r)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.time()).isEqualTo(timeOf(style, T0, OFFSET));
            assertThat(f.thread()).isEqualTo(threadOf(style, "2b3c"));
        });
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void tlsFailureWithoutFlagsCertificateOrHostName(LogStyle style) {
        ReadResult r = read(log(style).tlsFailure("2001:db8::7", 443, null, null));
        assertThat(r.tlsFailures()).singleElement().satisfies(t -> assertThat(t.flags()).isEmpty());
        assertThat(r.certificates()).isEmpty();
        assertThat(r.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("2001:db8::7");
            assertThat(d.port()).isEqualTo(443);
            assertThat(d.hostName()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void tlsAttemptSetsTheTimeAndMayFallBackToDirect(LogStyle style) {
        Instant attempt = T0.plus(Duration.ofMinutes(5));
        ReadResult r = read(log(style).tlsFailure(new TlsAttempt(attempt, Set.of(SecurityFlag.SECURITY_CHANNEL_ERROR), null,
                "10.1.1.1", 443, "proxy", true)).winHttpError("WinHttpConnect", 12029));
        assertThat(r.tlsFailures()).allSatisfy(t -> assertThat(t.flags()).containsExactly(SecurityFlag.SECURITY_CHANNEL_ERROR));
        assertThat(r.proxyEvents()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.DIRECT_FALLBACK));
        // the attempt's time became the builder's: the error after it is at that time too
        assertThat(recordFacts(r)).allSatisfy(f -> assertThat(f.time()).isEqualTo(timeOf(style, attempt, OFFSET)));
        assertThat(r.networkErrors()).last().satisfies(e -> assertThat(e.code()).isEqualTo(NetworkErrorCode.CANNOT_CONNECT));
    }

    // ------------------------------------------------------------------ WinHTTP errors

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void winHttpErrorReadsAsItsCodeAndOperation(LogStyle style) {
        ReadResult r = read(log(style).thread("2b3c").winHttpError("WinHttpConnect", 12029)
                .winHttpError("WinHttpSendRequest", 12002).winHttpError("WinHttpOpenRequest", 12007));
        assertThat(r.networkErrors()).extracting(NetworkError::code, NetworkError::operation).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "WinHttpConnect"),
                org.assertj.core.groups.Tuple.tuple(NetworkErrorCode.TIMEOUT, "WinHttpSendRequest"),
                org.assertj.core.groups.Tuple.tuple(NetworkErrorCode.NAME_NOT_RESOLVED, "WinHttpOpenRequest"));
        assertThat(recordFacts(r)).hasSize(3).allSatisfy(f -> {
            assertThat(f.time()).isEqualTo(timeOf(style, T0, OFFSET));
            assertThat(f.thread()).isEqualTo(threadOf(style, "2b3c"));
        });
        assertThat(log(style).winHttpError("WinHttpConnect", 12029).text())
                .contains("Error from API WinHttpConnect. Code: 0x00002efd\n");
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void aCertificateErrorCodeAlsoReadsAsItsFlag(LogStyle style) {
        ReadResult r = read(log(style).winHttpError("WinHttpSendRequest", 12045));
        assertThat(r.tlsFailures()).singleElement().satisfies(t -> assertThat(t.flags()).containsExactly(SecurityFlag.INVALID_CA));
        assertThat(r.networkErrors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(NetworkErrorCode.SECURE_INVALID_CA));
    }

    // ------------------------------------------------------------------ proxies

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void proxyAuthRequiredNamesTheSchemeAndTheProxy(LogStyle style) {
        ReadResult r = read(log(style).thread("9").proxyAuthRequired("10.0.0.5:8080", "NTLM")
                .proxyAuthRequired("[fd00::5]:3128", "negotiate").proxyAuthRequired("proxy.corp.example:80", "Basic"));
        assertThat(r.proxyEvents()).extracting(ProxyEvent::kind, ProxyEvent::schemes, ProxyEvent::proxy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProxyEvent.Kind.AUTH_REQUIRED, List.of("NTLM"), "10.0.0.5:8080"),
                org.assertj.core.groups.Tuple.tuple(ProxyEvent.Kind.AUTH_REQUIRED, List.of("Negotiate"), "[fd00::5]:3128"),
                org.assertj.core.groups.Tuple.tuple(ProxyEvent.Kind.AUTH_REQUIRED, List.of("Basic"), "proxy.corp.example:80"));
        assertThat(recordFacts(r)).hasSize(3).allSatisfy(f -> assertThat(f.thread()).isEqualTo(threadOf(style, "9")));
    }

    // ------------------------------------------------------------------ answers

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void httpStatusReadsAsTheServersAnswer(LogStyle style) {
        ReadResult r = read(log(style).httpStatus("https://www.googleapis.com/calendar/v3/users/me", 403)
                .httpStatus("http://c.pki.goog:8080/r/gsr1.crl", 200)
                .httpStatus("https://oauth2.googleapis.com/token?access_token=ya29.secret", 503));
        assertThat(r.of(ServerAnswer.class)).extracting(ServerAnswer::host, ServerAnswer::url, ServerAnswer::port, ServerAnswer::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("www.googleapis.com", "https://www.googleapis.com/calendar/v3/users/me", 443, 403),
                        org.assertj.core.groups.Tuple.tuple("c.pki.goog", "http://c.pki.goog:8080/r/gsr1.crl", 8080, 200),
                        org.assertj.core.groups.Tuple.tuple("oauth2.googleapis.com", "https://oauth2.googleapis.com/token?access_token=[redacted]",
                                443, 503));
        assertThat(r.facts()).filteredOn(f -> !(f instanceof ClientInfo)).allSatisfy(f -> assertThat(f).isInstanceOf(ServerAnswer.class));
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void a407IsTheProxysAndAStatusOutOfRangeIsRefused(LogStyle style) {
        ReadResult r = read(log(style).httpStatus("https://www.googleapis.com/", 407));
        assertThat(r.of(ServerAnswer.class)).isEmpty();
        assertThat(r.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
            assertThat(p.proxy()).isEmpty();
        });
        assertThatThrownBy(() -> log(style).httpStatus("https://www.googleapis.com/", 99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log(style).httpStatus("https://www.googleapis.com/", 600)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ raw records, time, thread

    @Test
    void errorWritesOneRecordWithTheFormatsPrefix() {
        assertThat(log(LogStyle.TRACE).thread("2b3c").error("Sync paused.").text()).isEqualTo(
                "2017-09-21T04:10:02.356-03:00 2b3c E:Network ClientMigration!WinHttp::HandleCallback @ 2000 ()> Sync paused.\n");
        assertThat(log(LogStyle.AUTHORIZATION).thread("2b3c").error("Sync paused.").text())
                .isEqualTo("[2017-09-21T04:10:02:ERROR:windows_http.cc(300)] Sync paused.\n");
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void errorsContinuationLinesStayInItsRecord(LogStyle style) {
        ReadResult r = read(log(style).error("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: NTLM\n"
                + "Proxy-Authenticate: Basic realm=\"corp\"").error("Nothing to see\nhere: 12029 is only a number of items")
                .winHttpError("WinHttpConnect", 12002));
        assertThat(r.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.schemes()).containsExactly("NTLM", "Basic");
            assertThat(p.source().line()).isEqualTo(1);
            assertThat(p.source().text()).endsWith("Proxy-Authenticate: Basic realm=\"corp\"");
        });
        assertThat(r.summary().linesRead()).isEqualTo(6);
        // the next record starts after the continuation lines: its line and its own error
        assertThat(r.networkErrors()).last().satisfies(e -> {
            assertThat(e.code()).isEqualTo(NetworkErrorCode.TIMEOUT);
            assertThat(e.source().line()).isEqualTo(6);
        });
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void atAndAfterMoveTheTimeOfTheRecordsThatFollow(LogStyle style) {
        Instant later = Instant.parse("2018-03-01T23:59:59.999Z");
        ReadResult r = read(log(style).winHttpError("WinHttpConnect", 12029).after(Duration.ofMillis(90_500))
                .winHttpError("WinHttpConnect", 12029).at(later).winHttpError("WinHttpConnect", 12029)
                .at("2017-01-01T00:00:00Z").after(Duration.ofHours(-1)).winHttpError("WinHttpConnect", 12029));
        assertThat(r.networkErrors()).extracting(NetworkError::time).containsExactly(timeOf(style, T0, OFFSET),
                timeOf(style, T0.plusMillis(90_500), OFFSET), timeOf(style, later, OFFSET),
                timeOf(style, Instant.parse("2016-12-31T23:00:00Z"), OFFSET));
        assertThat(r.networkErrors().get(1).time().toString())
                .isEqualTo(style == LogStyle.TRACE ? "2017-09-21T04:11:32.856-03:00" : "2017-09-21T04:11:32");
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void offsetWritesTheLocalTime(LogStyle style) {
        ZoneOffset nepal = ZoneOffset.ofHoursMinutes(5, 45);
        ReadResult r = read(log(style).offset(nepal).winHttpError("WinHttpConnect", 12029));
        assertThat(r.networkErrors()).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(timeOf(style, T0, nepal));
            assertThat(e.time().local()).isEqualTo(LocalDateTime.parse(style == LogStyle.TRACE ? "2017-09-21T12:55:02.356" : "2017-09-21T12:55:02"));
            assertThat(e.time().zoned()).isEqualTo(style == LogStyle.TRACE);
        });
    }

    @Test
    void threadAppearsInTraceRecordsOnly() {
        GwsmoLog trace = log(LogStyle.TRACE).winHttpError("WinHttpConnect", 12029).thread("ffff")
                .tlsFailure("127.0.0.1", 8888, "x", null, SecurityFlag.INVALID_CA).healthy(2);
        assertThat(trace.text().lines().filter(l -> l.startsWith("2017"))).allSatisfy(l -> assertThat(l.split(" ")[1]).isIn("1a20", "ffff"));
        ReadResult r = read(trace);
        List<String> threads = recordFacts(r).stream().map(Fact::thread).toList();
        assertThat(threads).hasSizeGreaterThan(3).first().isEqualTo("1a20");
        assertThat(threads.subList(1, threads.size())).containsOnly("ffff");
        ReadResult auth = read(log(LogStyle.AUTHORIZATION).thread("ffff").winHttpError("WinHttpConnect", 12029));
        assertThat(auth.networkErrors()).singleElement().satisfies(e -> assertThat(e.thread()).isEmpty());
        assertThat(log(LogStyle.AUTHORIZATION).thread("ffff").healthy(3).text()).doesNotContain("ffff");
    }

    // ------------------------------------------------------------------ files

    @Test
    void fileNameIsTheFirstRecordsLocalTime() {
        GwsmoLog trace = log(LogStyle.TRACE).header("OUTLOOK.EXE", "4.3.68.0").healthy(1).after(Duration.ofHours(30))
                .offset(ZoneOffset.ofHours(9)).healthy(1);
        assertThat(trace.fileName()).isEqualTo("Trace-2017-09-21-04-10-02-p4120.log");
        assertThat(log(LogStyle.TRACE).at("2017-09-21T07:10:02Z").after(Duration.ofSeconds(59)).healthy(1).fileName())
                .isEqualTo("Trace-2017-09-21-04-11-01-p4120.log");
        assertThat(log(LogStyle.AUTHORIZATION).healthy(1).fileName()).isEqualTo("authorization.log");
    }

    @ParameterizedTest
    @EnumSource(LogStyle.class)
    void writeToLaysTheFileOutAsTheClientDoes(LogStyle style, @TempDir Path dir) throws Exception {
        GwsmoLog log = log(style).healthy(4).after(Duration.ofSeconds(3)).tlsFailure("127.0.0.1", 8888, "COMPUTERNAME",
                CertBlock.fiddler("*.google.com"), SecurityFlag.INVALID_CA).winHttpError("WinHttpSendRequest", 12002)
                .proxyAuthRequired("10.0.0.5:8080", "NTLM").httpStatus("https://mail.google.com/mail/", 200)
                .error("Zürich ✓ 12007 — WinHttpConnect failed: 12007");
        Path file = log.writeTo(dir);
        assertThat(file).isEqualTo(style == LogStyle.TRACE ? dir.resolve("Trace-2017-09-21-04-10-02-p4120.log")
                : dir.resolve("Identity").resolve("authorization.log"));
        assertThat(Files.readString(file)).isEqualTo(log.text());
        ReadResult fromFile = ReadResult.read(LogInput.of(file));
        assertThat(fromFile.warnings()).isEmpty();
        assertThat(fromFile.summary().format()).isEqualTo(style == LogStyle.TRACE ? "gwsmo-trace" : "gwsmo-authorization");
        assertThat(fromFile.summary().encoding()).isEqualTo("UTF-8");
        assertThat(fromFile.facts()).extracting(f -> f.source().file()).containsOnly(file.toString());
        // the file holds what the builder wrote: the same facts as its text read under the file's name
        assertThat(fromFile.facts()).isEqualTo(ReadResult.read(file.toString(), log.text()).facts())
                .extracting(f -> f.getClass().getSimpleName()).contains("TlsFailure", "Certificate", "NetworkError", "Destination",
                        "ProxyEvent", "ServerAnswer");
        assertThat(fromFile.networkErrors()).extracting(NetworkError::code).endsWith(NetworkErrorCode.NAME_NOT_RESOLVED);
    }
}
