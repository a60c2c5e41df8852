package dev.sonde.logs.host;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * certutil's {@code NotBefore:} / {@code NotAfter:} dates, written in the machine's short date and time format and
 * its local time, without a zone: {@code 9/21/2016 4:08 AM} (United States), {@code 21/09/2016 04:08} (France,
 * United Kingdom, Spain ...), {@code 21.09.2016 04:08} (Germany), {@code 2016/09/21 4:08} (Japan),
 * {@code 2016-09-21 04:08} (Sweden). The order of day and month is told by the format, never guessed: an AM/PM
 * marker means month first, dots mean day first, a year in front means year, month, day; with slashes or dashes and
 * no marker, a number above 12 tells, else the labels' language does (translated labels come with a day-first
 * locale; English labels without AM/PM may be the United Kingdom's day-first dates or a 24-hour American setting,
 * so such a date is left unread). A date read the wrong way round would move a validity by months.
 */
final class CertutilDates {

    /**
     * Date (three numbers, one separator kind), time (hours and minutes, optional seconds, colon or dot), optional
     * AM/PM: every quantifier bounded or possessive, so the match is linear in the value's length.
     */
    static final Pattern DATE = Pattern.compile(
            "(\\d{1,4})([./-])(\\d{1,2})[./-](\\d{1,4})\\.?+\\s++(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?+\\s*+"
                    + "([AaPp])?+");

    private CertutilDates() {
    }

    /**
     * The date and time as written, or {@code null} when the order of its parts cannot be told or it is no date.
     *
     * @param written    the value as written
     * @param translated true when the output's labels are not English (a day-first locale)
     */
    static LocalDateTime read(String written, boolean translated) {
        Matcher m = DATE.matcher(written.strip());
        if (!m.lookingAt()) {
            return null;
        }
        String a = m.group(1);
        String b = m.group(3);
        String c = m.group(4);
        int hour = Integer.parseInt(m.group(5));
        int minute = Integer.parseInt(m.group(6));
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        String marker = m.group(8);
        if (marker != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (Character.toUpperCase(marker.charAt(0)) == 'P' ? 12 : 0);
        }
        int year;
        int month;
        int day;
        if (a.length() == 4) { // 2016/09/21, 2016-09-21
            year = Integer.parseInt(a);
            month = Integer.parseInt(b);
            day = Integer.parseInt(c);
        } else if (c.length() != 4) {
            return null; // a two-digit year: which century is a guess
        } else {
            year = Integer.parseInt(c);
            int first = Integer.parseInt(a);
            int middle = Integer.parseInt(b);
            boolean dayFirst;
            if (marker != null) {
                dayFirst = false;
            } else if (m.group(2).equals(".")) {
                dayFirst = true;
            } else if (first > 12) {
                dayFirst = true;
            } else if (middle > 12) {
                dayFirst = false;
            } else if (translated) {
                dayFirst = true;
            } else {
                return null;
            }
            day = dayFirst ? first : middle;
            month = dayFirst ? middle : first;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // 13/13/2016, 31.02.2016: not a date, kept as written only
        }
    }
}
