package dev.sonde.net;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP {@code Date} values, as a server sends them or a log prints them, in the three forms RFC 9110 says a recipient
 * must accept:
 * {@code Sun, 06 Nov 1994 08:49:37 GMT} (IMF-fixdate; the weekday may be missing), {@code Sunday, 06-Nov-94
 * 08:49:37 GMT} (RFC 850; a two-digit year more than 50 years ahead is read in the past century) and
 * {@code Sun Nov  6 08:49:37 1994} (asctime). Trailing blanks (a CRLF log's) are ignored. Each pattern is anchored
 * and bounded (possessive runs): linear time. The one parser the clock probe and the log readers share.
 */
public final class HttpDates {

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "^(?:[A-Za-z]{3},[ \\t]*+)?(\\d{1,2})[ \\t]++([A-Za-z]{3})[ \\t]++(\\d{4})[ \\t]++(\\d{2}):(\\d{2}):(\\d{2})[ \\t]++(?:GMT|UTC|\\+0000)$");
    private static final Pattern RFC_850 = Pattern.compile(
            "^[A-Za-z]{6,9},[ \\t]*+(\\d{1,2})-([A-Za-z]{3})-(\\d{2})[ \\t]++(\\d{2}):(\\d{2}):(\\d{2})[ \\t]++GMT$");
    private static final Pattern ASCTIME = Pattern.compile(
            "^[A-Za-z]{3}[ \\t]++([A-Za-z]{3})[ \\t]++(\\d{1,2})[ \\t]++(\\d{2}):(\\d{2}):(\\d{2})[ \\t]++(\\d{4})$");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private HttpDates() {
    }

    /**
     * The instant {@code value} stands for; empty when it is null, none of the three forms or no real date.
     * {@code now} places an RFC 850 two-digit year (at most 50 years ahead of it).
     */
    public static Optional<Instant> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            Matcher m = IMF_FIXDATE.matcher(v);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(3)), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = RFC_850.matcher(v);
            if (m.matches()) {
                int thisYear = Year.from(now.atZone(ZoneOffset.UTC)).getValue();
                int year = 2000 + Integer.parseInt(m.group(3));
                while (year > thisYear + 50) {
                    year -= 100;
                }
                return at(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = ASCTIME.matcher(v);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(6)), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
            }
        } catch (java.time.DateTimeException e) { // day 31 of a 30-day month, hour 25 ...
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Instant> at(int year, String month, String day, String h, String min, String s) {
        String mon = month.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(mon)) {
                return Optional.of(LocalDateTime.of(year, Month.of(i + 1), Integer.parseInt(day), Integer.parseInt(h),
                        Integer.parseInt(min), Integer.parseInt(s)).toInstant(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }
}
