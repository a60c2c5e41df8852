package dev.sonde.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant NOV_6_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void readsTheThreeFormsRfc9110SaysARecipientMustAccept() {
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(NOV_6_1994);
        assertThat(HttpDates.parse("06 Nov 1994 08:49:37 GMT", NOW)).contains(NOV_6_1994);
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(NOV_6_1994);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(NOV_6_1994);
        assertThat(HttpDates.parse("  Sun, 06 Nov 1994 08:49:37 GMT\r", NOW)).contains(NOV_6_1994);
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePastCentury() {
        assertThat(HttpDates.parse("Thursday, 03-Dec-26 10:00:00 GMT", NOW)).contains(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(HttpDates.parse("Monday, 03-Dec-77 10:00:00 GMT", NOW)).contains(Instant.parse("1977-12-03T10:00:00Z"));
    }

    @Test
    void refusesWhatIsNoDate() {
        assertThat(HttpDates.parse(null, NOW)).isEmpty();
        assertThat(HttpDates.parse("", NOW)).isEmpty();
        assertThat(HttpDates.parse("Sun, 31 Nov 1994 08:49:37 GMT", NOW)).isEmpty(); // no 31 November
        assertThat(HttpDates.parse("Sun, 06 Foo 1994 08:49:37 GMT", NOW)).isEmpty();
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 25:49:37 GMT", NOW)).isEmpty();
        assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 CET", NOW)).isEmpty(); // HTTP dates are GMT
    }
}
