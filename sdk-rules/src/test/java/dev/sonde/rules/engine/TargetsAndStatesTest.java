package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Severity;
import dev.sonde.Target;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsFailure;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.model.Magnitude;
import dev.sonde.rules.model.Where;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attempts index, per-target explanations, states and state-first ranking, on hand-built facts (no Drools). */
class TargetsAndStatesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private int line;

    /** A log line that shows the server answered (what sdk-logs' success facts will be). */
    record Answered(LogTime time, String thread, Evidence source) implements Fact {
        @Override
        public boolean success() {
            return true;
        }
    }

    private static LogTime at(String hhmm) {
        return new LogTime(LocalDateTime.parse("2024-10-07T" + hhmm + ":00"), ZoneOffset.UTC);
    }

    private Evidence src(String file) {
        return new Evidence(file, ++line, "line " + line);
    }

    private List<Fact> failure(String file, String thread, String hhmm, String ip) {
        return List.of(new TlsFailure(Set.of(SecurityFlag.INVALID_CA), at(hhmm), thread, src(file)),
                new Destination(ip, 443, "", at(hhmm), thread, src(file)));
    }

    private List<Fact> success(String file, String thread, String hhmm, String ip) {
        return List.of(new Answered(at(hhmm), thread, src(file)), new Destination(ip, 443, "", at(hhmm), thread, src(file)));
    }

    private static Detection det(String id, List<Fact> facts, boolean machine, Duration clock, Duration outside) {
        return new Detection(id, Severity.HIGH, 0.9, "4", "rule " + id, Map.of(), facts.stream().map(Fact::source).toList(),
                new ArrayList<>(facts), machine, Optional.ofNullable(clock), Optional.ofNullable(outside));
    }

    private static Attempts index(List<List<Fact>> groups) {
        List<Fact> all = new ArrayList<>();
        groups.forEach(all::addAll);
        return Attempts.index(all, Map.of(), NOW);
    }

    private static Finding find(List<Finding> fs, String id) {
        return fs.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void factsOfOneThreadWithinFiveSecondsAreOneAttemptWithTheTargetOfTheirDestination() {
        List<Fact> a = failure("t.log", "1", "09:12", "10.0.0.1");
        List<Fact> later = failure("t.log", "1", "09:13", "10.0.0.1");
        List<Fact> other = failure("t.log", "2", "09:12", "10.0.0.2");
        Attempts index = index(List.of(a, later, other));
        assertThat(index.of(a.get(0))).isEqualTo(index.of(a.get(1)));
        assertThat(index.of(a.get(0))).isNotEqualTo(index.of(later.get(0)));
        assertThat(index.of(other.get(0)).orElseThrow().target().endpoint()).isEqualTo("10.0.0.2:443");
        assertThat(index.of(a.get(0)).orElseThrow().outcome()).isEqualTo(Attempts.Outcome.FAILED);
        assertThat(index.toward(new Target("", "10.0.0.1", 443, "", ""))).hasSize(2);
        assertThat(index.end()).isEqualTo(at("09:13"));
    }

    @Test
    void eachProbeCheckIsItsOwnAttemptAtNowAndAPassedCheckIsASuccess() {
        Fact ok = new PortCheck("h.example", 443, List.of(), ProbeStatus.OK, TcpReason.CONNECTED, "10.0.0.1",
                LogTime.UNKNOWN, "", new Evidence("probe:tcp", 0, "TCP h.example:443: connected"));
        Attempts index = Attempts.index(List.of(ok), Map.of("h.example", "mail"), NOW);
        Attempts.Attempt a = index.of(ok).orElseThrow();
        assertThat(a.outcome()).isEqualTo(Attempts.Outcome.SUCCEEDED);
        assertThat(a.first().instant()).isEqualTo(NOW);
        assertThat(a.target()).isEqualTo(new Target("h.example", "10.0.0.1", 443, "", "mail"));
    }

    @Test
    void statesFollowTheAttemptsToTheSameTarget() {
        List<Fact> f1 = failure("t.log", "1", "09:12", "10.0.0.1");
        List<Fact> f2 = failure("t.log", "1", "09:14", "10.0.0.1");
        List<Fact> ok = success("t.log", "1", "10:00", "10.0.0.1");
        List<Fact> g1 = failure("t.log", "2", "09:00", "10.0.0.2");
        List<Fact> gOk = success("t.log", "2", "10:00", "10.0.0.2");
        List<Fact> g2 = failure("t.log", "2", "14:02", "10.0.0.2");
        List<Fact> h = failure("t.log", "3", "14:02", "10.0.0.3");
        Attempts index = index(List.of(f1, f2, ok, g1, gOk, g2, h));
        List<Fact> resolved = new ArrayList<>(f1);
        resolved.addAll(f2);
        List<Fact> intermittent = new ArrayList<>(g1);
        intermittent.addAll(g2);
        List<Finding> fs = FindingAssembler.assemble(List.of(det("CERT_EXPIRED", resolved, false, null, null),
                det("UNTRUSTED_CA", intermittent, false, null, null), det("CONNECTION_RESET", h, false, null, null)),
                List.of(), RankingTest.TEXTS, index);
        assertThat(fs).extracting(Finding::id).containsExactly("CONNECTION_RESET", "UNTRUSTED_CA", "CERT_EXPIRED");
        Finding expired = find(fs, "CERT_EXPIRED");
        assertThat(expired.state()).isEqualTo(Target.State.RESOLVED);
        assertThat(expired.severity()).isEqualTo(Severity.LOW); // history: capped
        FindingTarget t = expired.targets().get(0);
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.firstSeen()).contains(at("09:12"));
        assertThat(t.lastSeen()).contains(at("09:14"));
        assertThat(find(fs, "UNTRUSTED_CA").state()).isEqualTo(Target.State.INTERMITTENT);
        assertThat(find(fs, "UNTRUSTED_CA").severity()).isEqualTo(Severity.HIGH);
        assertThat(find(fs, "CONNECTION_RESET").state()).isEqualTo(Target.State.ONGOING);
    }

    @Test
    void aCauseOnTheSameConnectionExplainsButNotOneOnAnotherServer() {
        List<Fact> proxied = failure("t.log", "1", "09:12", "127.0.0.1");
        List<Fact> elsewhere = failure("t.log", "2", "09:40", "10.0.0.1");
        Attempts index = index(List.of(proxied, elsewhere));
        List<Fact> both = new ArrayList<>(proxied);
        both.addAll(elsewhere);
        Explanation row = new Explanation("TLS_INTERCEPTION", "CERT_NAME_MISMATCH", Where.CONNECTION, true, Magnitude.NONE);
        List<Finding> fs = FindingAssembler.assemble(List.of(det("TLS_INTERCEPTION", proxied, false, null, null),
                det("CERT_NAME_MISMATCH", both, false, null, null)), List.of(row), RankingTest.TEXTS, index);
        Finding mismatch = find(fs, "CERT_NAME_MISMATCH");
        assertThat(mismatch.explainedBy()).isEmpty(); // a root cause on 10.0.0.1
        assertThat(mismatch.causes()).containsExactly("TLS_INTERCEPTION"); // a consequence on 127.0.0.1
        assertThat(mismatch.targets()).extracting(t -> t.target().address(), FindingTarget::explainedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("127.0.0.1", Optional.of("TLS_INTERCEPTION")),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.1", Optional.empty()));
        // the same row on the other server only: it holds nowhere
        List<Finding> other = FindingAssembler.assemble(List.of(det("TLS_INTERCEPTION", proxied, false, null, null),
                det("CERT_NAME_MISMATCH", elsewhere, false, null, null)), List.of(row), RankingTest.TEXTS, index);
        assertThat(find(other, "CERT_NAME_MISMATCH").explainedBy()).isEmpty();
        assertThat(find(other, "CERT_NAME_MISMATCH").causes()).isEmpty();
    }

    @Test
    void aMachineWideCauseExplainsOnlyWhenTimesOverlapAndMagnitudesAgree() {
        List<Fact> clock = failure("t.log", "1", "09:12", "142.250.1.1");
        List<Fact> sameTime = failure("t.log", "2", "09:12", "10.8.0.3");
        List<Fact> hoursLater = failure("t.log", "3", "14:00", "10.8.0.4");
        Attempts index = index(List.of(clock, sameTime, hoursLater));
        Explanation row = new Explanation("CLOCK_SKEW", "CERT_EXPIRED", Where.MACHINE, true, Magnitude.CLOCK_VS_VALIDITY);
        Detection skew = det("CLOCK_SKEW", clock, true, null, Duration.ofHours(3));
        // holds: same time, 1 hour out of date, clock 3 hours ahead
        assertThat(cause(skew, det("CERT_EXPIRED", sameTime, false, null, Duration.ofHours(1)), row, index)).contains("CLOCK_SKEW");
        // wrong magnitude: 30 days out of date
        assertThat(cause(skew, det("CERT_EXPIRED", sameTime, false, null, Duration.ofDays(30)), row, index)).isEmpty();
        // wrong direction: not yet valid while the clock is ahead
        assertThat(cause(skew, det("CERT_EXPIRED", sameTime, false, null, Duration.ofHours(-1)), row, index)).isEmpty();
        // other time: five hours later, no overlap
        assertThat(cause(skew, det("CERT_EXPIRED", hoursLater, false, null, Duration.ofHours(1)), row, index)).isEmpty();
        // not machine-wide: the same detection on its own target does not satisfy "machine"
        assertThat(cause(det("CLOCK_SKEW", clock, false, null, Duration.ofHours(3)),
                det("CERT_EXPIRED", sameTime, false, null, Duration.ofHours(1)), row, index)).isEmpty();
    }

    private static Optional<String> cause(Detection c, Detection e, Explanation row, Attempts index) {
        List<Finding> fs = FindingAssembler.assemble(List.of(c, e), List.of(row), RankingTest.TEXTS, index);
        Finding effect = find(fs, e.id());
        assertThat(effect.targets()).hasSize(1);
        return effect.targets().get(0).explainedBy();
    }

    /** A TLS failure logged without a destination line: the log wrote neither host nor address. */
    private List<Fact> unlogged(String file, String thread, String hhmm) {
        return List.of(new TlsFailure(Set.of(SecurityFlag.INVALID_CA), at(hhmm), thread, src(file)));
    }

    private List<Fact> unnamedSuccess(String file, String thread, String hhmm) {
        return List.of(new Answered(at(hhmm), thread, src(file)));
    }

    @Test
    void aFailureThatNamesNoDestinationIsUnknownNotTheMachineAndFollowsOnlyItsOwnLogsSuccesses() {
        List<Fact> f1 = unlogged("t.log", "1", "09:12");
        List<Fact> f2 = unlogged("t.log", "2", "09:13");
        List<Fact> ok = unnamedSuccess("t.log", "1", "09:20");
        List<Fact> otherLogOk = unnamedSuccess("u.log", "1", "09:30");
        List<Fact> elsewhereLater = failure("t.log", "3", "14:02", "10.0.0.9"); // another server, after the success
        Attempts index = index(List.of(f1, f2, ok, otherLogOk, elsewhereLater));
        assertThat(index.of(f1.get(0)).orElseThrow().target()).isEqualTo(Target.UNKNOWN);
        List<Fact> both = new ArrayList<>(f1);
        both.addAll(f2);
        List<Finding> fs = FindingAssembler.assemble(List.of(det("UNTRUSTED_CA", both, false, null, null),
                det("CONNECTION_RESET", elsewhereLater, false, null, null)), List.of(), RankingTest.TEXTS, index);
        FindingTarget t = find(fs, "UNTRUSTED_CA").targets().get(0);
        assertThat(find(fs, "UNTRUSTED_CA").targets()).hasSize(1);
        assertThat(t.target().machine()).isFalse(); // before: the empty target was Target.MACHINE
        assertThat(t.target().unknown()).isTrue();
        assertThat(t.target()).hasToString("destination not logged");
        assertThat(t.count()).isEqualTo(2);
        // the same log answered again at 09:20; the reset at 14:02 is another server's (before, read as the machine's
        // every attempt, it made this intermittent)
        assertThat(t.state()).isEqualTo(Target.State.RESOLVED);
        // a machine-wide cause still explains it there; an unknown-destination cause on another attempt does not
        Explanation machineRow = new Explanation("CLOCK_SKEW", "UNTRUSTED_CA", Where.MACHINE, true, Magnitude.NONE);
        Explanation connectionRow = new Explanation("TLS_INTERCEPTION", "UNTRUSTED_CA", Where.CONNECTION, true, Magnitude.NONE);
        assertThat(cause(det("CLOCK_SKEW", f1, true, null, null), det("UNTRUSTED_CA", both, false, null, null),
                machineRow, index)).contains("CLOCK_SKEW");
        assertThat(cause(det("TLS_INTERCEPTION", f1, false, null, null), det("UNTRUSTED_CA", f1, false, null, null),
                connectionRow, index)).contains("TLS_INTERCEPTION");
        assertThat(cause(det("TLS_INTERCEPTION", f2, false, null, null), det("UNTRUSTED_CA", f1, false, null, null),
                connectionRow, index)).isEmpty();
        // and a detection with no destination is no machine-wide cause for a named server
        assertThat(cause(det("CLOCK_SKEW", f1, false, null, null), det("UNTRUSTED_CA", elsewhereLater, false, null, null),
                machineRow, index)).isEmpty();
    }

    @Test
    void aFailureThatNamesNoDestinationFollowsEverySuccessOfTheInputButNoOtherServersFailure() {
        List<Fact> f1 = unlogged("t.log", "1", "09:12");
        List<Fact> f2 = unlogged("t.log", "2", "09:40");
        List<Fact> otherLogOk = unnamedSuccess("u.log", "1", "09:30"); // between its failures: it came and went
        List<Fact> laterOk = unnamedSuccess("u.log", "2", "10:00");
        List<Fact> elsewhereLater = failure("u.log", "3", "14:02", "10.0.0.9");
        List<Fact> both = new ArrayList<>(f1);
        both.addAll(f2);
        FindingTarget intermittent = find(FindingAssembler.assemble(List.of(det("UNTRUSTED_CA", both, false, null, null)),
                List.of(), RankingTest.TEXTS, index(List.of(f1, f2, otherLogOk, laterOk, elsewhereLater))), "UNTRUSTED_CA")
                .targets().get(0);
        assertThat(intermittent.state()).isEqualTo(Target.State.INTERMITTENT);
        // a success in another log after its last failure resolves it (an old log's 407, a probe run now that reaches
        // Google); another server's later failure does not reopen it
        FindingTarget resolved = find(FindingAssembler.assemble(List.of(det("UNTRUSTED_CA", f1, false, null, null)),
                List.of(), RankingTest.TEXTS, index(List.of(f1, laterOk, elsewhereLater))), "UNTRUSTED_CA").targets().get(0);
        assertThat(resolved.state()).isEqualTo(Target.State.RESOLVED);
        FindingTarget ongoing = find(FindingAssembler.assemble(List.of(det("UNTRUSTED_CA", f2, false, null, null)),
                List.of(), RankingTest.TEXTS, index(List.of(otherLogOk, f2, elsewhereLater))), "UNTRUSTED_CA").targets().get(0);
        assertThat(ongoing.state()).isEqualTo(Target.State.ONGOING);
    }

    @Test
    void aMachineWideFindingIsNeverIntermittentAndResolvesOnlyWhenTheInputEndsInASuccess() {
        List<Fact> f1 = unlogged("t.log", "1", "09:12");
        List<Fact> f2 = unlogged("t.log", "2", "09:40");
        List<Fact> between = unnamedSuccess("t.log", "3", "09:30");
        List<Fact> laterOk = unnamedSuccess("t.log", "4", "10:00");
        List<Fact> elsewhereLater = failure("t.log", "5", "14:02", "10.0.0.9");
        List<Fact> both = new ArrayList<>(f1);
        both.addAll(f2);
        // a success between its sightings and another server's later failure: before, INTERMITTENT
        FindingTarget clock = find(FindingAssembler.assemble(List.of(det("CLOCK_SKEW", both, true, null, null)), List.of(),
                RankingTest.TEXTS, index(List.of(f1, between, f2, laterOk, elsewhereLater))), "CLOCK_SKEW").targets().get(0);
        assertThat(clock.target()).isEqualTo(Target.MACHINE);
        assertThat(clock.state()).isEqualTo(Target.State.ONGOING);
        FindingTarget fixed = find(FindingAssembler.assemble(List.of(det("CLOCK_SKEW", both, true, null, null)), List.of(),
                RankingTest.TEXTS, index(List.of(f1, between, f2, laterOk))), "CLOCK_SKEW").targets().get(0);
        assertThat(fixed.state()).isEqualTo(Target.State.RESOLVED);
    }

    private static dev.sonde.facts.UrlCheck urlCheck(String service, String url, String host) {
        return new dev.sonde.facts.UrlCheck(service, url, host, ProbeStatus.PROBLEM, dev.sonde.facts.UrlReason.FILTERED,
                403, "", "10.20.0.5:8080", LogTime.UNKNOWN, "", new Evidence("probe:https", 0, "HTTPS GET " + url));
    }

    @Test
    void urlChecksOfOneHostAreOneTargetNamedWithAllTheCatalogsServicesOfThatHost() {
        List<Fact> checks = List.of(urlCheck("calendar", "https://www.googleapis.com/calendar/", "www.googleapis.com"),
                urlCheck("tasks", "https://www.googleapis.com/tasks/", "www.googleapis.com"),
                urlCheck("mail", "https://www.googleapis.com/gmail/", "www.googleapis.com"),
                urlCheck("intranet", "https://sync.example.test/a/", "sync.example.test"),
                urlCheck("archive", "https://sync.example.test/b/", "sync.example.test"));
        Attempts index = Attempts.index(checks, Map.of("www.googleapis.com", "calendar, mail, tasks"), NOW);
        List<Finding> fs = FindingAssembler.assemble(List.of(det("URL_BLOCKED", checks, false, null, null)), List.of(),
                RankingTest.TEXTS, index);
        // before: one target per URL's service (five targets of one check each)
        assertThat(find(fs, "URL_BLOCKED").targets()).extracting(FindingTarget::target, FindingTarget::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(new Target("www.googleapis.com", "", 443, "", "calendar, mail, tasks"), 3),
                        // a host the catalog lacks: the services its URL probes named, sorted
                        org.assertj.core.groups.Tuple.tuple(new Target("sync.example.test", "", 443, "", "archive, intranet"), 2));
    }

    private static LogTime wall(String local, Integer offsetHours) {
        return new LogTime(LocalDateTime.parse(local), offsetHours == null ? null : ZoneOffset.ofHours(offsetHours));
    }

    @Test
    void spansOrderTheirTimesWithTheAnalysisOrderBuiltOnce() {
        // 2024-10-27, Paris: 03:00 (+02:00) goes back to 02:00 (+01:00), so 02:00-03:00 happens twice. The finding is
        // seen in the trace log at 02:50+02:00 (00:50Z) and in the authorization log (no zone) at 02:40; the machine's
        // trace log nearest that wall clock is another server's 02:45+01:00 (01:45Z), so the analysis places 02:40 at
        // +01:00 (01:40Z): after the trace line. A comparator built from the span's own times only knew +02:00 and
        // placed it at 00:40Z, first.
        LogTime trace = wall("2024-10-27T02:50:00", 2);
        LogTime auth = wall("2024-10-27T02:40:00", null);
        LogTime other = wall("2024-10-27T02:45:00", 1);
        List<Fact> inTrace = List.of(new TlsFailure(Set.of(SecurityFlag.INVALID_CA), trace, "1", src("Trace.log")),
                new Destination("10.0.0.1", 443, "", trace, "1", src("Trace.log")));
        List<Fact> inAuth = List.of(new TlsFailure(Set.of(SecurityFlag.INVALID_CA), auth, "7", src("auth.log")),
                new Destination("10.0.0.1", 443, "", auth, "7", src("auth.log")));
        List<Fact> elsewhere = List.of(new TlsFailure(Set.of(SecurityFlag.INVALID_CA), other, "2", src("Trace.log")),
                new Destination("10.0.0.2", 443, "", other, "2", src("Trace.log")));
        List<Fact> all = new ArrayList<>(inTrace);
        all.addAll(inAuth);
        all.addAll(elsewhere);
        Attempts index = Attempts.index(all, Map.of(), NOW);
        List<Fact> seen = new ArrayList<>(inTrace);
        seen.addAll(inAuth);
        List<TargetSpan> spans = TargetSpan.of(List.of(det("UNTRUSTED_CA", seen, false, null, null)), index);
        assertThat(spans).hasSize(1);
        TargetSpan span = spans.get(0);
        assertThat(span.times()).isSameAs(index.times()); // one order for the whole analysis, built once
        assertThat(span.first()).isEqualTo(trace);
        assertThat(span.last()).isEqualTo(auth);
        // what the span's own comparator said before
        assertThat(dev.sonde.facts.MachineTimes.of(List.of(trace, auth)).compare(auth, trace)).isNegative();
    }
}
