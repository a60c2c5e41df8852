package dev.sonde.logs;

import dev.sonde.LogInput;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.spi.LogReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Entry points into the reader's package-private parts for the JMH benchmarks of {@code sdk-examples}
 * ({@code dev.sonde.bench.LineReaderBenchmark}, {@code DecoderBenchmark}; issue 12). Test code, in the test jar:
 * not part of Sonde's API.
 */
public final class BenchmarkHooks {

    /** What {@link #decoder} can run: each decoder alone, all of them ({@code record}), and the prefilter's parts. */
    public static final List<String> DECODERS = List.of("certificate", "network-error", "tls-failure", "destination",
            "proxy-event", "server-answer", "date-header", "record", "record-start", "trigger-scan");

    private BenchmarkHooks() {
    }

    private static final String P = "2024-03-05T09:00:00.123+01:00 0f3c ";

    /** Ordinary sync chatter, the lines {@code sdk-examples/bench/GenerateTraceLog.java} writes between incidents. */
    public static String chatter() {
        return P + "I:Network OUTLOOK!WinHttp::SendRequest @ 1710 ()> Sending GET request to https://www.googleapis.com/calendar/v3/users/me/calendarList?maxResults=42\n"
                + P + "I:Network OUTLOOK!WinHttp::HandleCallback @ 1890 ()> Request completed. HTTP status 200. Bytes received: 4242\n"
                + P + "I:Sync OUTLOOK!MailSync::Poll @ 402 ()> Mail: 3 new messages, 1 changes.\n"
                + P + "V:Calendar OUTLOOK!CalendarSync::ApplyChange @ 318 ()> Event 5f3a9c0e1b2d4f60 updated (sequence 7).\n"
                + P + "I:Generic OUTLOOK!SyncScheduler::Tick @ 77 ()> Next sync in 120 seconds.\n";
    }

    /** The incidents {@code GenerateTraceLog.java} writes: interception (with a certificate block), revocation, timeout, proxy fallback. */
    public static String incidents() {
        String p = P + "E:Network OUTLOOK!WinHttp::HandleCallback @ ";
        return p + "2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000009\n"
                + p + "2030 ()> Failure details:\nCertificate details:\n---Validity--\n"
                + "Valid from: 2023-09-20T04:08:45.000Z\nValid until: 2025-09-20T04:08:45.000Z\n"
                + "---Subject---\nDO_NOT_TRUST\n*.googleapis.com\n---Issuer----\nDO_NOT_TRUST\nDO_NOT_TRUST_FiddlerRoot\n-------------\n"
                + p + "2071 ()> Error result 5, hr = 0x80072f8f. Setting event 0000000000001638.\n"
                + p + "2076 ()> Network connection destination details: 127.0.0.1:8888 (COMPUTERNAME)\n"
                + p + "2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000001\n"
                + p + "2071 ()> Error result 5, hr = 0x80072f8f.\n"
                + p + "2076 ()> Network connection destination details: 142.250.185.74:443 (fra16s48-in-f10.1e100.net)\n"
                + p + "2071 ()> Error result 5, hr = 0x80072ee2.\n"
                + p + "197 ()> Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002efd\n";
    }

    /** Every line of every decoder's documented sample, each a trace record of its own. */
    public static String samples() {
        StringBuilder b = new StringBuilder();
        for (String sample : List.of(CertificateDecoder.SAMPLE, NetworkErrorDecoder.SAMPLE, TlsFailureDecoder.SAMPLE,
                DestinationDecoder.SAMPLE, ProxyEventDecoder.SAMPLE, ServerAnswerDecoder.SAMPLE, DateHeaderDecoder.SAMPLE)) {
            for (String line : sample.split("\n")) {
                b.append(P).append("E:Network x!WinHttp::HandleCallback @ 1 ()> ").append(line.strip()).append('\n');
            }
        }
        return b.toString();
    }

    /** The log reader, with or without the prefilter ({@link GwsmoLogReader#GwsmoLogReader(boolean)}). */
    public static LogReader reader(boolean prefilter) {
        return new GwsmoLogReader(prefilter);
    }

