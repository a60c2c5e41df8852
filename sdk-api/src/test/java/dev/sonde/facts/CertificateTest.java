package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateTest {
    static final Instant FROM = Instant.parse("2017-09-13T17:23:55Z");
    static final Instant UNTIL = Instant.parse("2017-12-06T17:10:00Z");

    static Certificate seenAt(LogTime t) {
        return new Certificate(List.of("US", "California", "Mountain View", "Google Inc", "*.googleapis.com"),
                List.of("US", "Google Inc", "Google Internet Authority G2"), FROM, UNTIL, t, "", new Evidence("a.log", 3, "x"));
    }

    @Test
    void articleExampleOneIsAfterValidityByYears() {
        Certificate c = seenAt(new LogTime(LocalDateTime.parse("2022-09-21T03:59:46"), null));
        assertThat(c.observedAfterValidity()).isTrue();
        assertThat(c.observedBeforeValidity()).isFalse();
        assertThat(c.outsideValidityBy()).isGreaterThan(Duration.ofDays(365 * 4));
        assertThat(c.subjectName()).isEqualTo("*.googleapis.com");
        assertThat(c.issuerName()).isEqualTo("Google Internet Authority G2");
        assertThat(c.issuerText()).isEqualTo("US / Google Inc / Google Internet Authority G2");
    }

    @Test
    void zonelessTimesGetFourteenHoursOfDoubt() {
        // 10 hours after expiry, no zone: could be a timezone, not a clock problem
        assertThat(seenAt(new LogTime(LocalDateTime.parse("2017-12-07T03:10:00"), null)).observedAfterValidity()).isFalse();
        // the same instant with a printed offset is certain
        assertThat(seenAt(LogTime.of(Instant.parse("2017-12-07T03:10:00Z"), ZoneOffset.ofHours(-3))).observedAfterValidity()).isTrue();
        assertThat(seenAt(LogTime.of(Instant.parse("2017-09-01T00:00:00Z"), ZoneOffset.UTC)).observedBeforeValidity()).isTrue();
        assertThat(seenAt(LogTime.of(Instant.parse("2017-10-01T00:00:00Z"), ZoneOffset.UTC)).outsideValidityBy()).isZero();
        assertThat(seenAt(LogTime.UNKNOWN).observedAfterValidity()).isFalse();
    }

    @Test
    void logTimesCorrelateAsInstantsOrWallClocks() {
        LogTime a = LogTime.of(Instant.parse("2017-09-21T07:10:04Z"), ZoneOffset.ofHours(-3));
        LogTime b = LogTime.of(Instant.parse("2017-09-21T07:10:06Z"), ZoneOffset.UTC);
        assertThat(a.within(b, 5)).isTrue();
        LogTime wall = new LogTime(LocalDateTime.parse("2017-09-21T04:10:30"), null);
        assertThat(a.within(wall, 60)).isTrue(); // same wall clock, different notation
        assertThat(a.within(LogTime.UNKNOWN, 60)).isFalse();
        assertThat(a.toString()).isEqualTo("2017-09-21T04:10:04-03:00");
    }

    @Test
    void destinationsKnowLoopback() {
        LogTime t = LogTime.UNKNOWN;
        Evidence s = new Evidence("t.log", 1, "");
        assertThat(new Destination("127.0.0.1", 8888, "COMPUTERNAME", t, "1a20", s).loopback()).isTrue();
        assertThat(new Destination("::1", 8080, "", t, "", s).address()).isEqualTo("[::1]:8080");
        assertThat(new Destination("216.58.194.170", 443, "sfo07s13-in-f170.1e100.net", t, "", s).loopback()).isFalse();
    }

    @Test
    void clientVersionsCompareNumerically() {
        ClientInfo c = new ClientInfo("GWSMO", "OUTLOOK.EXE", "4.2.10.0", LogTime.UNKNOWN, "", new Evidence("t.log", 1, ""));
        assertThat(c.olderThan("4.3.0.0")).isTrue();
        assertThat(c.olderThan("4.2.9")).isFalse();
        assertThat(c.olderThan("4.2.10")).isFalse();
        assertThat(new ClientInfo("GWSMO", "", "", LogTime.UNKNOWN, "", new Evidence("t.log", 1, "")).olderThan("9")).isFalse();
    }
}
