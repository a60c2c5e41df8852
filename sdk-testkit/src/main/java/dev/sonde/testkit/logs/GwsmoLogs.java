package dev.sonde.testkit.logs;

import dev.sonde.facts.SecurityFlag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes GWSMO logs for tests: failed TLS attempts rendered like the help article's examples, healthy
 * chatter, the two article examples verbatim, and the variants the readers must be indifferent to
 * (CRLF, byte-order marks, UTF-16, interleaved threads, inserted healthy records).
 */
public final class GwsmoLogs {

    /** The executable trace lines name in their location, as in the article's trace example. */
    public static final String TRACE_EXE = "ClientMigration";

    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter AUTH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final Pattern TRACE_RECORD = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    private static final Pattern AUTH_RECORD = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:[.:]\\d+)?(?=:[A-Za-z])");

    /** What each flag means, in our words, printed after the flag's name. */
    private static final Map<SecurityFlag, String> FLAG_TEXT = new EnumMap<>(Map.of(
            SecurityFlag.CERT_REV_FAILED, "The revocation check could not be completed; the revocation server may be unreachable.",
            SecurityFlag.INVALID_CERT, "The server certificate is not valid.",
            SecurityFlag.CERT_REVOKED, "The server certificate has been revoked by its issuer.",
            SecurityFlag.INVALID_CA, "The certificate chains to an authority this machine does not trust.",
            SecurityFlag.CERT_CN_INVALID, "The certificate's name does not match the host requested.",
            SecurityFlag.CERT_DATE_INVALID, "The certificate is expired or not yet valid.",
            SecurityFlag.CERT_WRONG_USAGE, "The certificate is not meant for server authentication.",
            SecurityFlag.SECURITY_CHANNEL_ERROR, "The secure channel could not be established."));

    private static final String[] TRACE_CHATTER = {
        "I:Sync " + TRACE_EXE + "!SyncEngine::RunPass @ 412 ()> Sync pass started for folder Inbox.",
        "I:Network " + TRACE_EXE + "!WinHttp::SendRequest @ 1630 ()> Request completed. HTTP status: 200, 1432 bytes received.",
        "V:Generic " + TRACE_EXE + "!EventLoop::Wait @ 88 ()> Setting event 0000000000001638.",
        "I:Calendar " + TRACE_EXE + "!CalendarSync::Upload @ 977 ()> Uploaded 3 events, 0 errors.",
        "I:Sync " + TRACE_EXE + "!SyncEngine::RunPass @ 530 ()> Sync pass finished in 1.2 s; next pass in 300 s.",
    };

    private static final String[] AUTH_CHATTER = {
        "INFO:oauth_client.cc(214)] Access token still valid for 3412 s; no refresh needed.",
        "INFO:windows_http.cc(88)] Request to https://www.googleapis.com/calendar/v3/users/me completed with HTTP status 200.",
        "VERBOSE1:windows_http.cc(120)] Reusing connection to oauth2.googleapis.com.",
    };

    private GwsmoLogs() {
    }

    /**
     * Renders attempts as a whole log. Trace lines carry {@code offset} and {@code thread};
     * authorization lines print the wall-clock time at {@code offset}, without zone. Flags are
     * rendered as the Status/Info bitmask line plus one line per flag name, like the article.
     */
    public static String render(LogStyle style, List<TlsAttempt> attempts, ZoneOffset offset, String thread) {
        StringBuilder out = new StringBuilder();
        for (TlsAttempt a : attempts) {
            if (style == LogStyle.TRACE) {
                renderTrace(out, a, offset, thread);
            } else {
                renderAuthorization(out, a, offset);
            }
        }
        return out.toString();
    }

    private static void renderTrace(StringBuilder out, TlsAttempt a, ZoneOffset offset, String thread) {
        String prefix = traceTime(a.time(), offset) + " " + thread + " E:Network " + TRACE_EXE + "!WinHttp::HandleCallback @ ";
        out.append(prefix).append("2025 ()> Secure connection failure. Status: 0x00010000. Info ")
                .append(hex(SecurityFlag.encode(a.flags()))).append('\n');
        out.append(prefix).append("2030 ()> Failure details:\n");
        for (SecurityFlag f : sorted(a)) {
            out.append(f.winHttpName()).append(": ").append(FLAG_TEXT.get(f)).append('\n');
        }
        if (a.cert() != null) {
            certificate(out, a.cert(), ISO_MILLIS);
        }
        if (a.proxyFallback()) {
            out.append(prefix).append("1970 ()> Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f\n");
        }
        out.append(prefix).append("2071 ()> Error result 5, hr = 0x80072f8f. Setting event 0000000000001638.\n");
        out.append(prefix).append("2076 ()> Network connection destination details: ").append(destination(a)).append('\n');
    }

    private static void renderAuthorization(StringBuilder out, TlsAttempt a, ZoneOffset offset) {
        String t = "[" + authorizationTime(a.time(), offset) + ":ERROR:windows_http.cc(";
        out.append(t).append("331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: ")
                .append(hex(SecurityFlag.encode(a.flags()))).append("]\n");
        if (a.cert() != null) {
            out.append(t).append("340)] Certificate details:\n");
            certificate(out, a.cert(), UTC_DATE);
        }
        for (SecurityFlag f : sorted(a)) {
            out.append(t).append("282)] ").append(f.winHttpName()).append(": ").append(FLAG_TEXT.get(f)).append('\n');
        }
        if (a.proxyFallback()) {
            out.append(t).append("197)] Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f\n");
        } else {
            out.append(t).append("197)] Error from API WinHttpSendRequest. Code: 0x00002f8f\n");
        }
        out.append(t).append("107)] Network connection destination details: ").append(destination(a)).append('\n');
    }

    private static List<SecurityFlag> sorted(TlsAttempt a) {
        List<SecurityFlag> flags = new ArrayList<>(a.flags());
        flags.sort(null);
        return flags;
    }

    private static void certificate(StringBuilder out, CertBlock c, DateTimeFormatter dates) {
        if (dates != UTC_DATE) {
            out.append("Certificate details:\n");
        }
        out.append("---Validity--\n");
        out.append("Valid from: ").append(dates.format(c.notBefore().atOffset(ZoneOffset.UTC))).append('\n');
        out.append("Valid until: ").append(dates.format(c.notAfter().atOffset(ZoneOffset.UTC))).append('\n');
        out.append("---Subject---\n");
        c.subject().forEach(v -> out.append(v).append('\n'));
        out.append("---Issuer----\n");
        c.issuer().forEach(v -> out.append(v).append('\n'));
        out.append("-------------\n");
    }

    private static String destination(TlsAttempt a) {
        String ip = a.ip().contains(":") ? "[" + a.ip() + "]" : a.ip();
        return ip + ":" + a.port() + (a.hostName() == null ? "" : " (" + a.hostName() + ")");
    }

    private static String hex(long v) {
        return String.format("0x%08x", v);
    }

    /** A trace line's time: {@code 2017-09-21T04:10:04.356-03:00}. */
    public static String traceTime(Instant t, ZoneOffset offset) {
        return TRACE_TIME.format(t.truncatedTo(ChronoUnit.MILLIS).atOffset(offset));
    }

    /** An authorization line's time: the wall clock at {@code offset}, {@code 2022-09-21T03:59:46}. */
    public static String authorizationTime(Instant t, ZoneOffset offset) {
        return AUTH_TIME.format(LocalDateTime.ofInstant(t, offset));
    }

    /** {@code count} healthy records (sync chatter) at {@code time}. */
    public static String ordinaryLines(LogStyle style, Instant time, ZoneOffset offset, String thread, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (style == LogStyle.TRACE) {
                out.append(traceTime(time, offset)).append(' ').append(thread).append(' ')
                        .append(TRACE_CHATTER[i % TRACE_CHATTER.length]).append('\n');
            } else {
                out.append('[').append(authorizationTime(time, offset)).append(':')
                        .append(AUTH_CHATTER[i % AUTH_CHATTER.length]).append('\n');
            }
        }
        return out.toString();
    }

    /** The article's authorization log (clock set to 2022, Google certificate of 2017), verbatim (LF line ends). */
    public static String articleExample1() {
        return """
            [2022-09-21T03:59:46:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000001]
            [2022-09-21T03:59:46:ERROR:windows_http.cc(340)] Certificate details:
            ---Validity--
            Valid from: 2017-09-13 17:23:55 UTC
            Valid until: 2017-12-06 17:10:00 UTC
            ---Subject---
            US
            California
            Mountain View
            Google Inc
            *.googleapis.com
            ---Issuer----
            US
            Google Inc
            Google Internet Authority G2
            -------------
            [2022-09-21T03:59:46:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: Certification revocation checking has been enabled, but the revocation check failed to verify whether a certificate has been revoked. The server used to check for revocation might be unreachable.
            [2022-09-21T03:59:46:ERROR:windows_http.cc(197)] Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f
            [2022-09-21T03:59:46:ERROR:windows_http.cc(107)] Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)
            """;
    }

    /** The article's trace log (GWMMO behind Fiddler), verbatim (LF line ends). */
    public static String articleExample2() {
        return """
            2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000009
            2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2030 ()> Failure details:
            WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: Certification revocation checking has been enabled, but the revocation check failed to verify whether a certificate has been revoked. The server used to check for revocation might be unreachable.
            WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The function is unfamiliar with the Certificate Authority that generated the server's certificate.
            Certificate details:
            ---Validity--
            Valid from: 2016-09-20T04:08:45.000Z
            Valid until: 2022-09-20T04:08:45.000Z
            ---Subject---
            Created by http://www.fiddler2.com
            DO_NOT_TRUST
            *.google.com
            ---Issuer----
            Created by http://www.fiddler2.com
            DO_NOT_TRUST
            DO_NOT_TRUST_FiddlerRoot
            -------------
            2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2071 ()> Error result 5, hr = 0x80072f8f. Setting event 0000000000001638.
            2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2076 ()> Network connection destination details: 127.0.0.1:8888 (COMPUTERNAME)
            """;
    }

    /** The text with every line ending in CRLF. */
    public static String toCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** UTF-16LE bytes with a byte-order mark. */
    public static byte[] utf16leWithBom(String text) {
        return withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    /** UTF-16BE bytes with a byte-order mark. */
    public static byte[] utf16beWithBom(String text) {
        return withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** UTF-8 bytes with a byte-order mark. */
    public static byte[] utf8WithBom(String text) {
        return withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    /**
     * A log written in {@code base} except {@code count} whole records from record {@code first} (0-based), written
     * in {@code region}, as a second writer would: the region's byte-order mark, if any, at its start. Line ends
     * are kept as they are.
     */
    public static byte[] withRegion(String log, LogStyle style, int first, int count, LogEncoding base, LogEncoding region) {
        Pattern start = style == LogStyle.TRACE ? TRACE_RECORD : AUTH_RECORD;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(base.bom());
        int record = -1;
        boolean inRegion = false;
        for (String line : log.split("(?<=\n)")) {
            if (start.matcher(line).find()) {
                record++;
                boolean now = record >= first && record < first + count;
                if (now && !inRegion) {
                    out.writeBytes(region.bom());
                }
                inRegion = now;
            }
            out.writeBytes((inRegion ? region : base).encode(line));
        }
        return out.toByteArray();
    }

    /** How many records a log holds. */
    public static int records(String log, LogStyle style) {
        return split(log, style == LogStyle.TRACE ? TRACE_RECORD : AUTH_RECORD).records.size();
    }

    /**
     * Merges two trace logs record by record (A1, B1, A2, B2, ...); continuation lines stay with their
     * record. A header block before A's first record is kept; B's is dropped.
     */
    public static String interleave(String traceA, String traceB) {
        Split a = split(traceA, TRACE_RECORD);
        Split b = split(traceB, TRACE_RECORD);
        String eol = traceA.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        a.head.forEach(l -> out.append(l).append(eol));
        for (int i = 0; i < Math.max(a.records.size(), b.records.size()); i++) {
            if (i < a.records.size()) {
                a.records.get(i).forEach(l -> out.append(l).append(eol));
            }
            if (i < b.records.size()) {
                b.records.get(i).forEach(l -> out.append(l).append(eol));
            }
        }
        return out.toString();
    }

    /**
     * Inserts a healthy record after every {@code everyNRecords} records, at the time (and thread) of
     * the record before it; never inside a record, never before the first.
     */
    public static String insertOrdinaryLines(String log, LogStyle style, int everyNRecords) {
        if (everyNRecords < 1) {
            throw new IllegalArgumentException("everyNRecords must be >= 1");
        }
        Split s = split(log, style == LogStyle.TRACE ? TRACE_RECORD : AUTH_RECORD);
        String eol = log.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        s.head.forEach(l -> out.append(l).append(eol));
        int inserted = 0;
        for (int i = 0; i < s.records.size(); i++) {
            List<String> rec = s.records.get(i);
            rec.forEach(l -> out.append(l).append(eol));
            if ((i + 1) % everyNRecords == 0) {
                out.append(ordinaryLike(rec.get(0), style, inserted++)).append(eol);
            }
        }
        return out.toString();
    }

    private static String ordinaryLike(String recordLine, LogStyle style, int k) {
        if (style == LogStyle.TRACE) {
            int first = recordLine.indexOf(' ');
            int second = recordLine.indexOf(' ', first + 1);
            return recordLine.substring(0, second) + " " + TRACE_CHATTER[k % TRACE_CHATTER.length];
        }
        Matcher m = AUTH_RECORD.matcher(recordLine);
        if (!m.find()) {
            throw new IllegalArgumentException("not an authorization record: " + recordLine);
        }
        return m.group() + ":" + AUTH_CHATTER[k % AUTH_CHATTER.length];
    }

    private record Split(List<String> head, List<List<String>> records) {
    }

    private static Split split(String log, Pattern recordStart) {
        List<String> head = new ArrayList<>();
        List<List<String>> records = new ArrayList<>();
        String text = log.replace("\r\n", "\n");
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return new Split(head, records);
        }
        for (String line : text.split("\n", -1)) {
            if (recordStart.matcher(line).find()) {
                records.add(new ArrayList<>(List.of(line)));
            } else if (records.isEmpty()) {
                head.add(line);
            } else {
                records.get(records.size() - 1).add(line);
            }
        }
        return new Split(head, records);
    }
}
