package dev.sonde.logs;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;

/** Reads {@code YYYY-MM-DDTHH:MM:SS[.fff]} (also with a space for {@code T}, or a comma for the dot) without regex. */
final class IsoTime {

    private IsoTime() {
    }

    /** The local date-time written at {@code p}, or {@code null}. */
    static LocalDateTime localDateTime(CharSequence s, int p) {
        if (!isDateTime(s, p)) {
            return null;
        }
        int end = end(s, p);
        int nanos = end > p + 19 ? nanos(s, p + 20, end) : 0;
        return LocalDateTime.of(Ascii.number(s, p, 4), Ascii.number(s, p + 5, 2), Ascii.number(s, p + 8, 2),
                Ascii.number(s, p + 11, 2), Ascii.number(s, p + 14, 2), Ascii.number(s, p + 17, 2), nanos);
    }

    /**
     * True when a valid local date-time is written at {@code p} (what {@link #localDateTime} reads, without making
     * it: the reader asks this of every line).
     */
    static boolean isDateTime(CharSequence s, int p) {
        if (!Ascii.digits(s, p, 4) || s.length() < p + 19 || s.charAt(p + 4) != '-' || !Ascii.digits(s, p + 5, 2)
                || s.charAt(p + 7) != '-' || !Ascii.digits(s, p + 8, 2)) {
            return false;
        }
        char t = s.charAt(p + 10);
        if ((t != 'T' && t != ' ' && t != 't') || !Ascii.digits(s, p + 11, 2) || s.charAt(p + 13) != ':'
                || !Ascii.digits(s, p + 14, 2) || s.charAt(p + 16) != ':' || !Ascii.digits(s, p + 17, 2)) {
            return false;
        }
        int q = p + 19;
        if (q < s.length() && (s.charAt(q) == '.' || s.charAt(q) == ',') && (q + 1 >= s.length() || !Ascii.isDigit(s.charAt(q + 1)))) {
            return false; // a separator without a fraction
        }
        return inRange(Ascii.number(s, p, 4), Ascii.number(s, p + 5, 2), Ascii.number(s, p + 8, 2),
                Ascii.number(s, p + 11, 2), Ascii.number(s, p + 14, 2), Ascii.number(s, p + 17, 2));
    }

    /**
     * {@link #isDateTime(CharSequence, int)} at {@code p} in {@code s}, a line's bytes (one per character: bytes of
     * 0x80 and above are never what it looks for), of which there are at least 24 from {@code p}: the trace reader
     * asks it of every plain line, without making a character view of it.
     */
    static boolean isDateTime(byte[] s, int p) {
        byte t = s[p + 10];
        if (s[p + 4] != '-' || s[p + 7] != '-' || (t != 'T' && t != ' ' && t != 't') || s[p + 13] != ':'
                || s[p + 16] != ':') {
            return false;
        }
        int century = twoDigits(s, p); // each negative when a digit is not one
        int years = twoDigits(s, p + 2);
        int month = twoDigits(s, p + 5);
        int day = twoDigits(s, p + 8);
        int hour = twoDigits(s, p + 11);
        int minute = twoDigits(s, p + 14);
        int second = twoDigits(s, p + 17);
        if ((century | years | month | day | hour | minute | second) < 0) {
            return false;
        }
        if ((s[p + 19] == '.' || s[p + 19] == ',') && !Ascii.isDigit(s[p + 20])) {
            return false; // a separator without a fraction
        }
        return inRange(century * 100 + years, month, day, hour, minute, second);
    }

    /** The number the two ASCII digits at {@code p} write, or a negative number when either is not a digit. */
    private static int twoDigits(byte[] s, int p) {
        int tens = s[p] - '0';
        int ones = s[p + 1] - '0';
        // negative when either is below 0 or above 9
        return (tens | ones | (9 - tens) | (9 - ones)) < 0 ? -1 : tens * 10 + ones;
    }

    /** The ranges {@link LocalDateTime#of} checks (a fraction has at most 9 digits read: always in range). */
    private static boolean inRange(int year, int month, int day, int hour, int minute, int second) {
        return month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= Month.of(month).length(Year.isLeap(year)))
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** Index just past the date-time (and its fraction) that starts at {@code p}. */
    static int end(CharSequence s, int p) {
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
    static int nanos(CharSequence s, int start, int end) {
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
