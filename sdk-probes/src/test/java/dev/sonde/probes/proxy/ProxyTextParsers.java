package dev.sonde.probes.proxy;

import dev.sonde.net.WinHttpProxySettings;
import dev.sonde.net.ProxyServerLists;
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
        out.put("ProxyServerLists.normalise", ProxyServerLists::normalise);
        out.put("ProxyServerLists.forHttps", ProxyServerLists::forHttps);
        return out;
    }
}
