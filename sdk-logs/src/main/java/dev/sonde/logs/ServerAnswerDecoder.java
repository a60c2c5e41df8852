package dev.sonde.logs;

import dev.sonde.facts.Destination;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.net.IpLiterals;
import dev.sonde.spi.Redaction;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link ServerAnswer} of a record: a request that a server answered, or that the client says succeeded, so
 * that a failure can later be told ongoing from resolved. Sample ({@link #SAMPLE}, one record per unindented line,
 * its continuation lines indented; read back in {@code ServerAnswerDecoderTest}):
 *
 * <pre>
 * Request completed. HTTP status 200, 1432 bytes received.
 * Request to https://www.googleapis.com/calendar/v3/users/me completed with HTTP status: 304
 * GET https://mail.google.com/mail/r/ Status code: 200
 * WinHttpQueryHeaders: StatusCode=401 for https://www.google.com/m8/feeds/contacts/default/full
 * Response status: 204 (https://www.googleapis.com/tasks/v1/users/@me/lists)
 * Received response 200 OK from https://www.googleapis.com:443/gmail/v1/users/me/messages
 * WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE
 *   HTTP/1.1 200 OK
 * Callback WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: 404
 * Request to https://www.googleapis.com/drive/v3/files?access_token=ya29.a0Abc succeeded.
 * Fetched token from https://oauth2.googleapis.com/token
 * Successfully fetched access token from oauth2.googleapis.com
 * OAuth2 token refreshed (https://www.googleapis.com/oauth2/v4/token)
 * HTTP/1.1 503 Service Unavailable
 *   Network connection destination details: 142.250.74.46:443 (www.googleapis.com)
 * </pre>
 *
 * reads as, record by record: status 200, no host; 304 from {@code www.googleapis.com} (port 443);
 * 200 from {@code mail.google.com}; 401 from {@code www.google.com}; 204 and 200 from their URLs' hosts; 200
 * (the status line after the callback), 404; then three successes stated without a status (0), from
 * {@code www.googleapis.com} (the access token in its URL redacted), {@code oauth2.googleapis.com} twice, and
 * {@code www.googleapis.com}; last 503 at {@code 142.250.74.46:443} (the record's destination), an answer that
 * does not prove the path ({@link ServerAnswer#provesPath}).
 *
 * <p>A status is three digits from 100 to 599 after {@code HTTP/1.1}, {@code status} (with {@code code},
 * {@code :} or {@code =}), {@code response} or {@code HEADERS_AVAILABLE}; never a hex number ({@code Status:
 * 0x00010000}) nor part of a longer one ({@code Status: 65536}); 407 is a proxy's ({@link ProxyEventDecoder}).
 * A stated success ({@code succeeded}, {@code successfully}, {@code fetched}, {@code refreshed}) counts only when
 * the record names a host (a URL, or a host name after {@code from}/{@code to}/{@code for}), and not when negated
 * ({@code not succeeded}). A record that reports a failure (a network error, a TLS failure, a proxy event) gives
 * no answer: what went wrong in it is what counts. One answer per record, from its first status; host and port
 * from the record's first URL ({@code https} 443, {@code http} 80), the address from its one destination. The
 * URL is kept with its secrets removed ({@link Redaction}) and at most {@value #MAX_URL} characters. An answer
 * that repeats its thread's last one within a minute is left out ({@link RepeatedAnswers}).
 */
final class ServerAnswerDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Request completed. HTTP status 200, 1432 bytes received.
            Request to https://www.googleapis.com/calendar/v3/users/me completed with HTTP status: 304
            GET https://mail.google.com/mail/r/ Status code: 200
            WinHttpQueryHeaders: StatusCode=401 for https://www.google.com/m8/feeds/contacts/default/full
            Response status: 204 (https://www.googleapis.com/tasks/v1/users/@me/lists)
            Received response 200 OK from https://www.googleapis.com:443/gmail/v1/users/me/messages
            WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE
              HTTP/1.1 200 OK
            Callback WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: 404
            Request to https://www.googleapis.com/drive/v3/files?access_token=ya29.a0Abc succeeded.
            Fetched token from https://oauth2.googleapis.com/token
            Successfully fetched access token from oauth2.googleapis.com
            OAuth2 token refreshed (https://www.googleapis.com/oauth2/v4/token)
            HTTP/1.1 503 Service Unavailable
              Network connection destination details: 142.250.74.46:443 (www.googleapis.com)
            """;

    /** Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}). */
    static final List<String> TRIGGERS = List.of("status", "http/", "response", "succe", "fetched", "refreshed");
    /**
     * Words one of which a record must hold for this decoder to find an answer ({@link RecordDecoder#NEEDS}): the
     * anchors of {@link #STATUS} and {@link #STATED}; {@code headers_available} is not a trigger word of its own, but
     * a line another decoder's word let in may hold it.
     */
    static final List<String> NEEDS = List.of("status", "http/", "response", "headers_available", "succe", "fetched",
            "refreshed");

    /** The longest URL kept (the rest is cut: a URL is evidence of a host, not a payload). */
    static final int MAX_URL = 300;

    private static final int PROXY_AUTH = 407;

    // Tried only where an anchor word starts; linear time on hostile lines (see AnchoredPattern).
    static final AnchoredPattern STATUS = new AnchoredPattern(
            "http/\\d(?:\\.\\d)?+\\s++([1-5]\\d\\d)(?![0-9])"
                    + "|status(?:[\\s_]*+code)?+\\s*+(?:[:=]|is)?+\\s*+([1-5]\\d\\d)(?![0-9])"
                    + "|response(?:\\s++(?:status|code))?+\\s*+[:=]?+\\s*+([1-5]\\d\\d)(?![0-9])"
                    + "|headers_available[\\s,:=(]{0,5}+([1-5]\\d\\d)(?![0-9])",
            Pattern.CASE_INSENSITIVE,
            "http/", "status", "response", "headers_available");
    static final AnchoredPattern STATED = new AnchoredPattern(
            "(?:succeeded|successful(?:ly)?+|success|fetched|refreshed)\\b",
            Pattern.CASE_INSENSITIVE,
            "succe", "fetched", "refreshed");
    static final AnchoredPattern NEGATED = new AnchoredPattern(
            "(?:not|never|n't)\\s++(?:been\\s++|be\\s++)?(?:succe|fetched|refreshed)",
            Pattern.CASE_INSENSITIVE,
            "not", "never", "n't");
    static final AnchoredPattern URL = new AnchoredPattern(
            "(https?)://([a-z0-9][a-z0-9.-]*+|\\[[0-9a-f:.]++\\])(?::(\\d{1,5}+))?(?![0-9]|:[0-9])[^\\s\"'<>()]*+",
            Pattern.CASE_INSENSITIVE,
            "http");
    static final AnchoredPattern HOST_NAME = new AnchoredPattern(
            "\\b(?:from|to|for)\\s++((?:[a-z0-9-]++\\.)+[a-z]{2,63}+)(?![a-z0-9-])",
            Pattern.CASE_INSENSITIVE,
            "from", "to", "for");

    private ServerAnswerDecoder() {
    }

    /**
     * The record's answer, if it has one, reports no failure ({@code failure}) and does not repeat its thread's last
     * answer within a minute ({@code repeats}); {@code destinations} are the record's, one of which gives the answer
     * its address.
     */
    static List<ServerAnswer> decode(RecordText r, boolean failure, List<Destination> destinations, RepeatedAnswers repeats) {
        if (failure) {
            return List.of();
        }
        int statusLine = -1;
        int status = 0;
        int statedLine = -1;
        boolean negated = false;
        for (int i = 0; i < r.size() && statusLine < 0; i++) {
            if (!r.reads(i)) {
                continue;
            }
            String words = r.words(i);
            int found = status(r, words);
            if (found == PROXY_AUTH) {
                return List.of();
            }
            if (found > 0) {
                statusLine = i;
                status = found;
            } else if (statedLine < 0 && r.finder(STATED, words, words).find()) {
                statedLine = i;
                negated = r.finder(NEGATED, words, words).find();
            }
        }
        int line = statusLine >= 0 ? statusLine : statedLine;
        if (line < 0 || (statusLine < 0 && negated)) {
            return List.of(); // before the URL is looked for: most lines naming one (a request sent) are no answer
        }
        String url = "";
        String host = "";
        int port = 0;
        for (int i = 0; i < r.size() && url.isEmpty(); i++) { // the record's first URL
            // URL matches hold "://": "HTTP status 200" alone, a fifth of a busy log's lines, is no URL
            if (r.reads(i) && r.low(i).contains("://") && r.low(i).contains("http")) {
                AnchoredPattern.Finder m = r.finder(URL, r.text(i), r.low(i));
                if (m.find()) {
                    String u = m.group();
                    url = u.length() > MAX_URL ? u.substring(0, MAX_URL) : u; // redacted below, if it is kept
                    host = Ascii.lower(m.group(2));
                    port = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(1).length() == 5 ? 443 : 80;
                }
            }
        }
        if (host.isEmpty()) {
            host = hostName(r);
        }
        if (statusLine < 0 && host.isEmpty()) { // "Sync finished successfully": about no server
            return List.of();
        }
        // redacting costs more than the rest of the scan: only for an answer (most lines naming a URL are not one)
        url = url.isEmpty() ? url : Redaction.redact(url);
        String address = "";
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        if (IpLiterals.isLiteral(host)) {
            address = host;
        } else if (destinations.size() == 1) {
            address = destinations.get(0).ip();
            port = destinations.get(0).port();
        }
        if (port > 65535) {
            port = 0;
        }
        if (!repeats.admit(r.thread(), host + ' ' + url + ' ' + address + ' ' + port + ' ' + status, r.time())) {
            return List.of(); // before its evidence is made: a repeat costs no more than its scan
        }
        return List.of(new ServerAnswer(host, url, address, port, status, r.time(), r.thread(), r.source(line)));
    }

    /** The first HTTP status a line gives, or 0. */
    private static int status(RecordText r, String words) {
        AnchoredPattern.Finder m = r.finder(STATUS, words, words);
        if (!m.find()) {
            return 0;
        }
        for (int g = 1; g <= 4; g++) {
            String digits = m.group(g); // three ASCII digits: [1-5]\d\d
            if (digits != null) {
                return Ascii.number(digits, 0, 3);
            }
        }
        return 0;
    }

    /** A host name the record names after {@code from}, {@code to} or {@code for}, or {@code ""}. */
    private static String hostName(RecordText r) {
        for (int i = 0; i < r.size(); i++) {
            if (r.reads(i)) {
                AnchoredPattern.Finder m = r.finder(HOST_NAME, r.words(i), r.words(i));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "";
    }
}
