package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.LogInput;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import dev.sonde.testkit.logs.TlsAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the reader over generated logs: flags read back exactly, nothing throws, and facts do
 * not depend on line ends, encoding, inserted healthy records, interleaved threads or the UTC offset.
 */
class LogReaderPropertyTest {

    private static final Gen<LogStyle> STYLES = Generate.enumValues(LogStyle.class);

    @Test
    void anySubsetOfFlagsReadsBackAsExactlyThoseFlags() {
        qt().withExamples(300).forAll(STYLES, LogGenerators.securityFlags(), LogGenerators.attempts(), LogGenerators.offsets())
                .checkAssert((style, flags, base, offset) -> {
                    TlsAttempt a = new TlsAttempt(base.time(), flags, base.cert(), base.ip(), base.port(), base.hostName(),
                            base.proxyFallback());
                    ReadResult r = ReadResult.read("flags.log", GwsmoLogs.render(style, List.of(a), offset, "1a20"));
                    assertThat(r.warnings()).isEmpty(); // a valid log: nothing skipped, nothing failed to decode
                    List<TlsFailure> tls = r.tlsFailures();
                    assertThat(tls).isNotEmpty();
                    // the Status/Info record carries them all; flag-name records carry some of them
                    assertThat(tls.get(0).flags()).isEqualTo(flags);
                    Set<SecurityFlag> union = EnumSet.noneOf(SecurityFlag.class);
                    tls.forEach(t -> union.addAll(t.flags()));
                    assertThat(union).isEqualTo(flags);
                    assertThat(tls).allSatisfy(t -> assertThat(flags).containsAll(t.flags()));
                    assertThat(r.certificates()).hasSize(a.cert() == null ? 0 : 1);
                    if (a.cert() != null) {
                        Certificate c = r.certificates().get(0);
                        assertThat(c.subject()).isEqualTo(a.cert().subject());
                        assertThat(c.issuer()).isEqualTo(a.cert().issuer());
                        assertThat(c.notBefore()).isEqualTo(a.cert().notBefore());
                        assertThat(c.notAfter()).isEqualTo(a.cert().notAfter());
                    }
                    assertThat(r.destinations()).singleElement().satisfies(d -> {
                        assertThat(d.ip()).isEqualTo(a.ip());
                        assertThat(d.port()).isEqualTo(a.port());
                        assertThat(d.hostName()).isEqualTo(a.hostName() == null ? "" : a.hostName());
                    });
                    assertThat(r.proxyEvents()).hasSize(a.proxyFallback() ? 1 : 0);
                });
    }

    @Test
    void neverThrowsOnArbitraryText() {
        qt().withExamples(400).forAll(LogGenerators.junkText()).checkAssert(text -> {
            ReadResult r = ReadResult.read("junk.log", text);
            assertSane(r);
            ReadResult bytes = ReadResult.read("junk.log", text.getBytes(StandardCharsets.UTF_8));
            assertSane(bytes);
        });
    }

    @Test
    void neverThrowsOnRandomBytes() {
        qt().withExamples(300).forAll(LogGenerators.randomBytes()).checkAssert(bytes -> {
            assertSane(ReadResult.read("random.bin", bytes));
            byte[] withBom = new byte[bytes.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(bytes, 0, withBom, 2, bytes.length);
            assertSane(ReadResult.read("random-utf16.bin", withBom));
        });
    }

    @Test
    void neverThrowsOnTruncatedLogs() {
        qt().withExamples(200).forAll(STYLES, LogGenerators.attemptLists(), integers().between(0, 100))
                .checkAssert((style, attempts, percent) -> {
                    String log = GwsmoLogs.render(style, attempts, ZoneOffset.UTC, "7");
                    String cut = log.substring(0, log.length() * percent / 100);
                    ReadResult r = ReadResult.read("cut.log", cut);
                    assertSane(r);
                    assertThat(r.certificates()).allSatisfy(c -> assertThat(c.subject().size() + c.issuer().size()
                            + (c.notBefore() == null ? 0 : 1) + (c.notAfter() == null ? 0 : 1)).isPositive());
                });
    }

    @Test
    void neverThrowsOnAMegabyteLine() {
        String huge = "[2022-09-21T03:59:46:ERROR:windows_http.cc(331)] " + "Status: 0x00010000. Info 0x1 ".repeat(40_000);
        ReadResult r = ReadResult.read("huge.log", huge + "\n" + GwsmoLogs.articleExample1());
        assertSane(r);
        assertThat(r.summary().linesRead()).isEqualTo(20);
        assertThat(r.tlsFailures()).hasSize(3);
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(1));
    }

