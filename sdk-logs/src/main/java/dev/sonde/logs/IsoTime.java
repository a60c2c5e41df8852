package dev.sonde.logs;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/** Reads {@code YYYY-MM-DDTHH:MM:SS[.fff]} (also with a space for {@code T}, or a comma for the dot) without regex. */
final class IsoTime {

    private IsoTime() {
    }

    /** The local date-time written at {@code p}, or {@code null}. */
    static LocalDateTime localDateTime(String s, int p) {
        if (!Ascii.digits(s, p, 4) || s.length() < p + 19 || s.charAt(p + 4) != '-' || !Ascii.digits(s, p + 5, 2)
                || s.charAt(p + 7) != '-' || !Ascii.digits(s, p + 8, 2)) {
            return null;
        }
        char t = s.charAt(p + 10);
        if ((t != 'T' && t != ' ' && t != 't') || !Ascii.digits(s, p + 11, 2) || s.charAt(p + 13) != ':'
                || !Ascii.digits(s, p + 14, 2) || s.charAt(p + 16) != ':' || !Ascii.digits(s, p + 17, 2)) {
            return null;
        }
        int nanos = 0;
        int q = p + 19;
        if (q < s.length() && (s.charAt(q) == '.' || s.charAt(q) == ',')) {
            int start = q + 1;
            int end = start;
            while (end < s.length() && Ascii.isDigit(s.charAt(end))) {
                end++;
            }
            if (end == start) {
                return null;
            }
            nanos = nanos(s, start, end);
        }
        return of(Ascii.number(s, p, 4), Ascii.number(s, p + 5, 2), Ascii.number(s, p + 8, 2),
                Ascii.number(s, p + 11, 2), Ascii.number(s, p + 14, 2), Ascii.number(s, p + 17, 2), nanos);
    }

    /** Index just past the date-time (and its fraction) that starts at {@code p}. */
    static int end(String s, int p) {
        int q = p + 19;
        if (q < s.length() && (s.charAt(q) == '.' || s.charAt(q) == ',')) {
            q++;
            while (q < s.length() && Ascii.isDigit(s.charAt(q))) {
                q++;
            }
        }
        return q;
    }

    /** A fraction of a second written by the digits from {@code start} to {@code end}, in nanoseconds. */
    static int nanos(String s, int start, int end) {
        int v = 0;
        for (int i = start; i < start + 9; i++) {
            v = v * 10 + (i < end ? s.charAt(i) - '0' : 0);
        }
        return v;
    }

    static LocalDateTime of(int year, int month, int day, int hour, int minute, int second, int nanos) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
