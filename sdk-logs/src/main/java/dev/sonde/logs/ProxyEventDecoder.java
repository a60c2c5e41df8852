package dev.sonde.logs;

import dev.sonde.facts.ProxyEvent;
import dev.sonde.net.AuthChallenges;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@link ProxyEvent}s of a record: a proxy that asks for credentials ({@code AUTH_REQUIRED}), which GWSMO
 * cannot give, and a request that gave up on the WinHTTP proxy to try without it ({@code DIRECT_FALLBACK}).
 * Sample ({@link #SAMPLE}, one record per unindented line, its continuation lines indented; read back in
 * {@code ProxyEventDecoderTest}):
 *
 * <pre>
 * HTTP/1.1 407 Proxy Authentication Required
 *   Proxy-Authenticate: NTLM
 *   proxy-authenticate: negotiate
 *   Proxy-Authenticate: Basic realm="Corp, Inc", charset="UTF-8"
 *   Proxy-Authenticate: Digest realm="x", nonce="abc", qop="auth"
 * Proxy-Authenticate: Negotiate, NTLM
 * Proxy proxy.corp.example:8080 answered status 407; Proxy-Authenticate: Basic realm="corp"
 * Proxy 10.0.0.5:8080 answered 407
 * The proxy server requires authentication
 * Received 407 from the proxy
 * Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f
 * Request through proxy 10.0.0.5:3128 failed (error 12029); retrying direct.
 * Proxy failed; retrying without the proxy
 * Proxy unreachable, falling back to direct connection
 * </pre>
 *
 * reads as, record by record: {@code AUTH_REQUIRED [NTLM, Negotiate, Basic, Digest]} (quoting its
 * {@code Proxy-Authenticate} lines); {@code AUTH_REQUIRED [Negotiate, NTLM]}; {@code AUTH_REQUIRED [Basic]}
 * through {@code proxy.corp.example:8080}; {@code AUTH_REQUIRED []} through {@code 10.0.0.5:8080};
 * {@code AUTH_REQUIRED []} twice; {@code DIRECT_FALLBACK}; {@code DIRECT_FALLBACK} from {@code 10.0.0.5:3128};
 * and {@code DIRECT_FALLBACK} twice.
 *
 * <p>A 407 counts when it is an HTTP status or a proxy's answer ("Proxy: none; 407 items" is not one); the
 * schemes come from {@code Proxy-Authenticate:} (or {@code =}) values, read by {@link AuthChallenges} as a probe reads
 * a proxy's answer (parameters and quoted strings passed over, {@code negotiate} → {@code Negotiate}). The proxy's address is the first
 * {@code proxy host:port} the record names. At most one of each kind per record.
 */
final class ProxyEventDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            HTTP/1.1 407 Proxy Authentication Required
              Proxy-Authenticate: NTLM
              proxy-authenticate: negotiate
              Proxy-Authenticate: Basic realm="Corp, Inc", charset="UTF-8"
              Proxy-Authenticate: Digest realm="x", nonce="abc", qop="auth"
            Proxy-Authenticate: Negotiate, NTLM
            Proxy proxy.corp.example:8080 answered status 407; Proxy-Authenticate: Basic realm="corp"
            Proxy 10.0.0.5:8080 answered 407
            The proxy server requires authentication
            Received 407 from the proxy
            Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f
            Request through proxy 10.0.0.5:3128 failed (error 12029); retrying direct.
            Proxy failed; retrying without the proxy
            Proxy unreachable, falling back to direct connection
            """;

    /** Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}). */
    static final List<String> TRIGGERS = List.of("proxy", "407");
    /**
     * Words one of which a record must hold for this decoder to find anything ({@link RecordDecoder#NEEDS}): a
     * fallback needs {@code proxy}, every spelling of {@link #AUTH_407} holds {@code proxy} or {@code 407}, and a
     * challenge is a {@code proxy-authenticate} header.
     */
    static final List<String> NEEDS = TRIGGERS;

    private static final String AUTHENTICATE = "proxy-authenticate";

    // Tried only where an anchor word starts; linear time on hostile lines (see AnchoredPattern).
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

    private ProxyEventDecoder() {
    }

    /** The record's proxy events: a fallback to direct first, then a demand for credentials. */
    static List<ProxyEvent> decode(RecordText r) {
        int fallbackLine = -1;
        String proxy = "";
        TreeSet<Integer> authLines = new TreeSet<>();
        List<String> challenges = new ArrayList<>(0);
        for (int i = 0; i < r.size(); i++) {
            if (!r.reads(i)) {
                continue;
            }
            String line = r.text(i);
            String low = r.low(i);
            String words = r.words(i);
            if (low.contains("proxy")) {
                if (fallbackLine < 0 && r.finder(DIRECT, words, words).find()) {
                    fallbackLine = i;
                }
                if (proxy.isEmpty()) {
                    AnchoredPattern.Finder m = r.finder(PROXY_ADDRESS, line, low);
                    if (m.find()) {
                        proxy = m.group(1);
                    }
                }
            }
            if ((low.contains("407") || low.contains("proxy auth") || low.contains("proxy_auth") || low.contains("requires auth"))
                    && r.finder(AUTH_407, words, words).find()) {
                authLines.add(i);
            }
            int value = authenticateValue(low);
            if (value >= 0) {
                challenges.add(line.substring(value));
                authLines.add(i);
            }
        }
        List<ProxyEvent> out = new ArrayList<>(0);
        if (fallbackLine >= 0) {
            out.add(new ProxyEvent(ProxyEvent.Kind.DIRECT_FALLBACK, List.of(), proxy, r.time(), r.thread(), r.source(fallbackLine)));
        }
        if (!authLines.isEmpty()) {
            out.add(new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, AuthChallenges.schemes(challenges), proxy, r.time(), r.thread(),
                    r.source(authLines)));
        }
        return out;
    }

    /** Where the value of a {@code Proxy-Authenticate:} (or {@code =}) header starts in a line, or -1. */
    private static int authenticateValue(String low) {
        int at = low.indexOf(AUTHENTICATE);
        if (at < 0) {
            return -1;
        }
        int colon = at + AUTHENTICATE.length();
        while (colon < low.length() && TraceLogFormat.isSpace(low.charAt(colon))) {
            colon++;
        }
        return colon < low.length() && (low.charAt(colon) == ':' || low.charAt(colon) == '=') ? colon + 1 : -1;
    }
}
