package dev.sonde.logs;

import dev.sonde.facts.LogTime;
import java.time.ZoneOffset;

/**
 * The trace log ({@code Trace-*.log}) of GWSMO and its siblings (GWMMO, GSMME, Password Sync).
 * Sample ({@link #SAMPLE}, read back field by field in {@code TraceLogFormatTest}):
 *
 * <pre>
 * Exe name: outlook.exe
 * Product version: 4.3.68.0
 * 2024-03-05T09:15:22.481+01:00 0F3C E:Network outlook!WinHttp::HandleCallback @ 2025 ()&gt; Secure connection failure. Status: 0x00010000. Info 0x00000030
 * 2024-03-05T09:15:22.481+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2030 ()&gt; Failure details:
 * Certificate details:
 * ---Validity--
 * Valid from: 2024-01-08T08:19:26.000Z
 * Valid until: 2024-04-01T08:19:25.000Z
 * ---Subject---
 * *.corp.example.com
 * ---Issuer----
 * US
 * Google Trust Services
 * WR2
 * -------------
 * 2024-03-05T09:15:22.483+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2071 ()&gt; Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.
 * 2024-03-05T09:15:22.484+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2076 ()&gt; Network connection destination details: [2607:f8b0:4005:80a::200a]:443
 * 2024-03-05T09:15:23.010+01:00 1b04 W:Network outlook!WinHttp::ReadHeaders @ 1740 ()&gt; HTTP/1.1 407 Proxy Authentication Required
 * Proxy-Authenticate: Negotiate
 * Proxy-Authenticate: NTLM
 * </pre>
 *
 * reads as: {@code ClientInfo(GWSMO, outlook.exe, 4.3.68.0)} (from the header block);
 * {@code TlsFailure{CERT_CN_INVALID, CERT_DATE_INVALID}} (Info 0x30) on thread {@code 0f3c} at
 * 2024-03-05T09:15:22.481+01:00; a {@code Certificate} for {@code *.corp.example.com} issued by WR2,
 * valid 2024-01-08T08:19:26Z to 2024-04-01T08:19:25Z; {@code NetworkError(TIMEOUT, WinHttpReceiveResponse)}
 * (hr 0x80072ee2, async result 1); {@code Destination(2607:f8b0:4005:80a::200a, 443, "")}; and on
 * thread {@code 1b04} {@code ProxyEvent(AUTH_REQUIRED, [Negotiate, NTLM])}.
 *
 * <p>A line is {@code <ISO time[.fraction][Z|±hh:mm|±hhmm|±hh]> <thread hex> <L>:<Category> <location> ()> <message>}
 * with L one of A, I, E, F, W, V. The location (anything up to {@code ()>}) is
 * {@code <Exe>!<Class>::<Method> @ <line>}. The thread id is kept in lower case. Lines without that
 * prefix continue the record above; a header block before the first record is read by
 * {@link ClientInfoDecoder}.
 */
final class TraceLogFormat {

