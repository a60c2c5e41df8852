package dev.sonde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.LogTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingTimesTest {

    private static FindingTarget seen(String host, LogTime first, LogTime last) {
        return new FindingTarget(new Target(host, "", 443, "", ""), Optional.of(first), Optional.of(last), 1,
                Target.State.ONGOING, Optional.empty(), List.of());
    }

    /**
     * One machine's times: a trace log's 09:14+02:00 and an authorization log's zone-less 09:13 are one clock, so the
     * zone-less 09:13 comes first (read as UTC it would come two hours after, and the finding would start at 09:14).
     */
    @Test
    void firstAndLastSeenCompareOneMachinesZonedAndZonelessTimesAsOneClock() {
        LogTime trace = new LogTime(LocalDateTime.parse("2024-11-19T09:14:00"), ZoneOffset.ofHours(2));
        LogTime traceLater = new LogTime(LocalDateTime.parse("2024-11-19T10:30:00"), ZoneOffset.ofHours(2));
        LogTime auth = new LogTime(LocalDateTime.parse("2024-11-19T09:13:00"), null);
        LogTime authLater = new LogTime(LocalDateTime.parse("2024-11-19T09:20:00"), null);
        Finding f = new Finding("X", 1, Severity.HIGH, 0.9, "t", "e", List.of(), "4", List.of(), 0, Optional.empty(),
                Map.of(), List.of(seen("a", trace, traceLater), seen("b", auth, authLater)), Target.State.ONGOING);
        assertThat(f.firstSeen()).contains(auth);
        assertThat(f.lastSeen()).contains(traceLater); // 10:30+02:00 after the zone-less 09:20, not before it
        assertThat(new Finding("Y", 1, Severity.HIGH, 0.9, "t", "e", List.of(), "4", List.of(), 0, Optional.empty(),
                Map.of()).firstSeen()).isEmpty();
    }
}
