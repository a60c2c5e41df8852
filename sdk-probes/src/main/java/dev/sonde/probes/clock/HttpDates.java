package dev.sonde.probes.clock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP {@code Date} values in the three forms RFC 9110 says a recipient must accept:
 * <pre>
 * Sun, 06 Nov 1994 08:49:37 GMT    (IMF-fixdate, what servers send)
 * Sunday, 06-Nov-94 08:49:37 GMT   (obsolete RFC 850; a two-digit year more than 50 years ahead is read in the past century)
 * Sun Nov  6 08:49:37 1994         (obsolete asctime)
 * </pre>
 */
final class HttpDates {

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "^(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(?:GMT|UTC|\\+0000)$");
    private static final Pattern RFC_850 = Pattern.compile(
            "^[A-Za-z]+,\\s*(\\d{1,2})-([A-Za-z]{3})-(\\d{2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+GMT$");
    private static final Pattern ASCTIME = Pattern.compile(
            "^[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(\\d{4})$");

    private HttpDates() {
    }

    /** The instant a {@code Date} value stands for; empty when it is none of the three forms. */
    static Optional<Instant> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            Matcher m = IMF_FIXDATE.matcher(v);
            if (m.matches()) { // the weekday is not checked against the date: a wrong one changes nothing
                return Optional.of(at(Integer.parseInt(m.group(3)), month(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6)));
            }
            m = RFC_850.matcher(v);
            if (m.matches()) {
                int yy = Integer.parseInt(m.group(3));
                int thisYear = Year.from(now.atZone(ZoneOffset.UTC)).getValue();
                int year = 2000 + yy;
                while (year > thisYear + 50) {
                    year -= 100;
                }
                return Optional.of(at(year, month(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6)));
            }
            m = ASCTIME.matcher(v);
            if (m.matches()) {
                return Optional.of(at(Integer.parseInt(m.group(6)), month(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)));
            }
        } catch (RuntimeException e) { // unknown month, day 31 of a 30-day month, ...
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Instant at(int year, Month month, String day, String h, String min, String s) {
        return LocalDateTime.of(year, month, Integer.parseInt(day), Integer.parseInt(h), Integer.parseInt(min), Integer.parseInt(s))
                .toInstant(ZoneOffset.UTC);
    }

    private static Month month(String abbrev) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbrev)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a month: " + abbrev);
    }

    /** An IMF-fixdate, for tests and servers. */
    static String format(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

}
