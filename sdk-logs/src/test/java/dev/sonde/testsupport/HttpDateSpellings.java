package dev.sonde.testsupport;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The ways a log prints an HTTP answer's {@code Date} header line, as QuickTheories generators: the header name in
 * any letter case ({@code Date}, {@code date}, {@code DATE}), blanks or none around the colon, an indentation or none,
 * trailing blanks (a CRLF log's), and the value in the three forms RFC 9110 says a recipient accepts (IMF-fixdate
 * with and without its weekday, RFC 850, asctime). What the decoders must read from them: {@code DateHeaderDecoder}.
 */
public final class HttpDateSpellings {

    /** A {@code Date} line and the instant it says, to the second. */
    public record DateLine(String line, Instant says) {
    }

    private static final List<String> NAMES = List.of("Date", "date", "DATE", "dAtE");
    private static final List<String> COLONS = List.of(": ", ":", " : ", ":\t", " :  ");
    private static final List<String> INDENTS = List.of("", "  ", "\t", "    ");
    private static final List<String> TRAILERS = List.of("", " ", "\t");

    private HttpDateSpellings() {
    }

    /** A value for {@code t} in one of the accepted forms. */
    public static Gen<String> values(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        String imf = DateTimeFormatter.RFC_1123_DATE_TIME.format(z); // "Tue, 3 Jun 2008 11:05:30 GMT": day not padded
        String padded = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).format(z);
        String noWeekday = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).format(z);
        String rfc850 = z.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + DateTimeFormatter.ofPattern(", dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH).format(z);
        String asctime = DateTimeFormatter.ofPattern("EEE MMM ", Locale.ENGLISH).format(z)
                + String.format(Locale.ROOT, "%2d", z.getDayOfMonth())
                + DateTimeFormatter.ofPattern(" HH:mm:ss yyyy", Locale.ENGLISH).format(z);
        return Generate.pick(List.of(imf, padded, noWeekday, rfc850, asctime, padded.toUpperCase(Locale.ROOT)));
    }

    /** A whole {@code Date} line saying {@code t} (truncated to the second). */
    public static Gen<DateLine> lines(Instant t) {
        Instant s = t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return Generate.pick(INDENTS).zip(Generate.pick(NAMES), Generate.pick(COLONS), values(s), Generate.pick(TRAILERS),
                (indent, name, colon, value, trailer) -> new DateLine(indent + name + colon + value + trailer, s));
    }
}
