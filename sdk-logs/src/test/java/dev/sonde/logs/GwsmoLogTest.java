package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.sonde.Evidence;
import dev.sonde.LogInput;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Destination;
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
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testsupport.LogSpellings;
import dev.sonde.testsupport.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The test kit's {@link GwsmoLog} builder against the real log reader: every method writes records that Sonde reads as
 * the facts the method's Javadoc promises, in the trace and the authorization format, at the builder's time, offset
 * and thread; and, as a property, random sequences of steps read as exactly the facts the steps imply, in order.
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

    // ------------------------------------------------------------------ the property

    @Test
    void randomStepsReadAsExactlyTheFactsTheyImplyInOrder() {
        qt().withExamples(400).forAll(Generate.enumValues(LogStyle.class), HEADERS,
                LogGenerators.instants().zip(LogGenerators.offsets(), Start::new), lists().of(STEPS).ofSizeBetween(1, 12))
                .checkAssert((style, header, begin, steps) -> {
            Instant start = begin.time();
            ZoneOffset offset = begin.offset();
            GwsmoLog log = style == LogStyle.TRACE ? GwsmoLog.trace() : GwsmoLog.authorization();
            log.at(start).offset(offset);
            if (style == LogStyle.TRACE && !header.exe().isEmpty()) {
                log.header(header.exe(), header.version());
            }
            List<Seen> expected = new ArrayList<>();
            Map<String, Seen> lastAnswer = new HashMap<>(); // the reader's repeated answers, by thread
            Instant time = start;
            ZoneOffset zone = offset;
            String thread = "1a20"; // the builder's default
            for (Step step : steps) {
                time = time.plusMillis(step.moveMillis());
                log.after(Duration.ofMillis(step.moveMillis()));
                if (step.offset() != null) {
                    zone = step.offset();
                    log.offset(zone);
                }
                if (step.thread() != null) {
                    thread = step.thread();
                    log.thread(thread);
                }
                step.write().to(log);
                LogTime at = timeOf(style, time, zone);
                String on = threadOf(style, thread);
                if (style == LogStyle.TRACE && expected.isEmpty()) { // the file's client, at its first record
                    expected.add(new Seen(header.client(), at, ""));
                }
                for (Fact f : step.write().facts(style)) {
                    Seen seen = new Seen(f, at, on);
                    if (f instanceof ServerAnswer) {
                        Seen last = lastAnswer.get(on);
                        if (last != null && last.fact().equals(f) && last.time().within(at, LogTime.SAME_MINUTE_SECONDS - 1)) {
                            continue; // a repeat within the minute is not sent again
                        }
                        lastAnswer.put(on, seen);
                    }
                    expected.add(seen);
                }
            }
            ReadResult r = ReadResult.read(log.fileName(), log.text());
            assertThat(r.warnings()).as("warnings reading\n%s", log.text()).isEmpty();
            assertThat(r.facts().stream().map(f -> new Seen(LogSpellings.valuesOf(f), f.time(), f.thread())).toList())
                    .as("facts of\n%s", log.text()).isEqualTo(expected);
        });
    }

    /** A fact's values (no time, thread or evidence: {@link LogSpellings#valuesOf}), with its time and thread. */
    private record Seen(Fact fact, LogTime time, String thread) {
    }

    /** Where a log starts: its first time and its offset. */
    private record Start(Instant time, ZoneOffset offset) {
    }

    /** One step: moves the time, maybe changes the offset and the thread, then writes one record kind. */
    private record Step(long moveMillis, ZoneOffset offset, String thread, Write write) {
    }

    /** A builder method with its arguments, and the facts (values only) the record(s) it writes must read as. */
    private interface Write {
        void to(GwsmoLog log);

        List<Fact> facts(LogStyle style);
    }

    private static final Evidence NONE = new Evidence("", 0, "");

    private static Fact tls(Set<SecurityFlag> flags) {
        return new TlsFailure(flags, LogTime.UNKNOWN, "", NONE);
    }

    private static Fact error(NetworkErrorCode code, String operation) {
        return new NetworkError(code, operation, LogTime.UNKNOWN, "", NONE);
    }

    private static Fact answer(String host, String url, int port, int status) {
        return new ServerAnswer(host, url, "", port, status, LogTime.UNKNOWN, "", NONE);
    }

    private static Fact proxy(List<String> schemes, String address) {
        return new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, schemes, address, LogTime.UNKNOWN, "", NONE);
    }

    private record Healthy(int count) implements Write {
        public void to(GwsmoLog log) {
            log.healthy(count);
        }

        public List<Fact> facts(LogStyle style) { // the second chatter line is a successful request
            return count < 2 ? List.of() : List.of(style == LogStyle.TRACE ? answer("", "", 0, 200)
                    : answer("www.googleapis.com", "https://www.googleapis.com/calendar/v3/users/me", 443, 200));
        }
    }

    private record Tls(Set<SecurityFlag> flags, CertBlock cert, String ip, int port, String host) implements Write {
        public void to(GwsmoLog log) {
            log.tlsFailure(ip, port, host, cert, flags.toArray(SecurityFlag[]::new));
        }

        public List<Fact> facts(LogStyle style) {
            List<Fact> out = new ArrayList<>(List.of(tls(flags))); // the status line
            Fact certificate = cert == null ? null
                    : new Certificate(cert.subject(), cert.issuer(), cert.notBefore(), cert.notAfter(), LogTime.UNKNOWN, "", NONE);
            if (style == LogStyle.TRACE) { // "Failure details:" with the flag lines and the block: the block first
                if (certificate != null) {
                    out.add(certificate);
                }
                if (!flags.isEmpty()) {
                    out.add(tls(flags));
                }
            } else { // the block, then one record per flag
                if (certificate != null) {
                    out.add(certificate);
                }
                new TreeSet<>(flags).forEach(f -> out.add(tls(Set.of(f))));
            }
            out.add(error(NetworkErrorCode.SECURE_FAILURE, "WinHttpSendRequest"));
            out.add(new Destination(ip, port, host == null ? "" : host, LogTime.UNKNOWN, "", NONE));
            return out;
        }
    }

    private record WinHttpError(String api, NetworkErrorCode code) implements Write {
        public void to(GwsmoLog log) {
            log.winHttpError(api, code.number());
        }

        public List<Fact> facts(LogStyle style) { // a certificate error's flag first: the TLS failure comes before errors
            List<Fact> out = new ArrayList<>();
            code.securityFlag().ifPresent(f -> out.add(tls(Set.of(f))));
            out.add(error(code, api));
            return out;
        }
    }

    private record ProxyAuth(String address, String scheme) implements Write {
        public void to(GwsmoLog log) {
            log.proxyAuthRequired(address, scheme);
        }

        public List<Fact> facts(LogStyle style) {
            return List.of(proxy(List.of(SCHEMES.get(scheme.toLowerCase(Locale.ROOT))), address));
        }
    }

    private record Http(String url, String host, String kept, int port, int status) implements Write {
        public void to(GwsmoLog log) {
            log.httpStatus(url, status);
        }

        public List<Fact> facts(LogStyle style) {
            return List.of(answer(host, kept, port, status));
        }
    }

    private record Raw(String message, List<Fact> expected) implements Write {
        public void to(GwsmoLog log) {
            log.error(message);
        }

        public List<Fact> facts(LogStyle style) {
            return expected;
        }
    }

    /** A trace log's header (or none: {@code exe} empty) and the client it reads as. */
    private record Header(String exe, String product, String version) {
        Fact client() {
            return exe.isEmpty() ? new ClientInfo("GWMMO", "ClientMigration", "", LogTime.UNKNOWN, "", NONE)
                    : new ClientInfo(product, exe, version, LogTime.UNKNOWN, "", NONE);
        }
    }

    private static final Map<String, String> SCHEMES = Map.of("basic", "Basic", "digest", "Digest", "ntlm", "NTLM",
            "negotiate", "Negotiate", "kerberos", "Kerberos");

    private static final Gen<Header> HEADERS = Generate.pick(List.of(
            new Header("", "", ""), new Header("OUTLOOK.EXE", "GWSMO", ""), new Header("ClientMigration.exe", "GWMMO", ""),
            new Header("ExchangeMigration.exe", "GSMME", ""), new Header("PasswordSync.exe", "GAPS", "")))
            .zip(integers().between(1, 9), integers().between(0, 999), (h, major, minor) ->
                    h.exe().isEmpty() ? h : new Header(h.exe(), h.product(), major + ".3." + minor + ".0"));

    private static final Gen<Write> WRITES = Generate.oneOf(
            integers().between(1, 7).map(n -> (Write) new Healthy(n)),
            LogGenerators.securityFlags().zip(LogGenerators.certBlocks().toOptionals(60).map(o -> o.orElse(null)),
                    LogGenerators.destinations(), (flags, cert, d) ->
                            (Write) new Tls(flags, cert, (String) d[0], (Integer) d[1], (String) d[2])),
            Generate.pick(List.of("WinHttpConnect", "WinHttpSendRequest", "WinHttpReceiveResponse", "WinHttpReadData",
                    "WinHttpOpenRequest", "WinHttpQueryDataAvailable")).zip(Generate.enumValues(NetworkErrorCode.class),
                    (api, code) -> (Write) new WinHttpError(api, code)),
            Generate.pick(List.of("10.0.0.5:8080", "proxy.corp.example:3128", "[fd00::5]:8080", "192.168.1.1:80"))
                    .zip(Generate.pick(List.of("Basic", "digest", "NTLM", "Negotiate", "KERBEROS", "ntlm")),
                            (address, scheme) -> (Write) new ProxyAuth(address, scheme)),
            Generate.pick(List.of(
                    new Http("https://www.googleapis.com/calendar/v3/users/me", "www.googleapis.com",
                            "https://www.googleapis.com/calendar/v3/users/me", 443, 0),
                    new Http("http://c.pki.goog/r/gsr1.crl", "c.pki.goog", "http://c.pki.goog/r/gsr1.crl", 80, 0),
                    new Http("https://mail.google.com:8443/mail/", "mail.google.com", "https://mail.google.com:8443/mail/", 8443, 0),
                    new Http("https://oauth2.googleapis.com/token?access_token=ya29.a0Abc&x=1", "oauth2.googleapis.com",
                            "https://oauth2.googleapis.com/token?access_token=[redacted]&x=1", 443, 0)))
                    .zip(integers().between(100, 599).map(s -> s == 407 ? 200 : s), // a 407 is the proxy's (tested above)
                            (h, status) -> (Write) new Http(h.url(), h.host(), h.kept(), h.port(), status)),
            Generate.pick(List.of(
                    new Raw("Sync paused by the user.", List.of()),
                    new Raw("Nothing to report\nsecond line, 12029 items", List.of()),
                    new Raw("Connection to 10.0.0.9:443 timed out (error 12002)", List.of(error(NetworkErrorCode.TIMEOUT, ""),
                            new Destination("10.0.0.9", 443, "", LogTime.UNKNOWN, "", NONE))),
                    new Raw("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: NTLM\nProxy-Authenticate: Basic",
                            List.of(proxy(List.of("NTLM", "Basic"), ""))))).map(w -> (Write) w));

    private static final Gen<Step> STEPS = WRITES.zip(
            Generate.frequency(Pair.of(3, longs().between(0, 120_000)), Pair.of(1, longs().between(-7_200_000, 7_200_000))),
            LogGenerators.offsets().toOptionals(15).map(o -> o.orElse(null)),
            LogGenerators.threads().toOptionals(30).map(o -> o.orElse(null)),
            (write, move, offset, thread) -> new Step(move, offset, thread, write));
}
