package dev.sonde.logs;

import java.util.regex.Pattern;

/**
 * What {@link RecordDecoder} looks for in a line: the trigger words that make a line worth decoding, the
 * patterns that read WinHTTP's numbers, names and addresses, and Windows' message texts. Each pattern is tried
 * only where one of its anchor words starts ({@link AnchoredPattern}); what each reads is described on
 * {@link RecordDecoder}.
 */
final class DecoderPatterns {

    /** Words one of which a line must hold (lower-cased) to be worth decoding. */
    static final String[] TRIGGERS = {
        "0x", "status", "winhttp", "code", "destination", "proxy", "407", "secure", "tls", "ssl",
        "wsa", "fail", "result", "subject", "issuer", "certificate", "err", "info", "---",
        // Windows' own message texts for the network errors (FormatMessage), logged without a number
        "timed out", "could not be", "refused", "forcibly", "no such host", "abnormally",
        "-21470" // an HRESULT of the Win32 facility printed as a signed decimal
    };

    static final String FLAG_PREFIX = "winhttp_callback_status_flag_";

    // Each pattern is tried only where one of its anchor words starts (AnchoredPattern), not at every position.
    // Linear time on hostile lines: every run that a later piece could also match (spaces between a word,
    // an optional ':' and a number; digits before a "not a digit" lookahead) is possessive (\s*+, ++),
    // so a failed match never re-splits the run (adjacent optional \s* pieces made "code" + 1,500 spaces
    // cubic). Possessive only where giving characters back could not have led to a match, so what is
    // decoded is unchanged. Optional words that a name may begin with ("is" before a host) stay greedy.

