package dev.sonde.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate's validity date as the logs print it: {@code 2017-09-13 17:23:55 UTC},
 * {@code 2016-09-20T04:08:45.000Z}, {@code 2024-01-01T02:00:00.5+02:00}, {@code Mar 25 08:19:25 2024 GMT}, or a
 * locale's short format ({@code 13.09.2017 17:23:55}, {@code 9/13/2017 5:23:55 PM}, see {@link #NUMERIC_DATE}).
 * Without a zone, UTC.
 */
final class ValidityDates {

    // Runs of spaces are possessive (\s*+): linear time on hostile lines, same matches (see AnchoredPattern).
    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?\\s*+(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*+\\.?\\s++(\\d{1,2}),?\\s++(\\d{1,2}):(\\d{2}):(\\d{2})\\s++(\\d{4})");
    /**
     * Numeric dates as Windows prints them in a locale's short format: {@code 13/09/2017 17:23:55},
     * {@code 9/13/2017 5:23:55 PM}, {@code 13.09.2017 17:23:55}. Read only when the order of day and
     * month is certain (a dotted date is day first; otherwise one of the two must be above 12): a
     * date read the wrong way round would move a certificate's validity by months.
     */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "\\b(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})[ T,]++(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s*+([AaPp])\\.?[Mm]\\.?)?");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private ValidityDates() {
    }

    /** The date in {@code s}, or {@code null} when there is none, it does not exist, or day and month could be swapped. */
    static Instant parse(String s) {
        Matcher m = ISO_DATE.matcher(s);
        if (m.find()) {
            int nanos = m.group(7) == null ? 0 : IsoTime.nanos(m.group(7), 0, m.group(7).length());
            LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
            if (t == null) {
                return null;
            }
            return t.toInstant(offset(m.group(8)));
        }
        m = NUMERIC_DATE.matcher(s);
        if (m.find()) {
            return numericDate(m);
        }
        m = TEXT_DATE.matcher(s);
        if (m.find()) {
            int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
            LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(6)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static Instant numericDate(Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int day;
        int month;
        if (m.group(2).equals(".") || (a > 12 && b <= 12)) {
            day = a;
            month = b;
        } else if (b > 12 && a <= 12) {
            day = b;
            month = a;
        } else {
            return null; // 04/03/2024: 4 March or 3 April, cannot tell
        }
        int hour = Integer.parseInt(m.group(5));
        if (m.group(8) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(m.group(8).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(4)), month, day, hour,
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), 0);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.length() < 3 || !(zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int h = Integer.parseInt(digits.substring(0, 2));
        int m = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        try {
            return zone.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