    /** The reader never throws, and never swallows a decoder failure into a warning either (issue 8). */
    private static void assertSane(ReadResult r) {
        assertThat(r.internalErrors()).isEmpty();
        InputSummary s = r.summary();
        assertThat(s.linesSkipped()).isBetween(0L, s.linesRead());
        assertThat(s.facts()).isEqualTo(r.facts().size());
        assertThat(s.status()).isNotEqualTo(InputSummary.Status.UNREADABLE);
        assertThat(s.format()).isIn("gwsmo-trace", "gwsmo-authorization", "unknown");
        assertThat(s.status() == InputSummary.Status.READ).isEqualTo(!s.format().equals("unknown"));
        assertThat(r.warnings().size()).isLessThanOrEqualTo(GwsmoLogReader.MAX_WARNINGS + 2);
        assertThat(r.facts()).allSatisfy(f -> {
            assertThat(f.source().line()).isBetween(1L, Math.max(1L, s.linesRead()));
            assertThat(f.time()).isNotNull();
            assertThat(f.thread()).isNotNull();
        });
    }

    @Test
    void factsDoNotDependOnLineEndsOrEncoding() {
        qt().withExamples(120).forAll(STYLES, LogGenerators.attemptLists(), LogGenerators.offsets(), LogGenerators.threads())
                .checkAssert((style, attempts, offset, thread) -> {
                    String log = GwsmoLogs.render(style, attempts, offset, thread);
                    ReadResult base = ReadResult.read("v.log", log);
                    List<Fact> expected = base.withoutLineNumbers();
                    assertThat(expected).isNotEmpty();
                    assertThat(base.warnings()).isEmpty();
                    assertThat(ReadResult.read("v.log", GwsmoLogs.utf16leWithBom(log)).warnings()).isEmpty();
                    assertThat(ReadResult.read("v.log", GwsmoLogs.toCrlf(log)).withoutLineNumbers()).isEqualTo(expected);
                    assertThat(ReadResult.read("v.log", log.getBytes(StandardCharsets.UTF_8)).facts()).isEqualTo(base.facts());
                    assertThat(ReadResult.read("v.log", GwsmoLogs.utf8WithBom(log)).facts()).isEqualTo(base.facts());
                    assertThat(ReadResult.read("v.log", GwsmoLogs.utf16leWithBom(log)).facts()).isEqualTo(base.facts());
                    assertThat(ReadResult.read("v.log", GwsmoLogs.utf16leWithBom(GwsmoLogs.toCrlf(log))).withoutLineNumbers())
                            .isEqualTo(expected);
                });
    }

    @Test
    void insertedHealthyRecordsChangeOnlyLineNumbers() {
        // every 1 to 3 records: the shortest rendered log has 3 records, so a healthy one is always inserted
        qt().withExamples(120).forAll(STYLES, LogGenerators.attemptLists(), LogGenerators.offsets(), integers().between(1, 3))
                .checkAssert((style, attempts, offset, every) -> {
                    String log = GwsmoLogs.render(style, attempts, offset, "3f");
                    String padded = GwsmoLogs.insertOrdinaryLines(log, style, every);
                    assertThat(padded.length()).isGreaterThan(log.length());
                    ReadResult base = ReadResult.read("p.log", log);
                    ReadResult more = ReadResult.read("p.log", padded);
                    assertThat(base.facts()).isNotEmpty(); // else "unchanged" proves nothing
                    // the chatter's "HTTP status 200" lines are answers (successes), and change nothing else
                    assertThat(more.withoutLineNumbersOrAnswers()).isEqualTo(base.withoutLineNumbersOrAnswers());
                    assertThat(more.of(ServerAnswer.class).size()).isGreaterThanOrEqualTo(base.of(ServerAnswer.class).size());
                    assertThat(more.of(ServerAnswer.class)).allMatch(ServerAnswer::success);
                    assertThat(more.summary().linesRead()).isGreaterThan(base.summary().linesRead());
                    assertThat(more.summary().linesSkipped()).isZero();
                });
    }

