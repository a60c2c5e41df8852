package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.Evidence;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link MachineTimes}: one machine's zoned (trace) and zone-less (authorization) times in one order. Properties
 * over generated times: a total order, transitive, consistent with equals; zoned times by instant, zone-less ones
 * by wall clock among themselves, and a zone-less time against a zoned one by wall clock when the machine's offset
 * is known.
 */
class MachineTimesTest {

    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(2),
            ZoneOffset.ofHours(-3), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12));

    /** Wall clocks within three days, to the minute or the second, so that ties and near ties are common. */
    private static Gen<LocalDateTime> wallClocks() {
        return integers().between(0, 3 * 24 * 60).zip(integers().between(0, 2), (minute, s) ->
                LocalDateTime.of(2024, 3, 30, 0, 0).plusMinutes(minute).plusSeconds(s * 30L));
    }

    /** Unknown, zone-less or zoned times. */
    private static Gen<LogTime> times() {
        return wallClocks().zip(integers().between(-2, OFFSETS.size() - 1), (local, k) -> k == -2 ? LogTime.UNKNOWN
                : new LogTime(local, k == -1 ? null : OFFSETS.get(k)));
    }

    /** A machine: the times it logged (some zoned, at one or two offsets: a daylight-saving change), in any order. */
    private static Gen<MachineTimes> machines() {
        return lists().of(times()).ofSizeBetween(0, 6).map(MachineTimes::of);
    }

    private static int sign(int c) {
        return Integer.signum(c);
    }

    @Test
    void aTotalOrderConsistentWithEquals() {
        qt().withExamples(3000).forAll(machines(), times(), times()).checkAssert((m, a, b) -> {
            assertThat(sign(m.compare(a, b))).isEqualTo(-sign(m.compare(b, a)));
            assertThat(m.compare(a, b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            assertThat(m.compare(a, a)).isZero();
        });
    }

    @Test
    void transitive() {
        qt().withExamples(3000).forAll(machines(), times(), times(), times()).checkAssert((m, a, b, c) -> {
            if (m.compare(a, b) <= 0 && m.compare(b, c) <= 0) {
                assertThat(m.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
            }
        });
        // and sorting any list gives a list each neighbour of which is in order
        qt().withExamples(500).forAll(machines(), lists().of(times()).ofSizeBetween(0, 30)).checkAssert((m, ts) -> {
            List<LogTime> sorted = new ArrayList<>(ts);
            sorted.sort(m);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(m.compare(sorted.get(i - 1), sorted.get(i))).isLessThanOrEqualTo(0);
            }
        });
    }

    @Test
    void zonedTimesByInstantZoneLessOnesByWallClockUnknownFirst() {
        qt().withExamples(2000).forAll(machines(), times(), times()).checkAssert((m, a, b) -> {
            if (!a.known() && b.known()) {
                assertThat(m.compare(a, b)).isNegative();
            }
            if (a.known() && b.known() && a.zoned() && b.zoned() && !a.instant().equals(b.instant())) {
                assertThat(sign(m.compare(a, b))).isEqualTo(sign(a.instant().compareTo(b.instant())));
            }
        });
        // zone-less times of a machine that printed no offset: by wall clock
        qt().withExamples(2000).forAll(wallClocks(), wallClocks()).checkAssert((x, y) ->
                assertThat(sign(MachineTimes.WALL_CLOCK.compare(new LogTime(x, null), new LogTime(y, null))))
                        .isEqualTo(sign(x.compareTo(y))));
    }

    @Test
    void aZoneLessTimeAgainstAZonedOneGoesByWallClockWhenTheOffsetIsKnown() {
        qt().withExamples(3000).forAll(Generate.pick(OFFSETS), wallClocks(), wallClocks(), lists().of(wallClocks()).ofSizeBetween(1, 5))
                .checkAssert((offset, auth, trace, others) -> {
                    List<LogTime> seen = new ArrayList<>(others.stream().map(l -> new LogTime(l, offset)).toList());
                    LogTime zoned = new LogTime(trace, offset);
                    LogTime bare = new LogTime(auth, null);
                    seen.add(zoned);
                    seen.add(bare);
                    MachineTimes m = MachineTimes.of(seen);
                    assertThat(m.offsetAt(auth)).isEqualTo(offset);
                    if (!auth.equals(trace)) {
                        assertThat(sign(m.compare(bare, zoned))).as("%s vs %s", bare, zoned).isEqualTo(sign(auth.compareTo(trace)));
                    } else {
                        assertThat(m.compare(bare, zoned)).isNegative(); // one instant: the zone-less one first
                    }
                    assertThat(m.instant(bare)).isEqualTo(auth.toInstant(offset));
                });
    }

    @Test
    void theArticlesTwoLogsInterleave() {
        // a trace log at +02:00 and the authorization log of the same machine (no zone)
        LogTime trace1 = new LogTime(LocalDateTime.of(2024, 5, 6, 9, 12, 1), ZoneOffset.ofHours(2));
        LogTime auth = new LogTime(LocalDateTime.of(2024, 5, 6, 9, 12, 30), null);
        LogTime trace2 = new LogTime(LocalDateTime.of(2024, 5, 6, 9, 13, 0), ZoneOffset.ofHours(2));
        MachineTimes m = MachineTimes.of(List.of(trace1, trace2, auth));
        List<LogTime> sorted = new ArrayList<>(List.of(trace2, auth, trace1, LogTime.UNKNOWN));
        sorted.sort(m);
        assertThat(sorted).containsExactly(LogTime.UNKNOWN, trace1, auth, trace2);
        // LogTime's own order reads the zone-less time as UTC: two hours late
        assertThat(auth.compareTo(trace2)).isPositive();
        assertThat(m.instant(auth)).isEqualTo(trace1.instant().plusSeconds(29));

        // across a daylight-saving change each side takes its own offset
        LogTime winter = new LogTime(LocalDateTime.of(2024, 3, 31, 1, 50), ZoneOffset.ofHours(1));
        LogTime summer = new LogTime(LocalDateTime.of(2024, 3, 31, 3, 10), ZoneOffset.ofHours(2));
        MachineTimes dst = MachineTimes.of(List.of(winter, summer));
        assertThat(dst.offsetAt(LocalDateTime.of(2024, 3, 31, 1, 55))).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(dst.offsetAt(LocalDateTime.of(2024, 3, 31, 3, 5))).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void factsByMachineTimeThenFileAndLine() {
        Evidence trace = new Evidence("Trace-1.log", 40, "x");
        Evidence auth = new Evidence("Identity/auth.log", 7, "y");
        Fact early = new ServerAnswer("www.googleapis.com", "", "", 443, 200,
                new LogTime(LocalDateTime.of(2024, 5, 6, 9, 14, 0), null), "", auth);
        Fact late = new ServerAnswer("www.googleapis.com", "", "", 443, 200,
                new LogTime(LocalDateTime.of(2024, 5, 6, 9, 15, 0), ZoneOffset.ofHours(2)), "1a", trace);
        Fact sameTimeOtherFile = new ServerAnswer("", "", "", 0, 200,
                new LogTime(LocalDateTime.of(2024, 5, 6, 9, 15, 0), ZoneOffset.ofHours(2)), "1a", new Evidence("A.log", 99, "z"));
        MachineTimes m = MachineTimes.ofFacts(List.of(early, late));
        List<Fact> facts = new ArrayList<>(List.of(late, early, sameTimeOtherFile));
        facts.sort(m.facts());
        assertThat(facts).containsExactly(early, sameTimeOtherFile, late);
    }
}
