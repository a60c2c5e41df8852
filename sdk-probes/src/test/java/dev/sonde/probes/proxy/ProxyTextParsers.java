package dev.sonde.probes.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The proxy family's parsers of untrusted text, for {@code dev.sonde.hostile.NetTextParsers}. */
public final class ProxyTextParsers {

    private ProxyTextParsers() {
    }

    /** Each parser by name. */
    public static Map<String, Function<String, Object>> all() {
        Map<String, Function<String, Object>> out = new LinkedHashMap<>();
        out.put("WinHttpProxySettings.parse", WinHttpProxySettings::parse);
        out.put("WinHttpProxySettings.parse (one line)", s -> WinHttpProxySettings.parse("Proxy Server(s) : " + s));
        out.put("WinHttpProxySettings.normalise", WinHttpProxySettings::normalise);
        return out;
    }
}
