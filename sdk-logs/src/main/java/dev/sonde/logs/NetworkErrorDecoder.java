package dev.sonde.logs;

import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link NetworkError}s of a record: the Windows error numbers and names it prints, and the WinHTTP call
 * that failed. Sample ({@link #SAMPLE}, one record per line; read back in {@code NetworkErrorDecoderTest}):
 *
 * <pre>
 * Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.
 * Error from API WinHttpConnect. Code: 0x00002ee7
 * WinHttpSendRequest() failed: 12029
 * Call to WinHttpReadData: error 12030
 * request failed, error 12002
 * Error: 12029
 * WinHttpOpenRequest: GetLastError()=12007
 * GetLastError returned 12029
 * Request error: dwResult = 5, dwError = 12002
 * HandleCallback: hr = -2147012894
 * HRESULT 0x80072EFD
 * Giving up: ERROR_WINHTTP_TIMEOUT
 * recv: WSAECONNRESET
 * WinHttpReceiveResponse: The operation timed out
 * Error result 5, hr = 0x80072ee2 (error 12002, ERROR_WINHTTP_TIMEOUT); then code 0x2efd
 * </pre>
 *
 * reads as, record by record: {@code TIMEOUT} in {@code WinHttpReceiveResponse} (async result 1);
 * {@code NAME_NOT_RESOLVED} in {@code WinHttpConnect}; {@code CANNOT_CONNECT} in {@code WinHttpSendRequest};
 * {@code CONNECTION_ERROR} in {@code WinHttpReadData}; {@code TIMEOUT}; {@code CANNOT_CONNECT};
 * {@code NAME_NOT_RESOLVED} in {@code WinHttpOpenRequest}; {@code CANNOT_CONNECT}; {@code TIMEOUT} in
 * {@code WinHttpSendRequest} (async result 5); {@code TIMEOUT} (a signed HRESULT: -2147012894 is 0x80072EE2);
 * {@code CANNOT_CONNECT}; {@code TIMEOUT}; {@code WSAECONNRESET}; {@code TIMEOUT} in
 * {@code WinHttpReceiveResponse} (Windows' message text); and {@code TIMEOUT}, {@code CANNOT_CONNECT} in
 * {@code WinHttpSendRequest} (one error per code per record, in the order seen).
 *
 * <p>Known codes only ({@link NetworkErrorCode}): decimal (4 or 5 digits after {@code error}, {@code code},
 * {@code GetLastError}, {@code dwError} ...), hex, HRESULT (hex or signed decimal), names, and Windows' message
 * texts ({@link #MESSAGES}). The operation comes, best first, from {@code API WinHttpXxx}, {@code WinHttpXxx
 * failed}, {@code Error result N} (WinHTTP's async result numbers) or a {@code WinHttpXxx} named on a line with
 * an error. A certificate error's code also gives its flag to the record's TLS failure
 * ({@link TlsFailureDecoder}).
 */
final class NetworkErrorDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Error result 1, hr = 0x80072ee2. Setting event 0000000000001638.
            Error from API WinHttpConnect. Code: 0x00002ee7
            WinHttpSendRequest() failed: 12029
            Call to WinHttpReadData: error 12030
            request failed, error 12002
            Error: 12029
            WinHttpOpenRequest: GetLastError()=12007
            GetLastError returned 12029
            Request error: dwResult = 5, dwError = 12002
            HandleCallback: hr = -2147012894
            HRESULT 0x80072EFD
            Giving up: ERROR_WINHTTP_TIMEOUT
            recv: WSAECONNRESET
            WinHttpReceiveResponse: The operation timed out
            Error result 5, hr = 0x80072ee2 (error 12002, ERROR_WINHTTP_TIMEOUT); then code 0x2efd
            """;

    /**
     * Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}), the start of an
     * HRESULT printed as a signed decimal, and words of Windows' message texts, logged without a number.
     */
    static final List<String> TRIGGERS = List.of("0x", "code", "err", "fail", "result", "wsa", "winhttp", "-21470",
            "timed out", "could not be", "refused", "forcibly", "no such host", "abnormally");
    /**
     * Words one of which a record must hold for {@link #find} to find a code ({@link RecordDecoder#NEEDS}; without a
     * code there is no error, and no operation is looked for): the words {@link #codes} asks for before each of its
     * patterns, and a piece of each of the {@link #MESSAGES} ({@code DecoderNeedsTest} checks each message
     * holds one). Not {@code result} nor {@code winhttp}: they name the operation of a code found otherwise.
     */
    static final List<String> NEEDS = List.of("0x", "err", "code", "fail", "return", "-21470", "wsa", "timed out",
            "properly respond", "could not be", "no such host", "refused", "abnormally", "was reset", "forcibly");

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

    // Tried only where an anchor word starts; linear time on hostile lines (see AnchoredPattern).
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

    /** WinHTTP's async result numbers ({@code Error result N}, {@code dwResult = N}): the call that failed. */
    static final String[] OPERATIONS = {
        "", "WinHttpReceiveResponse", "WinHttpQueryDataAvailable", "WinHttpReadData", "WinHttpWriteData", "WinHttpSendRequest"
    };

    /** A code named on a line of the record (index 0 is the record's first line). */
    record Named(NetworkErrorCode code, int line) {
    }

    private NetworkErrorDecoder() {
    }

    /** Every known code the record names, in the order seen, with its line; a code named twice is here twice. */
    static List<Named> find(RecordText r) {
        List<Named> out = new ArrayList<>(0);
        for (int i = 0; i < r.size(); i++) {
            if (r.reads(i)) {
                codes(r, r.low(i), r.words(i), i, out);
            }
        }
        return out;
    }

    private static void codes(RecordText r, String low, String words, int i, List<Named> out) {
        if (low.contains("0x") || low.contains("err") || low.contains("code") || low.contains("fail") || low.contains("return")) {
            AnchoredPattern.Finder m = r.finder(ERROR_NUMBER, words, words);
            while (m.find()) {
                String digits = m.group(1);
                long v = digits.startsWith("0x") || digits.length() == 8 ? Ascii.parseHex(digits) : Long.parseLong(digits);
                add(NetworkErrorCode.fromNumber(v), i, out);
            }
            if (low.contains("0x8007")) {
                AnchoredPattern.Finder h = r.finder(HRESULT, words, words);
                while (h.find()) {
                    add(NetworkErrorCode.fromNumber(Ascii.parseHex(h.group())), i, out);
                }
            }
        }
        if (low.contains("-21470")) {
            AnchoredPattern.Finder m = r.finder(SIGNED_HRESULT, words, words);
            while (m.find()) {
                add(NetworkErrorCode.fromNumber(Long.parseLong(m.group(1)) & 0xFFFFFFFFL), i, out);
            }
        }
        if (low.contains("error_winhttp_") || low.contains("wsa")) {
            AnchoredPattern.Finder m = r.finder(ERROR_NAME, words, words);
            while (m.find()) {
                add(NetworkErrorCode.fromName(m.group(1)), i, out);
            }
        }
        for (String[] message : MESSAGES) {
            if (words.contains(message[0])) {
                add(NetworkErrorCode.fromName(message[1]), i, out);
            }
        }
    }

    private static void add(Optional<NetworkErrorCode> code, int line, List<Named> out) {
        code.ifPresent(c -> out.add(new Named(c, line)));
    }

    /** One {@link NetworkError} per code {@link #find} found, quoting the line it was first named on. */
    static List<NetworkError> decode(RecordText r, List<Named> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<NetworkErrorCode, Integer> first = new LinkedHashMap<>();
        found.forEach(n -> first.putIfAbsent(n.code(), n.line()));
        String operation = operation(r, found);
        List<NetworkError> out = new ArrayList<>(first.size());
        first.forEach((code, line) -> out.add(new NetworkError(code, operation, r.time(), r.thread(), r.source(line))));
        return out;
    }

    /** The failing WinHTTP call the record names, the best-ranked spelling first, else {@code ""}. */
    private static String operation(RecordText r, List<Named> found) {
        String operation = "";
        int rank = Integer.MAX_VALUE;
        for (int i = 0; i < r.size() && rank > 0; i++) {
            if (!r.reads(i)) {
                continue;
            }
            String line = r.text(i);
            String low = r.low(i);
            if (!low.contains("winhttp") && !low.contains("result")) {
                continue;
            }
            String[] byRank = new String[4];
            AnchoredPattern.Finder m = r.finder(API, line, low);
            if (m.find()) {
                byRank[0] = m.group(1);
            }
            m = r.finder(API_FAILED, line, low);
            if (m.find()) {
                byRank[1] = m.group(1);
            }
            m = r.finder(ASYNC_RESULT, low, low);
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                if (k >= 1 && k < OPERATIONS.length) {
                    byRank[2] = OPERATIONS[k];
                }
            }
            if (named(found, i)) {
                m = r.finder(API_NAME, line, low);
                if (m.find()) {
                    byRank[3] = m.group(1);
                }
            }
            for (int k = 0; k < byRank.length && k < rank; k++) {
                if (byRank[k] != null) {
                    operation = byRank[k];
                    rank = k;
                    break;
                }
            }
        }
        return operation;
    }

    private static boolean named(List<Named> found, int line) {
        for (Named n : found) {
            if (n.line() == line) {
                return true;
            }
        }
        return false;
    }
}
