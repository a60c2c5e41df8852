package dev.sonde.probes.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The http family's parsers of untrusted text, for {@code dev.sonde.hostile.NetTextParsers}. */
public final class HttpTextParsers {

    private HttpTextParsers() {
    }

    /** Each parser by name. */
    public static Map<String, Function<String, Object>> all() {
        Map<String, Function<String, Object>> out = new LinkedHashMap<>();
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
        out.put("HeaderText.clean", HeaderText::clean);
        return out;
    }
}
