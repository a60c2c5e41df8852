package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Target;
import dev.sonde.facts.LogTime;
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
        return new TargetSpan(new Target(host, "", port, "", ""), List.of(), List.of(), List.of(), Target.State.ONGOING);
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

    private static TargetSpan seenAt(String file, LogTime time) {
        Attempts.Attempt a = new Attempts.Attempt(0, Target.MACHINE, time, time, Attempts.Outcome.FAILED, false, file);
        return new TargetSpan(Target.MACHINE, List.of(a), List.of(), List.of(), Target.State.ONGOING);
    }

    @Test
    void aZonelessAuthorizationTimeOverlapsTheTraceLogAtTheMachinesOffsetNotAtUtc() {
        // 10:00 in the trace log (+02:00) and 10:00 in the authorization log (no zone) are the same moment
        TargetSpan trace = seenAt("Trace.log", new LogTime(LocalDateTime.parse("2024-11-19T10:00:00"), ZoneOffset.ofHours(2)));
        TargetSpan auth = seenAt("auth.log", new LogTime(LocalDateTime.parse("2024-11-19T10:00:30"), null));
        TargetSpan authLater = seenAt("auth.log", new LogTime(LocalDateTime.parse("2024-11-19T12:00:00"), null));
        assertThat(CauseCheck.overlap(trace, auth)).isTrue();
        assertThat(CauseCheck.overlap(auth, trace)).isTrue();
        assertThat(CauseCheck.overlap(trace, authLater)).isFalse(); // read as UTC, 12:00Z would have overlapped 10:00+02:00
    }

    @Test
    void anotherHostIsAnotherTarget() {
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("example.test", 4431))).isFalse();
    }
}
