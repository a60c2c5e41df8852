package dev.sonde.probes.logs;

import dev.sonde.facts.LogTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The trace log ({@code Trace-*.log}) of GWSMO and its siblings (GWMMO, GSMME, Password Sync).
 *
 * <pre>
 * 2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000009
 * 2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2071 ()> Error result 5, hr = 0x80072f8f. Setting event 0000000000001638.
 * 2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2076 ()> Network connection destination details: 127.0.0.1:8888 (COMPUTERNAME)
 * </pre>
 *
 * reads as {@code TlsFailure{CERT_REV_FAILED, INVALID_CA}}, {@code NetworkError(SECURE_FAILURE,
 * "WinHttpSendRequest")} and {@code Destination(127.0.0.1, 8888, "COMPUTERNAME")}, all at
 * 2017-09-21T04:10:04.356-03:00 on thread {@code 1a20}.
 *
 * <p>A line is {@code <ISO time[.fraction][Z|±hh:mm|±hhmm|±hh]> <thread hex> <L>:<Category> <location> ()> <message>}
 * with L one of A, I, E, F, W, V. The location (anything up to {@code ()>}) is
 * {@code <Exe>!<Class>::<Method> @ <line>}. Lines without that prefix continue the record above.
 * A file may start with a header block ({@code Exe name:}, {@code Product version:}, ...), read by
 * {@link TraceFileHeader}.
 */
final class TraceLogFormat {

    /** The format's name in {@link dev.sonde.SourceSummary#format()}. */
    static final String NAME = "gwsmo-trace";
    private static final String LEVELS = "AIEFWVaiefwv";

    private TraceLogFormat() {
    }

    /** The parsed record start, or {@code null} when the line does not start a trace record. */
    static RecordStart parse(String s) {
        int n = s.length();
        if (n < 24 || !Ascii.isDigit(s.charAt(0))) {
            return null;
        }
        LocalDateTime local = IsoTime.localDateTime(s, 0);
        if (local == null) {
            return null;
        }
        int p = IsoTime.end(s, 0);
        ZoneOffset offset = null;
        if (p < n) {
            char c = s.charAt(p);
            if (c == 'Z' || c == 'z') {
                offset = ZoneOffset.UTC;
                p++;
            } else if (c == '+' || c == '-') {
                int q = p + 1;
                if (!Ascii.digits(s, q, 2)) {
                    return null;
                }
                int hours = Ascii.number(s, q, 2);
                q += 2;
                int minutes = 0;
                if (q < n && s.charAt(q) == ':' && Ascii.digits(s, q + 1, 2)) {
                    minutes = Ascii.number(s, q + 1, 2);
                    q += 3;
                } else if (Ascii.digits(s, q, 2)) {
                    minutes = Ascii.number(s, q, 2);
                    q += 2;
                }
                try {
                    offset = c == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
                } catch (DateTimeException e) {
                    return null;
                }
                p = q;
            }
        }
        if (p >= n || !isSpace(s.charAt(p))) {
            return null;
        }
        p = skipSpaces(s, p);
        String thread = "";
        if (!isLevel(s, p)) {
            int t = p;
            while (p < n && Ascii.isHex(s.charAt(p))) {
                p++;
            }
            if (p == t || p - t > 16 || p >= n || !isSpace(s.charAt(p))) {
                return null;
            }
            thread = Ascii.lower(s.substring(t, p));
            p = skipSpaces(s, p);
            if (!isLevel(s, p)) {
                return null;
            }
        }
        String level = String.valueOf(Character.toUpperCase(s.charAt(p)));
        p += 2;
        while (p < n && !isSpace(s.charAt(p))) { // category
            p++;
        }
        p = skipSpaces(s, p);
        String location;
        int messageStart;
        int arrow = s.indexOf("()>", p);
        if (arrow >= 0) {
            location = s.substring(p, arrow).strip();
            messageStart = arrow + 3;
        } else {
            int gt = s.indexOf("> ", p);
            if (gt >= 0) {
                location = s.substring(p, gt).strip();
                messageStart = gt + 1;
            } else {
                location = "";
                messageStart = p;
            }
        }
        if (messageStart < n && s.charAt(messageStart) == ' ') {
            messageStart++;
        }
        return new RecordStart(NAME, new LogTime(local, offset), thread, level, location, s.substring(messageStart));
    }

    private static boolean isLevel(String s, int p) {
        return p + 1 < s.length() && LEVELS.indexOf(s.charAt(p)) >= 0 && s.charAt(p + 1) == ':';
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipSpaces(String s, int p) {
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }
}
