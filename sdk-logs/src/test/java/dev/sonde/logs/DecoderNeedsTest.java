package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.LogInput;
import dev.sonde.testsupport.ReadResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 12: a decoder runs only on a record holding one of the words it needs ({@link RecordDecoder#NEEDS}). Records
 * made of every decoder's words, anchors and sample lines, mixed so that one decoder's line is let in by another's
 * word, decode the same with the gates as with every decoder run on every record (the reader's reference path).
 */
class DecoderNeedsTest {

    /** Pieces a line is made of: every word a decoder triggers on or needs, its patterns' anchors with values. */
    private static final List<String> WORDS = words();
    /** Every line of every decoder's documented sample. */
    private static final List<String> SAMPLES = Stream.of(CertificateDecoder.SAMPLE, NetworkErrorDecoder.SAMPLE,
            TlsFailureDecoder.SAMPLE, DestinationDecoder.SAMPLE, ProxyEventDecoder.SAMPLE, ServerAnswerDecoder.SAMPLE,
            DateHeaderDecoder.SAMPLE).flatMap(s -> Arrays.stream(s.split("\n"))).map(String::strip).filter(l -> !l.isEmpty()).toList();

    private static List<String> words() {
        List<String> p = new ArrayList<>();
        RecordDecoder.WORD_LISTS.forEach(p::addAll);
        p.addAll(List.of("headers_available", "WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE", "returned", "failed with",
                "Proxy-Authenticate: NTLM", "requires auth", "proxy server requires authentication", "answered 407",
                "407 received from the proxy", "Error result 1,", "dwResult = 5", "hr = 0x80072ee2", "hr = -2147012894",
                "Status: 0x00010000.", "Status: 65536", "status 200", "Status code: 404", "HTTP/1.1 503", "Info 0x00000030",
                "flags = 0x8", "WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID", "ERROR_WINHTTP_TIMEOUT", "WSAECONNRESET",
                "secure connection failure", "TLS handshake failed", "destination details: 10.0.0.1:443 (h.example.com)",
                "connection to 10.0.0.2:8080", "request to [2001:db8::1]:443", "https://www.googleapis.com/calendar/v3?maxResults=3",
                "from oauth2.googleapis.com", "succeeded", "not succeeded", "Fetched token", "Date: Tue, 05 Mar 2024 08:15:22 GMT",
                "Will try direct (without proxy).", "proxy 10.0.0.5:8080", "API WinHttpSendRequest", "WinHttpReceiveResponse failed",
                "Certificate details:", "---Subject---", "--Validity info--", "Subject: CN=x.example.com", "Valid from: 2024-01-08T08:19:26.000Z",
                "headers_available: 404", "returned 12029", "failed with 0x2efd", "code 12007", "status is 0x10000",
                "0x2ee2", "12002", "10000", "65536", "200", "407", "\"", "'", ":", "=", "(", ")", "", " ", "  "));
        for (String[] m : NetworkErrorDecoder.MESSAGES) {
            p.add(m[0]);
        }
        return List.copyOf(p);
    }

    private static Gen<String> lines() {
        Gen<String> piece = Generate.oneOf(Generate.pick(WORDS), Generate.pick(WORDS), Generate.pick(SAMPLES));
        return lists().of(piece).ofSizeBetween(1, 3).map(l -> String.join(" ", l));
    }

    /** One to four records of one to three lines. */
    private static Gen<String> logs() {
        Gen<List<String>> record = lists().of(lines()).ofSizeBetween(1, 3);
        return lists().of(record).ofSizeBetween(1, 4).zip(integers().between(0, 59), (records, second) -> {
            StringBuilder log = new StringBuilder();
            int n = 0;
            for (List<String> r : records) {
                log.append(String.format("2024-03-05T09:15:%02d.%03d+01:00 %s E:Network x!WinHttp::HandleCallback @ 1 ()> ",
                        second, n, n % 2 == 0 ? "0f3c" : "1b04")).append(r.get(0)).append('\n');
                for (String c : r.subList(1, r.size())) { // no piece starts like a record
                    log.append(c).append('\n');
                }
                n++;
            }
            return log.toString();
        });
    }

    @Test
    void recordsOfEveryDecodersWordsDecodeTheSameWithTheGates() {
        qt().withExamples(6000).forAll(logs()).checkAssert(log -> {
            byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
            Instant deadline = Instant.now().plusSeconds(120);
            ReadResult gated = ReadResult.read(new GwsmoLogReader(true), LogInput.ofBytes("g.log", bytes), deadline);
            ReadResult every = ReadResult.read(new GwsmoLogReader(false), LogInput.ofBytes("g.log", bytes), deadline);
            assertThat(gated.facts()).as("%s", log).isEqualTo(every.facts());
            assertThat(gated.warnings()).as("%s", log).isEqualTo(every.warnings());
        });
    }

    @Test
    void theGatesLeaveOutTheChatterOfABusyLog() {
        LogRecord status = new LogRecord();
        String line = SampleLog.TRACE + "Request completed. HTTP status 200. Bytes received: 22430";
        status.begin(1, line, TraceLogFormat.parse(line));
        assertThat(status.needs() & RecordDecoder.NEEDS).isEqualTo(RecordDecoder.SERVER_ANSWER);
        LogRecord request = new LogRecord();
        line = SampleLog.TRACE + "Sending GET request to https://www.googleapis.com/calendar/v3/users/me/calendarList?maxResults=249";
        request.begin(1, line, TraceLogFormat.parse(line));
        assertThat(request.anyTrigger()).isTrue(); // "result" lets the line in
        assertThat(request.needs() & RecordDecoder.NEEDS).isZero(); // but no decoder needs it
    }

    @Test
    void everyNetworkErrorMessageHoldsAWordTheDecoderNeeds() {
        for (String[] m : NetworkErrorDecoder.MESSAGES) {
            assertThat(NetworkErrorDecoder.NEEDS.stream().anyMatch(m[0]::contains)).as(m[0]).isTrue();
        }
    }

    /** Bit k when the text, lower-cased, contains a word of list k of {@link RecordDecoder#WORD_LISTS}. */
    private static int byContains(String text) {
        String low = Ascii.lower(text);
        int bits = 0;
        for (int k = 0; k < RecordDecoder.WORD_LISTS.size(); k++) {
            if (RecordDecoder.WORD_LISTS.get(k).stream().anyMatch(low::contains)) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    @Test
    void theScanAnswersAsContainsDoesForEveryList() {
        List<String> pieces = new ArrayList<>();
        for (String w : RecordDecoder.WORD_LISTS.stream().flatMap(List::stream).toList()) {
            pieces.addAll(List.of(w, w.toUpperCase(), w.substring(0, w.length() - 1), w.substring(1)));
        }
        pieces.addAll(List.of(" ", "a", "s", "-", "0", "é", "\u0130", "\u212a", "\t"));
        qt().withExamples(20_000).forAll(lists().of(Generate.pick(pieces)).ofSizeBetween(0, 10).map(l -> String.join("", l)))
                .checkAssert(t -> {
                    byte[] utf8 = ("pad " + t).getBytes(StandardCharsets.UTF_8);
                    int expected = byContains(new String(utf8, 4, utf8.length - 4, StandardCharsets.ISO_8859_1));
                    assertThat(TriggerScan.DECODERS.scan(utf8, 4, utf8.length)).as("%s", t).isEqualTo(expected);
                    assertThat(TriggerScan.DECODERS.scan(t)).as("%s", t).isEqualTo(byContains(t));
                });
    }

    @Test
    void theScanTellsWhichListsALineHolds() {
        TriggerScan scan = TriggerScan.of(List.of(List.of("status"), List.of("us"), List.of("tatu", "xy")));
        assertThat(scan.scan("HTTP STATUS 200")).isEqualTo(0b111);
        assertThat(scan.scan("bus")).isEqualTo(0b010);
        byte[] b = "..status".getBytes(StandardCharsets.US_ASCII);
        assertThat(scan.scan(b, 2, b.length)).isEqualTo(0b111);
        assertThat(scan.scan(b, 3, b.length)).isEqualTo(0b110); // "tatus"
        assertThat(scan.scan("nothing")).isZero();
    }
}
