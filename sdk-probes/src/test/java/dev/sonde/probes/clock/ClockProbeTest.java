package dev.sonde.probes.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.facts.ClockReason;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.testsupport.net.LoopbackPki;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Clock skew from HTTP {@code Date} headers, with an injected clock. */
class ClockProbeTest {

    private static final Instant SERVER = Instant.parse("1994-11-06T08:49:37Z");
    private static final String IMF = "Sun, 06 Nov 1994 08:49:37 GMT";

    private static ClockProbe at(Instant local, Duration tolerance) {
        return new ClockProbe(Clock.fixed(local, ZoneOffset.UTC), tolerance);
    }

    @Test
    void withinToleranceIsInSync() {
        ClockReading r = at(SERVER.plusSeconds(30), ClockProbe.DEFAULT_TOLERANCE).check("mail.google.com", IMF);

        assertThat(r.outcome().status()).isEqualTo(ProbeStatus.OK);
        assertThat(r.outcome().reason()).isEqualTo(ClockReason.IN_SYNC);
        assertThat(r.offset()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.serverTime()).isEqualTo(SERVER);
        assertThat(r.outcome().detail(ClockProbe.LOCAL_CLOCK)).isEqualTo("inSync");
    }

    @Test
    void beyondToleranceIsSkewedWithSignedOffset() {
        ClockReading ahead = at(SERVER.plus(Duration.ofDays(365 * 5)), ClockProbe.DEFAULT_TOLERANCE).check("www.googleapis.com", IMF);
        ClockReading behind = at(SERVER.minus(Duration.ofHours(2)), ClockProbe.DEFAULT_TOLERANCE).check("www.googleapis.com", IMF);

        assertThat(ahead.outcome().reason()).isEqualTo(ClockReason.SKEWED);
        assertThat(ahead.offset()).isEqualTo(Duration.ofDays(365 * 5));
        assertThat(ahead.outcome().detail(ClockProbe.OFFSET_SECONDS)).isEqualTo(Long.toString(Duration.ofDays(365 * 5).toSeconds()));
        assertThat(ahead.outcome().detail(ClockProbe.LOCAL_CLOCK)).isEqualTo("ahead");
        assertThat(behind.outcome().reason()).isEqualTo(ClockReason.SKEWED);
        assertThat(behind.offset()).isEqualTo(Duration.ofHours(-2));
        assertThat(behind.outcome().detail(ClockProbe.LOCAL_CLOCK)).isEqualTo("behind");
    }

    @Test
    void toleranceIsInclusive() {
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(at(SERVER.plus(tolerance), tolerance).check("t", IMF).outcome().reason()).isEqualTo(ClockReason.IN_SYNC);
        assertThat(at(SERVER.plus(tolerance).plusSeconds(1), tolerance).check("t", IMF).outcome().reason())
                .isEqualTo(ClockReason.SKEWED);
        assertThatThrownBy(() -> new ClockProbe(Clock.systemUTC(), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allThreeHttpDateFormsAreRead() {
        ClockProbe probe = at(SERVER, Duration.ZERO);

        assertThat(probe.check("t", IMF).offset()).isZero();
        assertThat(probe.check("t", "Sunday, 06-Nov-94 08:49:37 GMT").offset()).isZero();
        assertThat(probe.check("t", "Sun Nov  6 08:49:37 1994").offset()).isZero();
        assertThat(probe.check("t", "Mon, 06 Nov 1994 08:49:37 GMT").offset()).isZero(); // wrong weekday: date still read
    }

    @Test
    void missingOrUnreadableDateMeansNotRun() {
        ClockProbe probe = at(SERVER, ClockProbe.DEFAULT_TOLERANCE);

        for (String bad : new String[] {null, "", "yesterday", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Xyz 1994 08:49:37 GMT"}) {
            ClockReading r = probe.check("t", bad);
            assertThat(r.outcome().status()).as(bad).isEqualTo(ProbeStatus.NOT_RUN);
            assertThat(r.outcome().reason()).isEqualTo(ClockReason.NO_DATE);
            assertThat(r.offset()).isNull();
        }
    }

    @Test
    void realServerDateAgainstAClockYearsAhead() throws IOException, InterruptedException {
        try (LoopbackPki net = LoopbackPki.start()) {
            HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(net.revocation().crlUrl()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String date = answer.headers().firstValue("Date").orElseThrow();
            Instant received = Instant.now();

            ClockReading honest = new ClockProbe(Clock.systemUTC(), ClockProbe.DEFAULT_TOLERANCE).check("127.0.0.1", date, received);
            ClockReading moved = new ClockProbe(Clock.offset(Clock.systemUTC(), Duration.ofDays(2 * 365)), ClockProbe.DEFAULT_TOLERANCE)
                    .check("127.0.0.1", date);

            assertThat(honest.outcome().reason()).isEqualTo(ClockReason.IN_SYNC);
            assertThat(honest.offset().abs()).isLessThan(Duration.ofSeconds(5));
            assertThat(moved.outcome().reason()).isEqualTo(ClockReason.SKEWED);
            assertThat(moved.offset()).isBetween(Duration.ofDays(2 * 365).minusSeconds(5), Duration.ofDays(2 * 365).plusSeconds(5));
        }
    }
}