    /** The format's name in {@link dev.sonde.InputSummary#format()}. */
    static final String NAME = "gwsmo-trace";

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Exe name: outlook.exe
            Product version: 4.3.68.0
            2024-03-05T09:15:22.481+01:00 0F3C E:Network outlook!WinHttp::HandleCallback @ 2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000030
            2024-03-05T09:15:22.481+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2030 ()> Failure details:
            Certificate details:
            ---Validity--
            Valid from: 2024-01-08T08:19:26.000Z
            Valid until: 2024-04-01T08:19:25.000Z
            ---Subject---
            *.corp.example.com
            ---Issuer----
            US
            Google Trust Services
            WR2
            -------------
            2024-03-05T09:15:22.483+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2071 ()> Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.
            2024-03-05T09:15:22.484+01:00 0f3c E:Network outlook!WinHttp::HandleCallback @ 2076 ()> Network connection destination details: [2607:f8b0:4005:80a::200a]:443
            2024-03-05T09:15:23.010+01:00 1b04 W:Network outlook!WinHttp::ReadHeaders @ 1740 ()> HTTP/1.1 407 Proxy Authentication Required
            Proxy-Authenticate: Negotiate
            Proxy-Authenticate: NTLM
            """;
    private static final String LEVELS = "AIEFWVaiefwv";

    private TraceLogFormat() {
    }

    /** The parsed record start, or {@code null} when the line does not start a trace record. */
    static RecordStart parse(String s) {
        Prefix at = new Prefix();
        if (scan(s, at) < 0) {
            return null;
        }
        ZoneOffset offset = at.sign == 0 ? null : at.sign == 'Z' ? ZoneOffset.UTC
                : at.sign == '-' ? ZoneOffset.ofHoursMinutes(-at.hours, -at.minutes) : ZoneOffset.ofHoursMinutes(at.hours, at.minutes);
        String thread = Ascii.lower(s.substring(at.threadStart, at.threadEnd));
        String level = String.valueOf(Character.toUpperCase(s.charAt(at.level)));
        String location = s.substring(at.locationStart, at.locationEnd).strip();
        return new RecordStart(NAME, new LogTime(IsoTime.localDateTime(s, 0), offset), thread, level, location,
                s.substring(at.message));
    }

    /**
     * Where the message of the trace record {@code s} starts (the prefix checked as {@link #parse} checks it), or
     * -1 when {@code s} does not start a trace record. Makes no object: the reader asks it of every line, and
     * builds the {@link RecordStart} only for a record it decodes.
     */
    static int messageStart(CharSequence s) {
        return scan(s, null);
    }

    /** Where the parts of a record start are, for {@link #parse}. */
    private static final class Prefix {
        /** 0 (no offset), 'Z', '+' or '-'. */
        char sign;
        int hours;
        int minutes;
        int threadStart;
        int threadEnd;
        int level;
        int locationStart;
        int locationEnd;
        int message;
    }

    /** The start of the message, or -1 when {@code s} is not a record start; fills {@code at} unless null. */
    private static int scan(CharSequence s, Prefix at) {
        int n = s.length();
        if (n < 24 || !Ascii.isDigit(s.charAt(0)) || !IsoTime.isDateTime(s, 0)) {
            return -1;
        }
        int p = IsoTime.end(s, 0);
        char sign = 0;
        int hours = 0;
        int minutes = 0;
        if (p < n) {
            char c = s.charAt(p);
            if (c == 'Z' || c == 'z') {
                sign = 'Z';
                p++;
            } else if (c == '+' || c == '-') {
                int q = p + 1;
                if (!Ascii.digits(s, q, 2)) {
                    return -1;
                }
                hours = Ascii.number(s, q, 2);
                q += 2;
                if (q < n && s.charAt(q) == ':' && Ascii.digits(s, q + 1, 2)) {
                    minutes = Ascii.number(s, q + 1, 2);
                    q += 3;
                } else if (Ascii.digits(s, q, 2)) {
                    minutes = Ascii.number(s, q, 2);
                    q += 2;
                }
                // what ZoneOffset.ofHoursMinutes accepts
                if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
                    return -1;
                }
                sign = c;
                p = q;
            }
        }
        if (p >= n || !isSpace(s.charAt(p))) {
            return -1;
        }
        p = skipSpaces(s, p);
        int threadStart = p;
        int threadEnd = p;
        if (!isLevel(s, p)) {
            while (p < n && Ascii.isHex(s.charAt(p))) {
                p++;
            }
            if (p == threadStart || p - threadStart > 16 || p >= n || !isSpace(s.charAt(p))) {
                return -1;
            }
            threadEnd = p;
            p = skipSpaces(s, p);
            if (!isLevel(s, p)) {
                return -1;
            }
        }
        int level = p;
        p += 2;
        while (p < n && !isSpace(s.charAt(p))) { // category
            p++;
        }
        p = skipSpaces(s, p);
        int locationStart = p;
        int locationEnd;
        int messageStart;
        int arrow = indexOf(s, "()>", p);
        if (arrow >= 0) {
            locationEnd = arrow;
            messageStart = arrow + 3;
        } else {
            int gt = indexOf(s, "> ", p);
            if (gt >= 0) {
                locationEnd = gt;
                messageStart = gt + 1;
            } else {
                locationEnd = p;
                messageStart = p;
            }
        }
        if (messageStart < n && s.charAt(messageStart) == ' ') {
            messageStart++;
        }
        if (at != null) {
            at.sign = sign;
            at.hours = hours;
            at.minutes = minutes;
            at.threadStart = threadStart;
            at.threadEnd = threadEnd;
            at.level = level;
            at.locationStart = locationStart;
            at.locationEnd = locationEnd;
            at.message = messageStart;
        }
        return messageStart;
    }

    /** {@link String#indexOf(String, int)} for any character sequence. */
    private static int indexOf(CharSequence s, String word, int from) {
        char first = word.charAt(0);
        for (int i = from, last = s.length() - word.length(); i <= last; i++) {
            if (s.charAt(i) == first) {
                int k = 1;
                while (k < word.length() && s.charAt(i + k) == word.charAt(k)) {
                    k++;
                }
                if (k == word.length()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isLevel(CharSequence s, int p) {
        return p + 1 < s.length() && LEVELS.indexOf(s.charAt(p)) >= 0 && s.charAt(p + 1) == ':';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipSpaces(CharSequence s, int p) {
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }
}
