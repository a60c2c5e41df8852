package dev.sonde.rules;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of {@link RecordedProbes}: any probe fact of any type, with any values the fact allows, is read
 * back equal to what was written; and playing recorded facts back does not depend on their order in the file.
 */
class RecordedProbesPropertyTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    /** Text without anything redaction or credential removal would change (no {@code @}, {@code =}, secrets' words). */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;/_-()[]<>'\"\\\té€漢";

    static String text(Random r, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static List<String> texts(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(text(r, 30));
        }
        return out;
    }

    static Instant instant(Random r, boolean nullable) {
        if (nullable && r.nextInt(4) == 0) {
            return null;
        }
        // whole seconds, millis or nanos, from 1970 to 2100
        Instant i = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L));
        return switch (r.nextInt(3)) {
            case 0 -> i;
            case 1 -> i.plusMillis(r.nextInt(1000));
            default -> i.plusNanos(r.nextInt(1_000_000_000));
        };
    }

    static LogTime time(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> LogTime.of(instant(r, false), ZoneOffset.ofTotalSeconds(r.nextInt(-12 * 60, 14 * 60 + 1) * 60));
            case 1 -> new LogTime(LocalDateTime.ofInstant(instant(r, false), ZoneOffset.UTC), null);
            default -> LogTime.UNKNOWN; // what probes write
        };
    }

    static <E extends Enum<E>> E any(Random r, Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[r.nextInt(values.length)];
    }

    static <E extends Enum<E>> List<E> reasons(Random r, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            out.add(any(r, type));
        }
        return out;
    }

    static Evidence source(Random r, String family) {
        return new Evidence(r.nextInt(5) == 0 ? text(r, 12) : "probe:" + family, r.nextInt(4) == 0 ? r.nextInt(100_000) : 0, text(r, 200));
    }

    static String thread(Random r) {
        return r.nextInt(3) == 0 ? text(r, 8) : "";
    }

    /** A fact of type {@code type} (0..9) with values drawn from {@code r}. */
    static final List<Function<Random, Fact>> FACTS = List.of(
            r -> {
                DnsReason why = any(r, DnsReason.class);
                return new DnsCheck(text(r, 40), why.status(), why, texts(r), time(r), thread(r), source(r, "dns"));
            },
            r -> {
                TcpReason why = any(r, TcpReason.class);
                return new PortCheck(text(r, 40), r.nextInt(65536), texts(r), why.status(), why, text(r, 40), time(r),
                        thread(r), source(r, "tcp"));
            },
            r -> {
                TlsReason why = any(r, TlsReason.class);
                return new ServedChain(text(r, 40), r.nextInt(65536), why.status(), why, reasons(r, TlsReason.class), text(r, 60),
                        text(r, 60), text(r, 60), texts(r), instant(r, true), instant(r, true), text(r, 64), instant(r, true), time(r),
                        thread(r), source(r, "tls"));
            },
            r -> {
                UrlReason why = any(r, UrlReason.class);
                return new UrlCheck(text(r, 20), text(r, 60), text(r, 40), why.status(), why, r.nextInt(-1, 1000),
                        text(r, 20), text(r, 30), time(r), thread(r), source(r, "https"));
            },
            r -> {
                RevocationReason why = any(r, RevocationReason.class);
                return new RevocationCheck(any(r, RevocationKind.class), text(r, 60), text(r, 40), why.status(), why, time(r), thread(r),
                        source(r, "revocation"));
            },
            r -> new ClockCheck(text(r, 60), r.nextLong(-10_000_000_000L, 10_000_000_000L), any(r, ProbeStatus.class), instant(r, true),
                    instant(r, true), time(r), thread(r), source(r, "clock")),
            r -> new ProxySetting(any(r, ProxyOrigin.class), text(r, 30), text(r, 30), time(r), thread(r), source(r, "proxy")),
            r -> {
                ProxyReason why = any(r, ProxyReason.class);
                return new ProxyCheck(text(r, 30), any(r, ProxyOrigin.class), why.status(), why, r.nextInt(1000), texts(r), time(r),
                        thread(r), source(r, "proxy"));
            },
            r -> new ProxyEvent(any(r, ProxyEvent.Kind.class), texts(r), text(r, 30), time(r), thread(r), source(r, "proxy")),
            r -> new ProbeSkipped(any(r, ProbeFamily.class), text(r, 60), text(r, 80), time(r), thread(r), source(r, "tls")));

    static List<Fact> facts(long seed, int count) {
        Random r = new Random(seed);
        List<Fact> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(FACTS.get(r.nextInt(FACTS.size())).apply(r));
        }
        return out;
    }

    static List<Fact> roundTrip(List<Fact> facts) {
        StringWriter w = new StringWriter();
        try {
            RecordedProbes.write(facts, Instant.EPOCH, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RecordedProbes.read(new StringReader(w.toString()), "generated.json");
    }

    @Test
    void anyFactOfEveryTypeIsReadBackEqual() {
        qt().withExamples(400).forAll(integers().between(0, FACTS.size() - 1), longs().all()).checkAssert((type, seed) -> {
            Fact f = FACTS.get(type).apply(new Random(seed));
            assertThat(roundTrip(List.of(f))).containsExactly(f);
        });
    }

    @Test
    void anyListOfFactsIsReadBackEqualInItsOrder() {
        qt().withExamples(100).forAll(longs().all(), integers().between(0, 40)).checkAssert((seed, count) -> {
            List<Fact> facts = facts(seed, count);
            assertThat(roundTrip(facts)).containsExactlyElementsOf(facts);
        });
    }

    /** A fact as the live prober makes it: unknown time, no thread, source {@code probe:<family>}. */
    static Fact probeLike(Fact f) {
        ProbeFamily family = RecordedProbes.family(f);
        Evidence s = new Evidence("probe:" + family, 0, f.source().text());
        if (f instanceof PortCheck p) {
            return new PortCheck(p.host(), p.port(), p.services(), p.status(), p.reason(), p.address(), LogTime.UNKNOWN, "", s);
        }
        if (f instanceof DnsCheck d) {
            return new DnsCheck(d.host(), d.status(), d.reason(), d.addresses(), LogTime.UNKNOWN, "", s);
        }
        if (f instanceof UrlCheck u) {
            return new UrlCheck(u.service(), u.url(), u.host(), u.status(), u.reason(), u.httpStatus(), u.server(), u.via(),
                    LogTime.UNKNOWN, "", s);
        }
        if (f instanceof ProbeSkipped p) {
            return new ProbeSkipped(p.family(), p.target(), p.why(), LogTime.UNKNOWN, "", s);
        }
        return f;
    }

    @Test
    void playingFactsBackDoesNotDependOnTheirOrderInTheFile() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 25)).checkAssert((seed, count) -> {
            List<Fact> facts = new ArrayList<>(facts(seed, count).stream().map(RecordedProbesPropertyTest::probeLike).toList());
            Report expected = Sonde.builder().engine(engine).prober(RecordedProbes.prober(facts)).build().probe();
            Collections.shuffle(facts, new Random(seed));
            Report shuffled = Sonde.builder().engine(engine).prober(RecordedProbes.prober(roundTrip(facts))).build().probe();
            assertThat(shuffled).isEqualTo(expected);
            // one summary per family present, counting every fact once
            assertThat(shuffled.inputs().stream().mapToLong(InputSummary::facts).sum()).isEqualTo((long) count);
            assertThat(shuffled.inputs()).allSatisfy(s -> assertThat(s.linesRead() + s.linesSkipped()).isLessThanOrEqualTo(s.facts()));
            long skipped = facts.stream().filter(f -> f instanceof ProbeSkipped).count();
            assertThat(shuffled.inputs().stream().mapToLong(InputSummary::linesSkipped).sum()).isEqualTo(skipped);
        });
    }

    @Test
    void theWarningsOfAPlayBackAreTheSkippedChecks() {
        qt().withExamples(50).forAll(longs().all(), integers().between(0, 30)).checkAssert((seed, count) -> {
            List<Fact> facts = facts(seed, count);
            List<Warning> warnings = new ArrayList<>();
            RecordedProbes.prober(facts).run(ProbeCatalog.EMPTY, ProbeOptions.defaults(), f -> { }, warnings::add);
            List<Warning> expected = facts.stream().filter(f -> f instanceof ProbeSkipped).map(f -> (ProbeSkipped) f)
                    .map(s -> new Warning("probe:" + s.family(), 0, s.target() + " not checked: " + s.why()))
                    .sorted().distinct().toList();
            assertThat(warnings).isEqualTo(facts.isEmpty() ? List.of(new Warning("probe", 0, "the recorded probes hold no result"))
                    : expected);
        });
    }
}
