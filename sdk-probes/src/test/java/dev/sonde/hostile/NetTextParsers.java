package dev.sonde.hostile;

import dev.sonde.probes.clock.ClockTextParsers;
import dev.sonde.probes.http.HttpTextParsers;
import dev.sonde.probes.proxy.ProxyTextParsers;
import dev.sonde.probes.tls.TlsTextParsers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The parsers of untrusted text in sdk-probes (proxy settings, HTTP heads, dates, server names), opened to the
 * hostile-input tests by each family's {@code *TextParsers}: each takes one string and returns what it made of it.
 * (IP literals and {@code Proxy-Authenticate} challenges are read by sdk-api's {@code dev.sonde.net}, tested there.)
 */
public final class NetTextParsers {

    private NetTextParsers() {
    }

    /** Each parser by name, {@code Type.method}. */
    public static Map<String, Function<String, Object>> all() {
        Map<String, Function<String, Object>> out = new LinkedHashMap<>();
        out.putAll(ProxyTextParsers.all());
        out.putAll(HttpTextParsers.all());
        out.putAll(ClockTextParsers.all());
        out.putAll(TlsTextParsers.all());
        return out;
    }
}
