package dev.sonde.logs;

import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.net.HttpDates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Date} header of a logged answer, as a {@link ClockCheck}: the server's time against the time the line
 * was written, so that the rules can tell a wrong clock from an outdated certificate with the Dates a log shows,
 * as the live probes do with theirs. Sample ({@link #SAMPLE}, one record per unindented line, its headers on
 * indented continuation lines, as {@code WinHttp::ReadHeaders} prints them; read back in
 * {@code DateHeaderDecoderTest}):
 *
 * <pre>
 * Received response 200 OK from https://www.googleapis.com/calendar/v3/users/me/calendarList
 *   Date: Mon, 06 May 2024 05:08:09 GMT
 *   Server: ESF
 * HTTP/1.1 204 No Content
 *   date:Monday, 06-May-24 05:08:04 GMT
 * Received response 200 OK from https://mail.google.com/mail/r/
 *   DATE :  Mon May  6 02:08:09 2024
 * Request to https://www.googleapis.com/tasks/v1/users/@me/lists completed with HTTP status: 200
 *   Date: yesterday
 * </pre>
 *
 * reads as, in a trace log whose lines are written at {@code 2024-05-06T07:08:09.010+02:00}: a Date in sync for
 * {@code https://www.googleapis.com/calendar/v3/users/me/calendarList} (offset 0 s), one 5 s behind the line for an
 * answer that names no host (target {@code ""}), one 3 hours behind for {@code https://mail.google.com/mail/r/}
 * (offset +10800 s: the line's clock is ahead, beyond the tolerance: a problem), and nothing for a value that is
 * no date. In an authorization log nothing at all: its times print no UTC offset, so as instants they may be 14
 * hours off ({@link LogTime#uncertainty()}) and cannot be compared with a {@code Date}.
 *
 * <p>The header is a line of the answer's record that starts (after blanks) with {@code Date}, in any letter case,
 * then {@code :}; its value is one of the three forms RFC 9110 says a recipient accepts (IMF-fixdate, RFC 850,
 * asctime; the weekday optional and not checked). Only the first {@code Date} line counts; only the first
 * {@value #MAX_LINE} characters of a line are looked at, so a hostile line costs no more than a short one. The
 * tolerance is the live probes' ({@value #TOLERANCE_MINUTES} minutes): a {@code Date} has one-second resolution,
 * and the line is written a moment after the answer came. The check's target is the answer's URL, else its host.
 */
final class DateHeaderDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Received response 200 OK from https://www.googleapis.com/calendar/v3/users/me/calendarList
              Date: Mon, 06 May 2024 05:08:09 GMT
              Server: ESF
            HTTP/1.1 204 No Content
              date:Monday, 06-May-24 05:08:04 GMT
            Received response 200 OK from https://mail.google.com/mail/r/
              DATE :  Mon May  6 02:08:09 2024
            Request to https://www.googleapis.com/tasks/v1/users/@me/lists completed with HTTP status: 200
              Date: yesterday
            """;

    /** Offsets up to this many minutes are ordinary drift (the live probes' default tolerance). */
    static final int TOLERANCE_MINUTES = 5;
    /** The longest prefix of a line looked at. */
    static final int MAX_LINE = 120;

    private static final Duration TOLERANCE = Duration.ofMinutes(TOLERANCE_MINUTES);
    private static final Pattern HEADER = Pattern.compile("^[ \\t]*+date[ \\t]*+:[ \\t]*+(\\S.*+)$", Pattern.CASE_INSENSITIVE);

    private DateHeaderDecoder() {
    }

    /** The clock check of {@code answer}'s {@code Date}, if its record prints one and its time is zoned. */
    static List<ClockCheck> decode(RecordText r, ServerAnswer answer) {
        if (!r.time().known() || !r.time().zoned()) {
            return List.of();
        }
        for (int i = 0; i < r.size(); i++) {
            String line = r.text(i);
            Matcher m = HEADER.matcher(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line);
            if (!m.matches()) {
                continue;
            }
            Optional<Instant> server = HttpDates.parse(m.group(1), r.time().instant());
            if (server.isEmpty()) {
                return List.of(); // the first Date counts, even when it is none
            }
            Instant local = r.time().instant();
            Duration offset = Duration.between(server.get(), local);
            ProbeStatus status = offset.abs().compareTo(TOLERANCE) > 0 ? ProbeStatus.PROBLEM : ProbeStatus.OK;
            String target = answer.url().isEmpty() ? answer.host() : answer.url();
            return List.of(new ClockCheck(target, offset.getSeconds(), status, server.get(), local, r.time(), r.thread(),
                    r.source(i)));
        }
        return List.of();
    }
}
