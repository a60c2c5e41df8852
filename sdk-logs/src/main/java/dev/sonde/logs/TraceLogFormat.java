package dev.sonde.logs;

import dev.sonde.facts.LogTime;
import java.time.LocalDateTime;
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

    private TraceLogFormat() {
    }

    /** The parsed record start, or {@code null} when the line does not start a trace record. */
    static RecordStart parse(String s) {
        int n = s.length();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) { // one byte per character: every test below is on ASCII, never met by 0x80
            char c = s.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        return parse(s, b, n);
    }

    /**
     * {@link #parse(String)} of {@code s}, whose characters are the first {@code n} bytes of {@code b} (one byte per
     * character, as in {@link #parse(String)}, or the line's own bytes when it is plain ASCII).
     */
    static RecordStart parse(String s, byte[] b, int n) {
        Prefix at = new Prefix();
        if (scan(b, 0, n, at) < 0) {
            return null;
        }
        ZoneOffset offset = at.sign == 0 ? null : at.sign == 'Z' ? ZoneOffset.UTC
                : at.sign == '-' ? ZoneOffset.ofHoursMinutes(-at.hours, -at.minutes) : ZoneOffset.ofHoursMinutes(at.hours, at.minutes);
        String thread = Ascii.lower(s.substring(at.threadStart, at.threadEnd));
        String level = String.valueOf(Character.toUpperCase(s.charAt(at.level)));
        String location = s.substring(at.locationStart, at.locationEnd).strip();
        LocalDateTime time = LocalDateTime.of(Ascii.number(b, 0, 4), Ascii.number(b, 5, 2), Ascii.number(b, 8, 2),
                Ascii.number(b, 11, 2), Ascii.number(b, 14, 2), Ascii.number(b, 17, 2), at.nanos);
        return new RecordStart(NAME, new LogTime(time, offset), thread, level, location, s.substring(at.message));
    }

    /**
     * Where the message of the trace record in the first {@code n} bytes of {@code b} starts (the prefix checked as
     * {@link #parse} checks it), or -1 when they do not start a trace record. Reads bytes and makes no object: the
     * reader asks it of every plain ASCII line, and builds the {@link RecordStart} only for a record it decodes.
     */
    static int messageStart(byte[] b, int n) {
        return scan(b, 0, n, null);
    }

    /**
     * {@link #messageStart(byte[], int)} of the line {@code b[off, off + n)}, counted from {@code off}, with {@code at}
     * filled (its positions counted from {@code off} too) when it starts a record.
     */
    static int messageStart(byte[] b, int off, int n, Prefix at) {
        return scan(b, off, n, at);
    }

    /**
     * Where the parts of a record start are, for {@link #parse}; counted from the line's first byte. The bytes before
     * {@link #category} are all checked to be ASCII characters of the prefix (digits, signs, hex, level, spaces and
     * tabs); the category and the location are not.
     */
    static final class Prefix {
        /** 0 (no offset), 'Z', '+' or '-'. */
        char sign;
        int hours;
        int minutes;
        int nanos;
        int threadStart;
        int threadEnd;
        int level;
        /** Just past the level's colon. */
        int category;
        int locationStart;
        int locationEnd;
        int message;
        /**
         * The lines' bytes seen as Latin-1 characters (same indexes), or null: when set, the {@code ()>} that ends a
         * location is found with {@link String#indexOf(String, int)} (a vectorised search) instead of byte by byte.
         * Lines are then to be scanned in increasing order, each once: {@link #nextArrow} carries the next
         * occurrence from one line to the next, so that a chunk without one is searched once, not once per line.
         */
        String latin1;
        /** Where the next {@code ()>} at or after the last line's location starts; {@code MAX_VALUE} when none is left. */
        int nextArrow = -1;
        /** With {@link #latin1}: the date, hour and minute of the last line whose date-time was valid, or null. */
        byte[] minute;
    }

    /**
     * The start of the message of the line {@code s[off, off + n)}, counted from {@code off}, or -1 when it is not a
     * record start; fills {@code at} unless null. Bytes of 0x80 and above are never what a test looks for.
     */
    private static int scan(byte[] s, int off, int length, Prefix at) {
        if (length < 24 || !(at != null && at.latin1 != null ? sameDateTime(s, off, at) : IsoTime.isDateTime(s, off))) {
            return -1;
        }
        int n = off + length;
        int p = off + 19;
        int nanos = 0;
        if (s[p] == '.' || s[p] == ',') { // a fraction of up to 9 digits read (more are allowed, and ignored)
            p++;
            while (p < n && Ascii.isDigit(s[p])) {
                if (p < off + 29) {
                    nanos = nanos * 10 + (s[p] - '0');
                }
                p++;
            }
            for (int k = Math.min(p, off + 29); k < off + 29; k++) {
                nanos *= 10;
            }
        }
        char sign = 0;
        int hours = 0;
        int minutes = 0;
        if (p < n) {
            byte c = s[p];
            if (c == 'Z' || c == 'z') {
                sign = 'Z';
                p++;
            } else if (c == '+' || c == '-') {
                int q = p + 1;
                if (!Ascii.digits(s, n, q, 2)) {
                    return -1;
                }
                hours = Ascii.number(s, q, 2);
                q += 2;
                if (q < n && s[q] == ':' && Ascii.digits(s, n, q + 1, 2)) {
                    minutes = Ascii.number(s, q + 1, 2);
                    q += 3;
                } else if (Ascii.digits(s, n, q, 2)) {
                    minutes = Ascii.number(s, q, 2);
                    q += 2;
                }
                // what ZoneOffset.ofHoursMinutes accepts
                if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
                    return -1;
                }
                sign = (char) c;
                p = q;
            }
        }
        if (p >= n || !isSpace(s[p])) {
            return -1;
        }
        p = skipSpaces(s, n, p);
        int threadStart = p;
        int threadEnd = p;
        if (!isLevel(s, n, p)) {
            while (p < n && Ascii.isHex(s[p])) {
                p++;
            }
            if (p == threadStart || p - threadStart > 16 || p >= n || !isSpace(s[p])) {
                return -1;
            }
            threadEnd = p;
            p = skipSpaces(s, n, p);
            if (!isLevel(s, n, p)) {
                return -1;
            }
        }
        int level = p;
        p += 2;
        int category = p;
        while (p < n && !isSpace(s[p])) { // category
            p++;
        }
        p = skipSpaces(s, n, p);
        int locationStart = p;
        int locationEnd;
        int messageStart;
        int arrow;
        if (at != null && at.latin1 != null) {
            if (at.nextArrow < p) {
                int found = at.latin1.indexOf("()>", p);
                at.nextArrow = found < 0 ? Integer.MAX_VALUE : found;
            }
            arrow = at.nextArrow <= n - 3 ? at.nextArrow : -1; // never across the line's end: that is a CR or LF
        } else {
            arrow = indexOf(s, n, '(', ')', '>', p);
        }
        if (arrow >= 0) {
            locationEnd = arrow;
            messageStart = arrow + 3;
        } else {
            int gt = indexOf(s, n, '>', ' ', p);
            if (gt >= 0) {
                locationEnd = gt;
                messageStart = gt + 1;
            } else {
                locationEnd = p;
                messageStart = p;
            }
        }
        if (messageStart < n && s[messageStart] == ' ') {
            messageStart++;
        }
        if (at != null) {
            at.sign = sign;
            at.hours = hours;
            at.minutes = minutes;
            at.nanos = nanos;
            at.threadStart = threadStart - off;
            at.threadEnd = threadEnd - off;
            at.level = level - off;
            at.category = category - off;
            at.locationStart = locationStart - off;
            at.locationEnd = locationEnd - off;
            at.message = messageStart - off;
        }
        return messageStart - off;
    }

    /**
     * {@link IsoTime#isDateTime(byte[], int)} for lines read in order ({@link Prefix#latin1} set): a line whose date,
     * hour and minute are those of the last valid one needs only its seconds checked (most lines of a log share them
     * with the line before).
     */
    private static boolean sameDateTime(byte[] s, int off, Prefix at) {
        if (at.minute != null && java.util.Arrays.equals(s, off, off + MINUTE, at.minute, 0, MINUTE)) {
            int tens = s[off + 17] - '0';
            int ones = s[off + 18] - '0';
            return s[off + 16] == ':' && tens >= 0 && tens <= 5 && ones >= 0 && ones <= 9
                    && ((s[off + 19] != '.' && s[off + 19] != ',') || Ascii.isDigit(s[off + 20]));
        }
        if (!IsoTime.isDateTime(s, off)) {
            return false;
        }
        if (at.minute == null) {
            at.minute = new byte[MINUTE];
        }
        System.arraycopy(s, off, at.minute, 0, MINUTE);
        return true;
    }

    /** The characters of {@code yyyy-MM-ddTHH:mm}. */
    private static final int MINUTE = 16;

    /** Where the bytes {@code a b c} (or {@code a b} when {@code c} is 0) first appear in {@code s[from, n)}, or -1. */
    private static int indexOf(byte[] s, int n, char a, char b, char c, int from) {
        int width = c == 0 ? 2 : 3;
        for (int i = from, last = n - width; i <= last; i++) {
            if (s[i] == a && s[i + 1] == b && (width == 2 || s[i + 2] == c)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] s, int n, char a, char b, int from) {
        return indexOf(s, n, a, b, (char) 0, from);
    }

    private static boolean isLevel(byte[] s, int n, int p) {
        if (p + 1 >= n || s[p + 1] != ':') {
            return false;
        }
        return switch (s[p]) {
            case 'A', 'I', 'E', 'F', 'W', 'V', 'a', 'i', 'e', 'f', 'w', 'v' -> true;
            default -> false;
        };
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    private static int skipSpaces(byte[] s, int n, int p) {
        while (p < n && isSpace(s[p])) {
            p++;
        }
        return p;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
