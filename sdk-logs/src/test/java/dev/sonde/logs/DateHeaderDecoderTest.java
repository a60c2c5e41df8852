package dev.sonde.logs;

import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.HttpDateSpellings;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link DateHeaderDecoder}: its documented sample, every spelling of a Date line, and lines that are none. */
class DateHeaderDecoderTest {

    private static List<ClockCheck> clocks(String... lines) {
        return trace(lines).of(ClockCheck.class);
    }

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        SampleLog s = SampleLog.read(DateHeaderDecoder.SAMPLE, LogStyle.TRACE);
        assertThat(s.result().warnings()).isEmpty();
        assertThat(s.records()).hasSize(4);
        Instant line = Instant.parse("2024-05-06T05:08:09.010Z");
        List<Tuple> expected = List.of(
                Tuple.tuple("https://www.googleapis.com/calendar/v3/users/me/calendarList", 0L, ProbeStatus.OK,
                        Instant.parse("2024-05-06T05:08:09Z")),
                Tuple.tuple("", 5L, ProbeStatus.OK, Instant.parse("2024-05-06T05:08:04Z")),
                Tuple.tuple("https://mail.google.com/mail/r/", 10800L, ProbeStatus.PROBLEM, Instant.parse("2024-05-06T02:08:09Z")));
        for (int k = 0; k < expected.size(); k++) {
            assertThat(s.facts(k, ClockCheck.class)).as("record %d: %s", k, s.records().get(k))
                    .extracting(ClockCheck::target, ClockCheck::offsetSeconds, ClockCheck::status, ClockCheck::serverTime)
                    .containsExactly(expected.get(k));
            ClockCheck c = s.facts(k, ClockCheck.class).get(0);
            assertThat(c.localTime()).isEqualTo(line);
            assertThat(c.logged()).isTrue();
            assertThat(c.failure()).as("an answer came: a skewed Date fails no attempt").isFalse();
            assertThat(c.source().text()).contains("\n").containsIgnoringCase("date");
        }
        assertThat(s.facts(3, ClockCheck.class)).as("'Date: yesterday' is no date").isEmpty();
        assertThat(s.facts(0, ClockCheck.class).get(0).host()).isEqualTo("www.googleapis.com");
        // an authorization log's times have no UTC offset: nothing to compare
        SampleLog auth = SampleLog.read(DateHeaderDecoder.SAMPLE, LogStyle.AUTHORIZATION);
        assertThat(auth.result().warnings()).isEmpty();
        assertThat(auth.result().of(ClockCheck.class)).isEmpty();
    }

    /** A trace line's time and zone, and the Date line its answer carried. */
    private record Case(Instant lineTime, ZoneOffset zone, HttpDateSpellings.DateLine date) {
    }

    @Test
    void everySpellingOfADateLineGivesTheOffsetFromTheLineTime() {
        qt().withExamples(500)
                .forAll(LogGenerators.instantsToTheSecond().zip(integers().between(-3 * 86_400, 3 * 86_400),
                        integers().between(-12, 14), (t, o, z) -> new Object[] {t, o, z})
                        .flatMap(a -> HttpDateSpellings.lines(((Instant) a[0]).minusSeconds((Integer) a[1]))
                                .map(l -> new Case((Instant) a[0], ZoneOffset.ofHours((Integer) a[2]), l))))
                .checkAssert(c -> {
                    String log = GwsmoLogs.traceTime(c.lineTime(), c.zone()) + " 1a3c I:Network OUTLOOK!WinHttp::ReadHeaders @ 1740 ()> "
                            + "Received response 200 OK from https://www.googleapis.com/calendar/v3/users/me\n" + c.date().line()
                            + "\r\nServer: ESF\n";
                    List<ClockCheck> found = ReadResult.read("t.log", log).of(ClockCheck.class);
                    long offset = c.lineTime().getEpochSecond() - c.date().says().getEpochSecond();
                    assertThat(found).as("%s", c).singleElement().satisfies(k -> {
                        assertThat(k.serverTime()).isEqualTo(c.date().says());
                        assertThat(k.offsetSeconds()).isEqualTo(offset);
                        assertThat(k.status()).isEqualTo(Math.abs(offset) > 300 ? ProbeStatus.PROBLEM : ProbeStatus.OK);
                        assertThat(k.target()).isEqualTo("https://www.googleapis.com/calendar/v3/users/me");
                    });
                });
    }

    @Test
    void linesThatAreNoDateHeader() {
        String answer = T + "Received response 200 OK from https://www.googleapis.com/tasks/";
        assertThat(clocks(answer, "Date: yesterday")).isEmpty();
        assertThat(clocks(answer, "Date: Mon, 31 Apr 2024 05:08:09 GMT")).as("no 31 April").isEmpty();
        assertThat(clocks(answer, "Date: Mon, 06 Foo 2024 05:08:09 GMT")).isEmpty();
        assertThat(clocks(answer, "Updated: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
        assertThat(clocks(answer, "X-Date: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
        assertThat(clocks(answer, "Last-Modified: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
        // only in an answer's record: a Date line after a failure or no answer says nothing about a server's clock
        assertThat(clocks(T + "Sending request to https://www.googleapis.com/tasks/", "Date: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
        assertThat(clocks(T + "HTTP/1.1 407 Proxy Authentication Required", "Proxy-Authenticate: NTLM",
                "Date: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
        // the first Date counts, even when it is none
        assertThat(clocks(answer, "Date: soon", "Date: Mon, 06 May 2024 05:08:09 GMT")).isEmpty();
    }

    @Test
    void aHostileLineCostsNoMoreThanAShortOne() {
        String answer = T + "Received response 200 OK from https://www.googleapis.com/tasks/";
        String padded = "Date: " + " ".repeat(200_000) + "Mon, 06 May 2024 05:08:09 GMT";
        long start = System.nanoTime();
        assertThat(clocks(answer, padded)).as("beyond the first characters of a line nothing is read").isEmpty();
        assertThat(clocks(answer, "Date: " + "Mon, ".repeat(50_000))).isEmpty();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
    }
}
