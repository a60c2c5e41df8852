package dev.sonde.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.Finding;
import dev.sonde.LogInput;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.report.ReportJson;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testkit.logs.TlsAttempt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Whole-pipeline properties (real readers, real Drools): findings depend on what the logs say,
 * not on how they are written down.
 */
class EndToEndInvarianceTest {

    static final Sonde SONDE = Sonde.builder().build();

    /** A scenario: one failing connection attempt to render in any style. */
    record Scenario(Instant time, Set<SecurityFlag> flags, int certKind, int destKind, boolean proxyFallback) {

        TlsAttempt attempt() {
            Instant from = time.minus(Duration.ofDays(30));
            Instant until = time.plus(Duration.ofDays(54));
            CertBlock cert = switch (certKind) {
                case 0 -> null;
                case 1 -> CertBlock.google("*.googleapis.com", from, until);
                case 2 -> CertBlock.googleG2("*.googleapis.com", from.minus(Duration.ofDays(1900)), until.minus(Duration.ofDays(1900)));
                case 3 -> CertBlock.google("*.google.com", from.plus(Duration.ofDays(400)), until.plus(Duration.ofDays(400)));
                default -> CertBlock.fiddler("*.google.com");
            };
            return switch (destKind) {
                case 0 -> new TlsAttempt(time, flags, cert, "216.58.194.170", 443, "sfo07s13-in-f170.1e100.net", proxyFallback);
                case 1 -> new TlsAttempt(time, flags, cert, "127.0.0.1", 8888, "COMPUTERNAME", proxyFallback);
                default -> new TlsAttempt(time, flags, cert, "142.250.185.74", 443, null, proxyFallback);
            };
        }

        String render(LogStyle style, ZoneOffset offset, String thread) {
            return GwsmoLogs.render(style, List.of(attempt()), offset, thread);
        }
    }

    static Gen<Scenario> scenarios() {
        Gen<Instant> times = integers().between(0, 3000).map(d -> Instant.parse("2017-01-01T10:00:00Z").plus(Duration.ofDays(d)));
        Gen<Set<SecurityFlag>> flags = integers().between(0, 0x7F).map(mask -> {
            EnumSet<SecurityFlag> set = EnumSet.noneOf(SecurityFlag.class);
            set.addAll(SecurityFlag.decode(mask));
            return (Set<SecurityFlag>) set;
        });
        return times.zip(flags, integers().between(0, 4), integers().between(0, 2), integers().between(0, 1),
                (t, f, c, d, p) -> new Scenario(t, f, c, d, p == 1));
    }

    static Gen<ZoneOffset> offsets() {
        return integers().between(-12 * 4, 14 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60));
    }

    /** What must not change: ids in rank order, with severity and cause. */
    static List<String> outcome(Report r) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            out.add(f.rank() + ":" + f.id() + ":" + f.severity() + ":" + f.explainedBy().orElse(null));
        }
        return out;
    }

    @Test
    void lineEndingsAndEncodingsDoNotChangeFindings() {
        qt().withExamples(40).forAll(scenarios(), offsets()).checkAssert((s, offset) -> {
            String log = s.render(LogStyle.TRACE, offset, "1a20");
            List<String> expected = outcome(SONDE.analyzeText("Trace-x.log", log));
            assertThat(outcome(SONDE.analyzeText("Trace-x.log", GwsmoLogs.toCrlf(log)))).isEqualTo(expected);
            assertThat(outcome(SONDE.analyze(LogInput.ofBytes("Trace-x.log", GwsmoLogs.utf16leWithBom(log))))).isEqualTo(expected);
            assertThat(outcome(SONDE.analyze(LogInput.ofBytes("Trace-x.log", GwsmoLogs.utf8WithBom(log))))).isEqualTo(expected);
        });
    }

    @Test
    void ordinaryLinesInterleavedThreadsAndOffsetsDoNotChangeFindings() {
        qt().withExamples(40).forAll(scenarios(), offsets(), offsets()).checkAssert((s, offset, other) -> {
            String log = s.render(LogStyle.TRACE, offset, "1a20");
            List<String> expected = outcome(SONDE.analyzeText("Trace-x.log", log));
            assertThat(outcome(SONDE.analyzeText("Trace-x.log", s.render(LogStyle.TRACE, other, "1a20"))))
                    .as("same instants printed with offset %s", other).isEqualTo(expected);
            assertThat(outcome(SONDE.analyzeText("Trace-x.log", GwsmoLogs.insertOrdinaryLines(log, LogStyle.TRACE, 1))))
                    .as("ordinary lines inserted").isEqualTo(expected);
            String otherThread = GwsmoLogs.ordinaryLines(LogStyle.TRACE, s.time(), offset, "2b18", 12);
            assertThat(outcome(SONDE.analyzeText("Trace-x.log", GwsmoLogs.interleave(log, otherThread))))
                    .as("interleaved with another thread").isEqualTo(expected);
        });
    }

    @Test
    void authorizationAndTraceFormatsAgreeOnTheTopFinding() {
        qt().withExamples(40).forAll(scenarios()).checkAssert(s -> {
            Report trace = SONDE.analyzeText("Trace-x.log", s.render(LogStyle.TRACE, ZoneOffset.UTC, "1a20"));
            Report auth = SONDE.analyzeText("Identity/auth.log", s.render(LogStyle.AUTHORIZATION, ZoneOffset.UTC, ""));
            assertThat(auth.top().map(Finding::id)).isEqualTo(trace.top().map(Finding::id));
        });
    }

    @Test
    void inputOrderDoesNotChangeTheReport(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        List<Path> files = new ArrayList<>();
        String[] names = {"Trace-2017-09-21-04-10-02-p1.log", "Trace-2017-09-21-05-00-00-p2.log", "auth.log"};
        Instant t = Instant.parse("2017-09-21T07:10:04Z");
        List<Scenario> scenarios = List.of(
                new Scenario(t, EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA), 4, 1, false),
                new Scenario(t.plusSeconds(3000), EnumSet.of(SecurityFlag.CERT_REV_FAILED), 1, 0, true),
                new Scenario(t.plusSeconds(20), EnumSet.of(SecurityFlag.CERT_DATE_INVALID), 2, 2, false));
        for (int i = 0; i < names.length; i++) {
            Scenario s = scenarios.get(i);
            LogStyle style = i == 2 ? LogStyle.AUTHORIZATION : LogStyle.TRACE;
            files.add(Files.writeString(dir.resolve(names[i]), s.render(style, ZoneOffset.ofHours(-3), "1a20"), StandardCharsets.UTF_8));
        }
        String expected = ReportJson.write(SONDE.analyze(files));
        for (int i = 0; i < 5; i++) {
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, random);
            assertThat(ReportJson.write(SONDE.analyze(shuffled))).isEqualTo(expected);
        }
        assertThat(ReportJson.write(SONDE.analyze(dir))).isEqualTo(expected);
    }
}
