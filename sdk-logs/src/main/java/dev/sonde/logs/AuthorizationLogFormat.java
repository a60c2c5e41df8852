package dev.sonde.logs;

import dev.sonde.facts.LogTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The authorization log (folder {@code Identity}), written by the sign-in component. Sample
 * ({@link #SAMPLE}, read back field by field in {@code AuthorizationLogFormatTest}):
 *
 * <pre>
 * [2023-11-14T22:05:09.125:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]
 * [2023-11-14T22:05:09.125:ERROR:windows_http.cc(340)] Certificate details:
 * ---Validity--
 * Valid from: 2023-10-02 00:00:00 UTC
 * Valid until: 2024-10-01 23:59:59 UTC
 * ---Subject---
 * US
 * California
 * Mountain View
 * Google LLC
 * *.googleapis.com
 * ---Issuer----
 * US
 * Zscaler Inc.
 * Zscaler Intermediate Root CA (zscaler.net)
 * -------------
 * [2023-11-14T22:05:09:126:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The certificate chains to an untrusted authority.
 * [2023-11-14T22:05:09:127:ERROR:windows_http.cc(210)] WinHttpSendRequest failed: error 12045 (ERROR_WINHTTP_SECURE_INVALID_CA)
 * [2023-11-14T22:05:10:WARNING:windows_http.cc(412)] Proxy proxy.corp.example:8080 answered status 407; Proxy-Authenticate: Basic realm="corp"
 * [2023-11-14T22:05:10:INFO:windows_http.cc(107)] Network connection destination details: 10.20.30.40:8080 (proxy.corp.example)
 * </pre>
 *
 * reads as: {@code TlsFailure{INVALID_CA}} (Status Info 0x8) and the {@code Certificate} of
 * {@code *.googleapis.com} issued by Zscaler, valid 2023-10-02T00:00:00Z to 2024-10-01T23:59:59Z, at
 * 22:05:09.125; {@code TlsFailure{INVALID_CA}} from the flag line (22:05:09.126);
 * {@code TlsFailure{INVALID_CA}} and {@code NetworkError(SECURE_INVALID_CA, WinHttpSendRequest)} from
 * error 12045; {@code ProxyEvent(AUTH_REQUIRED, [Basic], "proxy.corp.example:8080")}; and
 * {@code Destination(10.20.30.40, 8080, "proxy.corp.example")}. Times are wall-clock, without
 * offset ({@code LogTime(local, null)}); there is no thread ({@code ""}).
 *
 * <p>A line is {@code [YYYY-MM-DDTHH:MM:SS[.fff|:fff]:LEVEL:file.cc(line)] message}; the level is a
 * word (INFO, WARNING, ERROR, FATAL, VERBOSE1...). Lines without that prefix (certificate blocks)
 * continue the record above.
 */
final class AuthorizationLogFormat {

    /** The format's name in {@link dev.sonde.InputSummary#format()}. */
    static final String NAME = "gwsmo-authorization";

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            [2023-11-14T22:05:09.125:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]
            [2023-11-14T22:05:09.125:ERROR:windows_http.cc(340)] Certificate details:
            ---Validity--
            Valid from: 2023-10-02 00:00:00 UTC
            Valid until: 2024-10-01 23:59:59 UTC
            ---Subject---
            US
            California
            Mountain View
            Google LLC
            *.googleapis.com
            ---Issuer----
            US
            Zscaler Inc.
            Zscaler Intermediate Root CA (zscaler.net)
            -------------
            [2023-11-14T22:05:09:126:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The certificate chains to an untrusted authority.
            [2023-11-14T22:05:09:127:ERROR:windows_http.cc(210)] WinHttpSendRequest failed: error 12045 (ERROR_WINHTTP_SECURE_INVALID_CA)
            [2023-11-14T22:05:10:WARNING:windows_http.cc(412)] Proxy proxy.corp.example:8080 answered status 407; Proxy-Authenticate: Basic realm="corp"
            [2023-11-14T22:05:10:INFO:windows_http.cc(107)] Network connection destination details: 10.20.30.40:8080 (proxy.corp.example)
            """;

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