    @Test
    void anotherThreadsRecordsLeaveTheFirstThreadsFactsUnchanged() {
        qt().withExamples(120).forAll(LogGenerators.attemptLists(), LogGenerators.attemptLists(), LogGenerators.offsets())
                .checkAssert((attemptsA, attemptsB, offset) -> {
                    String a = GwsmoLogs.render(LogStyle.TRACE, attemptsA, offset, "1a20");
                    String b = GwsmoLogs.render(LogStyle.TRACE, attemptsB, offset, "2b4");
                    ReadResult alone = ReadResult.read("i.log", a);
                    ReadResult aloneB = ReadResult.read("i.log", b);
                    ReadResult mixed = ReadResult.read("i.log", GwsmoLogs.interleave(a, b));
                    assertThat(ofThread(alone, "1a20")).isNotEmpty(); // else "unchanged" proves nothing
                    assertThat(ofThread(aloneB, "2b4")).isNotEmpty();
                    assertThat(ofThread(mixed, "1a20")).isEqualTo(ofThread(alone, "1a20"));
                    assertThat(ofThread(mixed, "2b4")).isEqualTo(ofThread(aloneB, "2b4"));
                    assertThat(mixed.facts()).allMatch(f -> f instanceof ClientInfo || Set.of("1a20", "2b4").contains(f.thread()));
                    assertThat(mixed.clientInfos()).hasSize(1);
                });
    }

    private static List<Fact> ofThread(ReadResult r, String thread) {
        return r.withoutLineNumbers().stream().filter(f -> f.thread().equals(thread)).collect(Collectors.toList());
    }

    @Test
    void theSameInstantAtAnotherOffsetGivesTheSameFacts() {
        qt().withExamples(120).forAll(LogGenerators.attemptLists(), LogGenerators.offsets(), LogGenerators.offsets())
                .checkAssert((attempts, one, other) -> {
                    ReadResult x = ReadResult.read("o.log", GwsmoLogs.render(LogStyle.TRACE, attempts, one, "9"));
                    ReadResult y = ReadResult.read("o.log", GwsmoLogs.render(LogStyle.TRACE, attempts, other, "9"));
                    assertThat(x.facts()).isNotEmpty(); // else "the same" proves nothing
                    assertThat(y.facts()).extracting(f -> f.time().instant())
                            .isEqualTo(x.facts().stream().map(f -> f.time().instant()).toList());
                    assertThat(y.facts()).allSatisfy(f -> assertThat(f.time().offset()).isEqualTo(other));
                    assertThat(y.facts().stream().map(LogReaderPropertyTest::timeless).toList())
                            .isEqualTo(x.facts().stream().map(LogReaderPropertyTest::timeless).toList());
                });
    }

    @Test
    void authorizationLinesKeepTheWallClockWithoutZone() {
        qt().withExamples(100).forAll(LogGenerators.attemptLists(), LogGenerators.offsets()).checkAssert((attempts, offset) -> {
            ReadResult r = ReadResult.read("a.log", GwsmoLogs.render(LogStyle.AUTHORIZATION, attempts, offset, "ignored"));
            assertThat(r.facts()).isNotEmpty();
            List<LocalDateTime> expected = attempts.stream()
                    .map(a -> LocalDateTime.ofInstant(a.time().truncatedTo(ChronoUnit.SECONDS), offset)).toList();
            assertThat(r.facts()).allSatisfy(f -> {
                assertThat(f.time().zoned()).isFalse();
                assertThat(f.thread()).isEmpty();
                assertThat(expected).contains(f.time().local());
            });
            assertThat(r.destinations()).extracting(d -> d.time().local()).isEqualTo(expected);
        });
    }

