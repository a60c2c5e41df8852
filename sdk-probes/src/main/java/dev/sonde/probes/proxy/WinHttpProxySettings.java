package dev.sonde.probes.proxy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine-wide WinHTTP proxy, read from the output of {@code netsh winhttp show proxy}:
 *
 * <pre>
 * Current WinHTTP proxy settings:
 *
 *     Proxy Server(s) :  proxy.corp.example:8080
 *     Bypass List     :  &lt;local&gt;;*.corp.example
 * </pre>
 *
 * or {@code Direct access (no proxy server).} A per-scheme list ({@code http=p1:80;https=p2:8443})
 * gives the {@code https} entry, else the {@code http} one, else the first.
 *
 * @param proxy  {@code host:port} (port 80 when none is written)
 * @param bypass the bypass list as written, or {@code ""}
 */
public record WinHttpProxySettings(String proxy, String bypass) {

    public WinHttpProxySettings {
        Objects.requireNonNull(proxy, "proxy");
        bypass = Objects.requireNonNullElse(bypass, "");
    }

    /** The proxy the text configures; empty for direct access or text that names none. */
    public static Optional<WinHttpProxySettings> parse(String netshOutput) {
        if (netshOutput == null || netshOutput.isBlank()) {
            return Optional.empty();
        }
        String servers = null;
        String bypass = "";
        for (String raw : netshOutput.split("\\R")) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.startsWith("proxy server")) {
                servers = value;
            } else if (key.startsWith("bypass list")) {
                bypass = value.equalsIgnoreCase("(none)") ? "" : value;
            }
        }
        if (servers == null || servers.isEmpty()) {
            return Optional.empty();
        }
        String chosen = null;
        String first = null;
        String http = null;
        for (String entry : servers.split("[;\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String e = entry.strip();
            int eq = e.indexOf('=');
            String scheme = eq > 0 ? e.substring(0, eq).toLowerCase(Locale.ROOT) : "";
            String address = eq > 0 ? e.substring(eq + 1) : e;
            if (first == null) {
                first = address;
            }
            if (scheme.equals("https") && chosen == null) {
                chosen = address;
            } else if (scheme.equals("http") && http == null) {
                http = address;
            }
        }
        String address = chosen != null ? chosen : http != null ? http : first;
        return address == null ? Optional.empty() : Optional.of(new WinHttpProxySettings(normalise(address), bypass));
    }

    /** {@code http://host:port/} → {@code host:port}; a missing port becomes 80. */
    static String normalise(String address) {
        String a = address.strip();
        int scheme = a.indexOf("://");
        if (scheme >= 0) {
            a = a.substring(scheme + 3);
        }
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1); // never keep credentials written into a proxy URL
        }
        int slash = a.indexOf('/');
        if (slash >= 0) {
            a = a.substring(0, slash);
        }
        boolean hasPort = a.startsWith("[") ? a.contains("]:") : a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':');
        return hasPort ? a : a + ":80";
    }
}