    /** {@code Status: 0x00010000}, {@code dwInternetStatus = 0x10000}. */
    static final AnchoredPattern STATUS = new AnchoredPattern(
            "(?:\\b|internet)status(?!\\s*+info)\\s*+[:=]?+\\s*+(0x[0-9a-f]++|\\d[0-9a-f]*+)(?![0-9a-z])",
            "status", "internet");
    /**
     * The flags: {@code Info 0x9}, {@code Status Info: 0x1}, {@code lpvStatusInformation = 0x8}, and
     * {@code WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = 0x8} (hex only when spelled "flags").
     */
    static final AnchoredPattern INFO = new AnchoredPattern(
            "(?:\\b|status)info(?:rmation)?\\s*+[:=]?+\\s*+(0x[0-9a-f]++|\\d[0-9a-f]*+)(?![0-9a-z])"
                    + "|\\b(?:security\\s*+|failure\\s*+)?flags?\\s*+[:=]?+\\s*+(0x[0-9a-f]++)(?![0-9a-z])",
            "info", "status", "security", "failure", "flag");
    static final AnchoredPattern TLS_WORDS = new AnchoredPattern(
            "\\b(?:secure|tls|ssl)(?:\\s++(?:connection|channel|handshake))?\\s++(?:failure|failed|error)\\b|status_secure_failure",
            "secure", "tls", "ssl", "status_secure_failure");
    static final AnchoredPattern ERROR_NUMBER = new AnchoredPattern(
            "(?:\\b(?:hr|hresult|error|err|errno|code|errorcode|error_code|last\\s*+error|lasterror|win32\\s*+error"
                    + "|dw\\s*+error|dw_error|last_error|failed\\s++with|failed|returned)\\b"
                    + "|getlasterror(?:\\s*+\\(\\s*+\\))?+)"
                    + "\\s*+(?:[:=]|is)?+\\s*+\\(?+\\s*+(0x[0-9a-f]{1,8}|[0-9a-f]{8}|\\d{4,5})(?![0-9a-z])",
            "hr", "err", "code", "last", "win32", "dw", "failed", "returned", "getlasterror");
    static final AnchoredPattern HRESULT = new AnchoredPattern("\\b0x8007[0-9a-f]{4}(?![0-9a-z])", "0x8007");
    /** An HRESULT printed as a signed decimal: {@code hr = -2147012894} is 0x80072EE2. */
    static final AnchoredPattern SIGNED_HRESULT =
            new AnchoredPattern("\\b(?:hr|hresult)\\s*+[:=]?+\\s*+(-21470\\d{5})(?![0-9])", "hr");
    /**
     * Windows' message texts (FormatMessage) for the network errors, for logs that print the text
     * without the number. Searched (lower case, quoted text left out) only in lines holding a trigger.
     */
    static final String[][] MESSAGES = {
        {"the operation timed out", "TIMEOUT"},
        {"connection timed out", "TIMEOUT"},
        {"did not properly respond after a period of time", "WSAETIMEDOUT"},
        {"server name or address could not be resolved", "NAME_NOT_RESOLVED"},
        {"no such host is known", "WSAHOST_NOT_FOUND"},
        {"connection with the server could not be established", "CANNOT_CONNECT"},
        {"target machine actively refused it", "WSAECONNREFUSED"},
        {"connection with the server was terminated abnormally", "CONNECTION_ERROR"},
        {"connection with the server was reset", "CONNECTION_ERROR"},
        {"forcibly closed by the remote host", "WSAECONNRESET"},
    };
    static final AnchoredPattern ERROR_NAME =
            new AnchoredPattern("\\b(error_winhttp_[a-z_]++|wsae[a-z]++|wsahost_not_found)\\b", "error_winhttp_", "wsa");
    static final AnchoredPattern API = new AnchoredPattern("\\bAPI\\s*+[:=]?+\\s*+'?+(WinHttp[A-Za-z]++)", "api");
    /** The name's letters stay greedy: {@code WinHttpSendRequestFailed} names WinHttpSendRequest. */
    static final AnchoredPattern API_FAILED = new AnchoredPattern(
            "\\b(WinHttp[A-Z][A-Za-z]+)\\s*+(?:\\(\\s*+\\))?+\\s*+(?:failed|returned|error|:)", Pattern.CASE_INSENSITIVE,
            "winhttp");
    static final AnchoredPattern ASYNC_RESULT =
            new AnchoredPattern("\\b(?:error|async|dw)\\s*+result\\s*+[:=]?+\\s*+(\\d{1,2})\\b", "error", "async", "dw");
    static final AnchoredPattern API_NAME = new AnchoredPattern("\\b(WinHttp[A-Z][A-Za-z]++)\\b", "winhttp");
    static final AnchoredPattern DESTINATION = new AnchoredPattern(
            "\\bdestination(?:\\s++details)?\\s*+(?:is|=|:)?\\s*+(\\[[0-9a-fA-F:.%a-zA-Z]++\\]|[A-Za-z0-9][A-Za-z0-9._-]*+):(\\d{1,5})"
                    + "(?![0-9])(?:\\s*+\\(([^()\\r\\n]*+)\\))?",
            Pattern.CASE_INSENSITIVE,
            "destination");
    static final AnchoredPattern CONNECTION_TO = new AnchoredPattern(
            "\\b(?:connect(?:ion|ing|ed|\\s*+\\(\\s*+\\))?|request|sending)\\s++(?:to|with)\\s++(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.%]++\\]):(\\d{1,5})"
                    + "(?![0-9])(?:\\s*+\\(([^()\\r\\n]*+)\\))?",
            Pattern.CASE_INSENSITIVE,
            "connect", "request", "sending");
    static final AnchoredPattern DIRECT = new AnchoredPattern(
            "\\b(?:try|trying|tries|retry|retrying|retries|fall(?:ing|s)?\\s*+back\\s++to|going)\\s++(?:a\\s++|the\\s++)?direct"
                    + "|\\b(?:try|trying|tries|retry|retrying|retries|again)\\s++without\\s++(?:the\\s++|a\\s++)?"
                    + "(?:winhttp\\s++|configured\\s++|system\\s++)?proxy",
            "try", "tries", "retr", "fall", "going", "again");
    static final AnchoredPattern PROXY_ADDRESS = new AnchoredPattern(
            "\\bproxy(?:\\s++server)?(?:\\s++(?:address|is|at))?\\s*+[:=(]?+\\s*+['\"]?+(?:https?://)?+"
                    + "((?:\\[[0-9a-f:.]++\\]|[a-z0-9][a-z0-9._-]*+):\\d{1,5})(?![0-9])",
            Pattern.CASE_INSENSITIVE,
            "proxy");
    static final AnchoredPattern AUTH_407 = new AnchoredPattern(
            "\\bhttp(?:/\\d(?:\\.\\d)?)?\\s++(?:status\\s*+(?:code)?+\\s*+[:=]?+\\s*+)?407\\b|\\bstatus(?:\\s*+code)?+\\s*+[:=]?+\\s*+407\\b"
                    + "|\\b407\\s++proxy|proxy\\s++auth(?:entication)?\\s++(?:is\\s++)?required|proxy(?:\\s++server)?\\s++requires\\s++auth"
                    + "|http_status_proxy_auth_req"
                    // "Proxy 10.0.0.5:8080 answered 407", "407 received from the proxy"; not "Proxy: none, 407 items"
                    + "|proxy[^\\n]{0,40}\\b(?:returned|answered|responded|replied|response|status|code|error|with|sent|gave)"
                    + "\\s*+[:=(]?+\\s*+407\\b|\\b407\\b[^\\n]{0,20}\\bfrom\\s++(?:the\\s++)?(?:winhttp\\s++)?proxy",
            "http", "status", "407", "proxy");

    static final String[] OPERATIONS = {
        "", "WinHttpReceiveResponse", "WinHttpQueryDataAvailable", "WinHttpReadData", "WinHttpWriteData", "WinHttpSendRequest"
    };

    private DecoderPatterns() {
    }

    /** True when a line (lower-cased) holds a word worth decoding. */
    static boolean worthDecoding(String low) {
        for (String t : TRIGGERS) {
            if (low.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
