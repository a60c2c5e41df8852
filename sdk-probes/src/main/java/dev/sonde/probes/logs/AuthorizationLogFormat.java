package dev.sonde.probes.logs;

import dev.sonde.facts.LogTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The authorization log (folder {@code Identity}), written by the sign-in component.
 *
 * <pre>
 * [2022-09-21T03:59:46:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000001]
 * [2022-09-21T03:59:46:ERROR:windows_http.cc(197)] Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f
 * [2022-09-21T03:59:46:ERROR:windows_http.cc(107)] Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)
 * </pre>
 *
 * reads as {@code TlsFailure{CERT_REV_FAILED}}, {@code ProxyEvent(DIRECT_FALLBACK)},
 * {@code NetworkError(SECURE_FAILURE, "WinHttpSendRequest")} and
 * {@code Destination(216.58.194.170, 443, "sfo07s13-in-f170.1e100.net")}, all at the wall-clock time
 * 2022-09-21T03:59:46 with no UTC offset and no thread.
 *
 * <p>A line is {@code [YYYY-MM-DDTHH:MM:SS[.fff|:fff]:LEVEL:file.cc(line)] message}; the level is a
 * word (INFO, WARNING, ERROR, FATAL, VERBOSE1...). Lines without that prefix (certificate blocks)
 * continue the record above.
 */
final class AuthorizationLogFormat {

    /** The format's name in {@link dev.sonde.SourceSummary#format()}. */
    static final String NAME = "gwsmo-authorization";

    private AuthorizationLogFormat() {
    }

    /** The parsed record start, or {@code null} when the line does not start an authorization record. */
    static RecordStart parse(String s) {
        int n = s.length();
        if (n < 24 || s.charAt(0) != '[') {
            return null;
        }
        LocalDateTime local = IsoTime.localDateTime(s, 1);
        if (local == null) {
            return null;
        }
        int p = IsoTime.end(s, 1);
        if (p + 1 < n && s.charAt(p) == ':' && Ascii.isDigit(s.charAt(p + 1))) { // 03:59:46:123:ERROR
            int start = p + 1;
            int end = start;
            while (end < n && Ascii.isDigit(s.charAt(end))) {
                end++;
            }
            if (end < n && s.charAt(end) == ':') {
                local = local.withNano(IsoTime.nanos(s, start, end));
                p = end;
            }
        }
        ZoneOffset offset = null;
        if (p < n && (s.charAt(p) == 'Z' || s.charAt(p) == 'z')) {
            offset = ZoneOffset.UTC;
            p++;
        } else if (p + 5 < n && (s.charAt(p) == '+' || s.charAt(p) == '-') && Ascii.digits(s, p + 1, 2)
                && s.charAt(p + 3) == ':' && Ascii.digits(s, p + 4, 2)) {
            int h = Ascii.number(s, p + 1, 2);
            int m = Ascii.number(s, p + 4, 2);
            try {
                offset = s.charAt(p) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
            } catch (DateTimeException e) {
                return null;
            }
            p += 6;
        }
        if (p >= n || s.charAt(p) != ':') {
            return null;
        }
        p++;
        int levelStart = p;
        while (p < n && p - levelStart <= 16 && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
            p++;
        }
        if (p == levelStart || p >= n || s.charAt(p) != ':' || !Character.isLetter(s.charAt(levelStart))) {
            return null;
        }
        String level = s.substring(levelStart, p);
        p++;
        int close = s.indexOf(']', p);
        if (close < 0) {
            return null;
        }
        String location = s.substring(p, close);
        int messageStart = close + 1;
        if (messageStart < n && s.charAt(messageStart) == ' ') {
            messageStart++;
        }
        return new RecordStart(NAME, new LogTime(local, offset), "", level, location, s.substring(messageStart));
    }
}
