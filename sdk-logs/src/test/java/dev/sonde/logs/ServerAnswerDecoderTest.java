package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ServerAnswer;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link ServerAnswerDecoder}: its documented sample, what proves the path, and the lines that are no answer. */
class ServerAnswerDecoderTest {

    private static List<ServerAnswer> answers(String... lines) {
        return trace(lines).of(ServerAnswer.class);
    }

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(ServerAnswerDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(13);
            String apis = "www.googleapis.com";
            List<Tuple> expected = List.of(
                    Tuple.tuple("", "", "", 0, 200),
                    Tuple.tuple(apis, "https://www.googleapis.com/calendar/v3/users/me", "", 443, 304),
                    Tuple.tuple("mail.google.com", "https://mail.google.com/mail/r/", "", 443, 200),
                    Tuple.tuple("www.google.com", "https://www.google.com/m8/feeds/contacts/default/full", "", 443, 401),
                    Tuple.tuple(apis, "https://www.googleapis.com/tasks/v1/users/@me/lists", "", 443, 204),
                    Tuple.tuple(apis, "https://www.googleapis.com:443/gmail/v1/users/me/messages", "", 443, 200),
                    Tuple.tuple("", "", "", 0, 200),
                    Tuple.tuple("", "", "", 0, 404),
                    Tuple.tuple(apis, "https://www.googleapis.com/drive/v3/files?access_token=[redacted]", "", 443, 0),
                    Tuple.tuple("oauth2.googleapis.com", "https://oauth2.googleapis.com/token", "", 443, 0),
                    Tuple.tuple("oauth2.googleapis.com", "", "", 0, 0),
                    Tuple.tuple(apis, "https://www.googleapis.com/oauth2/v4/token", "", 443, 0),
                    Tuple.tuple("", "", "142.250.74.46", 443, 503));
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k, ServerAnswer.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(ServerAnswer::host, ServerAnswer::url, ServerAnswer::address, ServerAnswer::port, ServerAnswer::status)
                        .containsExactly(expected.get(k));
            }
            assertThat(s.result().of(ServerAnswer.class)).extracting(ServerAnswer::success)
                    .containsExactly(true, true, true, true, true, true, true, true, true, true, true, true, false);
            // the status on a continuation line is quoted with the record's first line
            assertThat(s.facts(6, ServerAnswer.class).get(0).source().text()).endsWith("HEADERS_AVAILABLE\nHTTP/1.1 200 OK");
            // no token reaches the evidence either
            assertThat(s.result().facts()).allSatisfy(f -> assertThat(f.source().text()).doesNotContain("ya29"));
        }
    }

    @Test
    void whichStatusesProveThePath() {
        assertThat(List.of(0, 200, 204, 301, 304, 399, 401, 404)).allMatch(ServerAnswer::provesPath);
        assertThat(List.of(100, 400, 403, 407, 451, 500, 502, 504, 511)).noneMatch(ServerAnswer::provesPath);
        assertThat(answers(T + "HTTP/1.1 403 Forbidden")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.success()).isFalse();
            assertThat(a.failure()).isFalse(); // an answer: whose, the rules may judge
        });
    }

    @Test
    void linesThatAreNoAnswer() {
        assertThat(answers(T + "Secure connection failure. Status: 0x00010000. Info 0x00000009")).isEmpty();
        assertThat(answers(T + "Secure failure: status 65536, info 9")).isEmpty();
        assertThat(answers(T + "HTTP/1.1 407 Proxy Authentication Required")).isEmpty();
        assertThat(answers(T + "Response status 407")).isEmpty();
        assertThat(answers(T + "Sync pass finished successfully.")).isEmpty();
        assertThat(answers(T + "Fetched 3 events.")).isEmpty();
        assertThat(answers(T + "Request to https://www.googleapis.com/tasks/ has not succeeded")).isEmpty();
        assertThat(answers(T + "Request to https://www.googleapis.com/tasks/ could not be fetched")).isEmpty();
        assertThat(answers(T + "Response time 200 ms")).isEmpty();
        assertThat(answers(T + "Subject 'HTTP status 200 report' synced")).isEmpty(); // quoted content
        // a record that reports a failure gives no answer, whatever else it says
        assertThat(answers(T + "HTTP status 200, then Error result 5, hr = 0x80072ee2")).isEmpty();
        assertThat(answers(T + "Request to https://www.googleapis.com/tasks/ succeeded",
                "Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy).")).isEmpty();
    }

    @Test
    void timeAndThreadAreTheRecords() {
        ReadResult r = trace(T + "Request completed. HTTP status 200.", A + "Fetched token from https://oauth2.googleapis.com/token");
        assertThat(r.of(ServerAnswer.class)).hasSize(2);
        assertThat(r.of(ServerAnswer.class).get(0).time().zoned()).isTrue();
        assertThat(r.of(ServerAnswer.class).get(0).thread()).isEqualTo("2c4");
    }

    private static String at(String time, String thread, String message) {
        return "2024-05-06T07:" + time + ".010+02:00 " + thread + " I:Network Module!WinHttp::SendRequest @ 1630 ()> " + message;
    }

    @Test
    void aRepeatedAnswerIsSentOnceAMinutePerThread() {
        String ok = "Request completed. HTTP status 200.";
        ReadResult r = trace(at("08:09", "2c4", ok), at("08:09", "2c4", ok), at("08:30", "2c4", ok),
                at("08:40", "1a0", ok), // another thread
                at("08:50", "2c4", "Request completed. HTTP status 304."), // another answer
                at("09:00", "2c4", ok), // the same as the last one sent before the 304: sent again
                at("09:30", "2c4", ok), at("10:00", "2c4", ok)); // a minute after the last one sent
        assertThat(r.of(ServerAnswer.class)).extracting(a -> a.time().local().toLocalTime().toString(), ServerAnswer::thread,
                ServerAnswer::status).containsExactly(Tuple.tuple("07:08:09.010", "2c4", 200), Tuple.tuple("07:08:40.010", "1a0", 200),
                Tuple.tuple("07:08:50.010", "2c4", 304), Tuple.tuple("07:09:00.010", "2c4", 200),
                Tuple.tuple("07:10:00.010", "2c4", 200));
    }

    @Test
    void hostsFromUrlsOfEveryShape() {
        assertThat(answers(T + "GET http://c.pki.goog/r/gsr1.crl Status code: 200")).singleElement()
                .extracting(ServerAnswer::host, ServerAnswer::port).containsExactly("c.pki.goog", 80);
        assertThat(answers(T + "GET https://[2607:f8b0::200a]:8443/x Status code: 200")).singleElement()
                .extracting(ServerAnswer::host, ServerAnswer::address, ServerAnswer::port).containsExactly("2607:f8b0::200a", "2607:f8b0::200a", 8443);
        assertThat(answers(T + "GET https://WWW.GoogleAPIs.com/Calendar/ Status code: 200")).singleElement()
                .extracting(ServerAnswer::host, ServerAnswer::url).containsExactly("www.googleapis.com", "https://WWW.GoogleAPIs.com/Calendar/");
        String long_ = "https://www.googleapis.com/" + "a".repeat(2000);
        assertThat(answers(T + "GET " + long_ + " Status code: 200")).singleElement()
                .satisfies(a -> assertThat(a.url()).hasSize(ServerAnswerDecoder.MAX_URL));
    }
}
