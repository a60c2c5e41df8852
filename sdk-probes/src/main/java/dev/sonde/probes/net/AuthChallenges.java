package dev.sonde.probes.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the authentication schemes out of {@code Proxy-Authenticate} (or {@code WWW-Authenticate})
 * header values (RFC 7235). A proxy may send one header per challenge or several challenges in one
 * header, so
 *
 * <pre>
 * Proxy-Authenticate: Negotiate
 * Proxy-Authenticate: NTLM
 * Proxy-Authenticate: Basic realm="corp proxy", charset="UTF-8"
 * Proxy-Authenticate: digest realm="corp", nonce="4b2a", qop="auth"
 * </pre>
 *
 * and the same challenges joined with commas in one header both read as
 * {@code [Negotiate, NTLM, Basic, Digest]}. Known schemes are case-normalised (Basic, Digest, NTLM,
 * Negotiate, Kerberos, Bearer); others are kept as sent. Each scheme appears once, in order.
 */
final class AuthChallenges {

    private static final Pattern SCHEME = Pattern.compile("^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Map<String, String> KNOWN = Map.of(
            "basic", "Basic", "digest", "Digest", "ntlm", "NTLM", "negotiate", "Negotiate",
            "kerberos", "Kerberos", "bearer", "Bearer");

    private AuthChallenges() {
    }

    /** The schemes offered by the given header values, canonical names, each once, in order. */
    static List<String> schemes(List<String> headerValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String value : headerValues) {
            for (String element : splitOutsideQuotes(value)) {
                String e = element.strip();
                Matcher m = SCHEME.matcher(e);
                if (e.isEmpty() || !m.matches()) {
                    continue; // an auth-param (name=value) of the previous challenge, or noise
                }
                String rest = m.group(2) == null ? "" : m.group(2).strip();
                if (rest.startsWith("=")) {
                    continue; // "name = value": an auth-param with spaces around '='
                }
                String scheme = m.group(1);
                String key = scheme.toLowerCase(Locale.ROOT);
                out.putIfAbsent(key, KNOWN.getOrDefault(key, scheme));
            }
        }
        return List.copyOf(out.values());
    }

    /** Splits on commas that are not inside a quoted string (honouring backslash escapes). */
    static List<String> splitOutsideQuotes(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