    /**
     * Splits an input into lines ({@link LogLines}) and returns how many there were, plus the length of every line's
     * text when {@code text} (each line made a {@code String}, as the reader did for every line before issue 12).
     */
    public static long lines(LogInput input, boolean text) throws IOException {
        long n = 0;
        try (LogLines lines = LogLines.open(input, Instant.now().plusSeconds(3600))) {
            while (lines.next()) {
                n += text ? 1 + lines.text().length() : 1;
            }
        }
        return n;
    }

    /** One decoder over the records of a log, ready to run again and again. */
    public static final class DecoderRun {
        private final IntSupplier all;
        private final int lines;

        private DecoderRun(IntSupplier all, int lines) {
            this.all = all;
            this.lines = lines;
        }

        /** Lines in the records. */
        public int lines() {
            return lines;
        }

        /** Runs the decoder over every record; the number of things it found. */
        public int run() {
            return all.getAsInt();
        }
    }

    /**
     * {@code decoder} (one of {@link #DECODERS}) over the records of {@code log} (a line that starts a trace record
     * begins one, the others continue it), each record offered as the reader offers it (lines holding a trigger word).
     */
    public static DecoderRun decoder(String decoder, String log) {
        List<LogRecord> records = new ArrayList<>();
        List<String> firstLines = new ArrayList<>();
        int lines = 0;
        for (String line : log.split("\r?\n")) {
            RecordStart start = TraceLogFormat.parse(line);
            if (start != null) {
                LogRecord r = new LogRecord();
                r.begin(++lines, line, start);
                records.add(r);
                firstLines.add(line);
            } else if (!records.isEmpty()) {
                records.get(records.size() - 1).add(++lines, line);
            }
        }
        List<RecordText> texts = new ArrayList<>();
        for (LogRecord r : records) {
            texts.add(RecordText.of("bench.log", r));
        }
        RepeatedAnswers repeats = new RepeatedAnswers();
        ToIntFunction<RecordText> run = switch (decoder) {
            case "certificate" -> r -> CertificateDecoder.decode(r).certificates().size();
            case "network-error" -> r -> NetworkErrorDecoder.decode(r, NetworkErrorDecoder.find(r)).size();
            case "tls-failure" -> r -> TlsFailureDecoder.decode(r, NetworkErrorDecoder.find(r)).isPresent() ? 1 : 0;
            case "destination" -> r -> DestinationDecoder.decode(r, true).size();
            case "proxy-event" -> r -> ProxyEventDecoder.decode(r).size();
            // one file's memory of answers, as the reader has: an answer repeated within a minute is scanned, not sent
            case "server-answer" -> r -> ServerAnswerDecoder.decode(r, false, List.of(), repeats).size();
            case "date-header" -> r -> {
                int n = 0;
                for (ServerAnswer a : ServerAnswerDecoder.decode(r, false, List.of(), new RepeatedAnswers())) {
                    n += DateHeaderDecoder.decode(r, a).size();
                }
                return n;
            };
            case "record" -> {
                RecordDecoder all = new RecordDecoder("bench.log");
                yield r -> all.decode(r).size();
            }
            default -> null;
        };
        if (decoder.equals("record-start") || decoder.equals("trigger-scan")) {
            return prefilter(decoder.equals("record-start"), firstLines, lines);
        }
        if (run == null) {
            throw new IllegalArgumentException("no decoder " + decoder + "; one of " + DECODERS);
        }
        return new DecoderRun(() -> {
            int found = 0;
            for (RecordText r : texts) {
                found += run.applyAsInt(r);
            }
            return found;
        }, lines);
    }

    /** The prefilter's parts over record starts (as bytes): finding the message, or trigger words in it. */
    private static DecoderRun prefilter(boolean start, List<String> firstLines, int lines) {
        List<byte[]> bytes = firstLines.stream().map(l -> l.getBytes(StandardCharsets.ISO_8859_1)).toList();
        return new DecoderRun(() -> {
            int found = 0;
            for (byte[] b : bytes) {
                int message = TraceLogFormat.messageStart(b, b.length);
                found += start ? message : TriggerScan.DECODERS.in(b, Math.max(0, message), b.length) ? 1 : 0;
            }
            return found;
        }, lines);
    }
}
