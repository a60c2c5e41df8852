package dev.sonde.probes.net;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parsers of untrusted text in this package (proxy settings, HTTP heads, challenges, dates, addresses,
 * server names), opened to the hostile-input tests in {@code dev.sonde.hostile}: each takes one string and
 * returns what it made of it.
 */
public final class NetTextParsers {

    private NetTextParsers() {
    }

    /** Each parser by name. */
    public static Map<String, Function<String, Object>> all() {
        Map<String, Function<String, Object>> out = new LinkedHashMap<>();
        out.put("WinHttpProxySettings.parse", WinHttpProxySettings::parse);
        out.put("WinHttpProxySettings.parse (one line)", s -> WinHttpProxySettings.parse("Proxy Server(s) : " + s));
        out.put("WinHttpProxySettings.normalise", WinHttpProxySettings::normalise);
        out.put("AuthChallenges.schemes", s -> AuthChallenges.schemes(List.of(s)));
        out.put("HttpHead.parse", s -> {
            try {
                return HttpHead.parse(s + "\r\n" + s + "\r\n\r\n");
            } catch (HttpHead.Malformed e) {
                return e.getMessage();
            }
        });
        out.put("HttpHead.parse (header)", s -> {
            try {
                return HttpHead.parse("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: " + s + "\r\n\r\n");
            } catch (HttpHead.Malformed e) {
                return e.getMessage();
            }
        });
        out.put("HttpDates.parse", s -> HttpDates.parse(s, Instant.EPOCH));
        out.put("IpLiterals.parse", IpLiterals::parse);
        out.put("HostnameMatcher.matchesName", s -> HostnameMatcher.matchesName(s, "*." + s));
        return out;
    }
}
