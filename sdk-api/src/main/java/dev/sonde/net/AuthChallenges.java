package dev.sonde.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the authentication schemes out of {@code Proxy-Authenticate} (or {@code WWW-Authenticate}) header
 * values (RFC 7235), whether a proxy's answer or a logged copy of one. A proxy may send one header per
 * challenge or several challenges in one header, so
 *
 * <pre>
 * Proxy-Authenticate: Negotiate
 * Proxy-Authenticate: NTLM
 * Proxy-Authenticate: Basic realm="corp proxy", charset="UTF-8"
 * Proxy-Authenticate: digest realm="corp", nonce="4b2a", qop="auth"
 * </pre>
 *
 * and the same challenges joined with commas in one header both read as {@code [Negotiate, NTLM, Basic, Digest]}.
 *
 * <p>The value is split on commas outside quoted strings; inside one, a backslash escapes the next character, so
 * {@code Basic realm="a\"b", Negotiate, NTLM} reads as {@code [Basic, Negotiate, NTLM]}. An element starting with
 * a token (RFC 7230 {@code tchar}s) is a challenge, unless an {@code =} follows the token (then it is a parameter of
 * the previous challenge, {@code charset="UTF-8"} or {@code realm = "x"}); anything else is passed over. Known
 * schemes are case-normalised (Basic, Digest, NTLM, Negotiate, Kerberos, Bearer); others are kept as sent. Each
 * scheme appears once (compared without case), in order. One pass over the text, no regular expression.
 */
public final class AuthChallenges {

    private static final Map<String, String> KNOWN = Map.of(
            "basic", "Basic", "digest", "Digest", "ntlm", "NTLM", "negotiate", "Negotiate",
            "kerberos", "Kerberos", "bearer", "Bearer");

    private AuthChallenges() {
    }

    /** The schemes offered by one header value. */
    public static List<String> schemes(String headerValue) {
        return schemes(List.of(headerValue));
    }

    /** The schemes offered by the given header values, canonical names, each once, in order. */
    public static List<String> schemes(List<String> headerValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String value : headerValues) {
            read(value, out);
        }
        return List.copyOf(out.values());
    }

    private static void read(String value, Map<String, String> out) {
        int n = value.length();
        int i = 0;
        while (i <= n) {
            // one element: [whitespace] token [whitespace] ('=' → a parameter | anything else → a challenge)
            while (i < n && isSpace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isTokenChar(value.charAt(i))) {
                i++;
            }
            int end = i;
            while (i < n && isSpace(value.charAt(i))) {
                i++;
            }
            if (end > start && (i == n || value.charAt(i) != '=')) {
                String scheme = value.substring(start, end);
                String key = scheme.toLowerCase(Locale.ROOT);
                out.putIfAbsent(key, KNOWN.getOrDefault(key, scheme));
            }
            i = nextElement(value, i) + 1;
        }
    }

    /** The index of the next comma outside a quoted string (honouring backslash escapes), or the length. */
    private static int nextElement(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return value.length();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** RFC 7230 {@code tchar}: {@code !#$%&'*+-.^_`|~}, digits and ASCII letters. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