    @Test
    void theSameScenarioInEitherFormatGivesTheSameEvidence() {
        qt().withExamples(100).forAll(LogGenerators.attemptLists(), LogGenerators.offsets()).checkAssert((attempts, offset) -> {
            ReadResult t = ReadResult.read("t.log", GwsmoLogs.render(LogStyle.TRACE, attempts, offset, "5"));
            ReadResult a = ReadResult.read("a.log", GwsmoLogs.render(LogStyle.AUTHORIZATION, attempts, offset, "5"));
            // else "the same" proves nothing: every attempt gives a destination, an error and a TLS failure
            assertThat(t.destinations()).hasSameSizeAs(attempts);
            assertThat(t.networkErrors()).isNotEmpty();
            assertThat(t.tlsFailures()).isNotEmpty();
            assertThat(a.certificates()).extracting(Certificate::subject, Certificate::issuer, Certificate::notBefore, Certificate::notAfter)
                    .isEqualTo(t.certificates().stream().map(c -> org.assertj.core.groups.Tuple.tuple(
                            c.subject(), c.issuer(), c.notBefore(), c.notAfter())).toList());
            assertThat(a.destinations()).extracting(Destination::address).isEqualTo(
                    t.destinations().stream().map(Destination::address).toList());
            assertThat(a.networkErrors().stream().map(NetworkError::code).collect(Collectors.toSet()))
                    .isEqualTo(t.networkErrors().stream().map(NetworkError::code).collect(Collectors.toSet()));
            assertThat(a.proxyEvents()).extracting(ProxyEvent::kind).isEqualTo(
                    t.proxyEvents().stream().map(ProxyEvent::kind).toList());
        });
    }

    /** A fact with its time and evidence text blanked, to compare what was decoded. */
    private static Fact timeless(Fact f) {
        Fact n = ReadResult.normalise(f);
        Evidence s = new Evidence(f.source().file(), f.source().line(), "");
        LogTime t = LogTime.UNKNOWN;
        if (n instanceof TlsFailure x) {
            return new TlsFailure(x.flags(), t, x.thread(), s);
        }
        if (n instanceof Certificate x) {
            return new Certificate(x.subject(), x.issuer(), x.notBefore(), x.notAfter(), t, x.thread(), s);
        }
        if (n instanceof NetworkError x) {
            return new NetworkError(x.code(), x.operation(), t, x.thread(), s);
        }
        if (n instanceof Destination x) {
            return new Destination(x.ip(), x.port(), x.hostName(), t, x.thread(), s);
        }
        if (n instanceof ProxyEvent x) {
            return new ProxyEvent(x.kind(), x.schemes(), x.proxy(), t, x.thread(), s);
        }
        if (n instanceof ClientInfo x) {
            return new ClientInfo(x.product(), x.exe(), x.version(), t, x.thread(), s);
        }
        return n;
    }

    @Test
    void generatorsCoverTheCases() {
        // the generators must reach what the properties claim to cover
        assertThat(CertBlock.fiddler("*.google.com").issuer()).last().isEqualTo("DO_NOT_TRUST_FiddlerRoot");
        Set<Integer> sizes = new java.util.HashSet<>();
        qt().withExamples(500).forAll(LogGenerators.securityFlags()).checkAssert(f -> sizes.add(f.size()));
        assertThat(sizes).contains(0, 8);
        assertThat(LogInput.ofText("x", "").reader()).isPresent();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(GwsmoLogs.ordinaryLines(LogStyle.AUTHORIZATION, t, ZoneOffset.ofHours(2), "1", 3)).startsWith("[2024-01-01T02:00:00:INFO:");
    }
}
