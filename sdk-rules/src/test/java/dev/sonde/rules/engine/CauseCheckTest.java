package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.MachineTimes;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.model.Magnitude;
import dev.sonde.rules.model.Where;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CauseCheckTest {

    private static final Explanation ON_TARGET =
            new Explanation("TLS_INTERCEPTION", "URL_BLOCKED", Where.TARGET, false, Magnitude.NONE);

    private static TargetSpan span(String host, int port) {
        return new TargetSpan(new Target(host, "", port, "", ""), List.of(), List.of(), List.of(), Target.State.ONGOING,
                MachineTimes.WALL_CLOCK);
    }

    @Test
    void aTargetLinkHoldsOnTheSameHostAndPort() {
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("localhost", 4431))).isTrue();
    }

    @Test
    void aTargetLinkHoldsWhenEitherPortIsUnknown() {
        assertThat(CauseCheck.holds(ON_TARGET, span("mail.google.com", 0), span("mail.google.com", 443))).isTrue();
        assertThat(CauseCheck.holds(ON_TARGET, span("mail.google.com", 443), span("mail.google.com", 0))).isTrue();
    }

    @Test
    void oneNameOnAnotherPortIsAnotherServerSoATargetLinkDoesNotHold() {
        // issue 10 loopback lab: interception on localhost:4431 explained the blocked URL on localhost:4432
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("localhost", 4432))).isFalse();
    }

    private static TargetSpan seenAt(String file, LogTime time, MachineTimes times) {
        Attempts.Attempt a = new Attempts.Attempt(0, Target.MACHINE, time, time, Attempts.Outcome.FAILED, false, file);
        return new TargetSpan(Target.MACHINE, List.of(a), List.of(), List.of(), Target.State.ONGOING, times);
    }

    private static LogTime time(String local, Integer offsetHours) {
        return new LogTime(LocalDateTime.parse(local), offsetHours == null ? null : ZoneOffset.ofHours(offsetHours));
    }

    @Test
    void aZonelessAuthorizationTimeOverlapsTheTraceLogAtTheMachinesOffsetNotAtUtc() {
        // 10:00 in the trace log (+02:00) and 10:00 in the authorization log (no zone) are the same moment
        LogTime traceTime = time("2024-11-19T10:00:00", 2);
        LogTime authTime = time("2024-11-19T10:00:30", null);
        LogTime authLaterTime = time("2024-11-19T12:00:00", null);
        MachineTimes times = MachineTimes.of(List.of(traceTime, authTime, authLaterTime));
        TargetSpan trace = seenAt("Trace.log", traceTime, times);
        TargetSpan auth = seenAt("auth.log", authTime, times);
        TargetSpan authLater = seenAt("auth.log", authLaterTime, times);
        assertThat(CauseCheck.overlap(trace, auth)).isTrue();
        assertThat(CauseCheck.overlap(auth, trace)).isTrue();
        assertThat(CauseCheck.overlap(trace, authLater)).isFalse(); // read as UTC, 12:00Z would have overlapped 10:00+02:00
    }

    @Test
    void anotherHostIsAnotherTarget() {
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("example.test", 4431))).isFalse();
    }

    @Test
    void overlapReadsBothSpansInTheAnalysisOrderNotInOneBuiltFromTheirFourTimes() {
        // 2024-03-31, Paris: clocks go from 02:00 (+01:00) to 03:00 (+02:00). The effect's trace line is 01:59+01:00
        // (00:59Z); the cause is an authorization line (no zone) at 03:00, just after the change, and the machine's
        // trace logs of that minute say +02:00 (03:00:30+02:00, another target). In the analysis' order the cause is
        // 01:00Z: a minute after the effect, overlapping. A comparator built from the two spans' times alone only knows
        // +01:00 and put the cause at 02:00Z, an hour late (what CauseCheck did before: no overlap).
        LogTime effectTime = time("2024-03-31T01:59:00", 1);
        LogTime causeTime = time("2024-03-31T03:00:00", null);
        LogTime otherTrace = time("2024-03-31T03:00:30", 2);
        MachineTimes analysis = MachineTimes.of(List.of(effectTime, causeTime, otherTrace));
        TargetSpan cause = seenAt("auth.log", causeTime, analysis);
        TargetSpan effect = seenAt("Trace.log", effectTime, analysis);
        assertThat(CauseCheck.overlap(cause, effect)).isTrue();
        assertThat(CauseCheck.overlap(effect, cause)).isTrue();
        // the order the old code built (from the four times only) puts them an hour apart
        MachineTimes local = MachineTimes.of(List.of(causeTime, causeTime, effectTime, effectTime));
        assertThat(CauseCheck.overlap(seenAt("auth.log", causeTime, local), seenAt("Trace.log", effectTime, local)))
                .isFalse();
    }

    private static final Explanation CLOCK = new Explanation("CLOCK_SKEW", "CERT_EXPIRED", Where.MACHINE, false,
            Magnitude.NONE);
    private static final Explanation ON_CONNECTION = new Explanation("TLS_INTERCEPTION", "UNTRUSTED_CA",
            Where.CONNECTION, false, Magnitude.NONE);

    private static TargetSpan on(Target target, Attempts.Attempt... attempts) {
        return new TargetSpan(target, List.of(attempts), List.of(), List.of(), Target.State.ONGOING,
                MachineTimes.WALL_CLOCK);
    }

    private static Attempts.Attempt attempt(int id, Target target) {
        LogTime t = time("2024-11-19T10:00:00", 2);
        return new Attempts.Attempt(id, target, t, t, Attempts.Outcome.FAILED, false, "Trace.log");
    }

    @Test
    void aCauseWhoseDestinationWasNotLoggedIsNotMachineWide() {
        // before: the empty target was Target.MACHINE, so an error logged without a destination passed "where: machine"
        assertThat(Target.UNKNOWN).isNotEqualTo(Target.MACHINE);
        assertThat(new Target("", "", 0, "", "")).isEqualTo(Target.UNKNOWN);
        assertThat(Target.UNKNOWN.machine()).isFalse();
        assertThat(Target.UNKNOWN.unknown()).isTrue();
        Target server = new Target("mail.google.com", "142.250.1.2", 443, "", "mail");
        assertThat(CauseCheck.holds(CLOCK, on(Target.UNKNOWN, attempt(1, Target.UNKNOWN)), on(server, attempt(2, server))))
                .isFalse();
        assertThat(CauseCheck.holds(CLOCK, on(Target.MACHINE, attempt(1, Target.MACHINE)), on(server, attempt(2, server))))
                .isTrue();
    }

    @Test
    void aConsequenceWhoseDestinationWasNotLoggedIsExplainedByTheMachineOrItsOwnConnection() {
        Attempts.Attempt unlogged = attempt(1, Target.UNKNOWN);
        TargetSpan effect = on(Target.UNKNOWN, unlogged);
        assertThat(CauseCheck.holds(CLOCK, on(Target.MACHINE, attempt(2, Target.MACHINE)), effect)).isTrue();
        // the same attempt: the interception seen on that very connection
        assertThat(CauseCheck.holds(ON_CONNECTION, on(Target.UNKNOWN, unlogged), effect)).isTrue();
        // another attempt whose destination was not logged either: nothing says it was the same server
        assertThat(CauseCheck.holds(ON_CONNECTION, on(Target.UNKNOWN, attempt(3, Target.UNKNOWN)), effect)).isFalse();
        assertThat(CauseCheck.holds(ON_TARGET, on(Target.UNKNOWN, attempt(3, Target.UNKNOWN)), effect)).isFalse();
    }
}
