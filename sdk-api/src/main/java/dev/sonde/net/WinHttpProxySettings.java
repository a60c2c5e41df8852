package dev.sonde.net;

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
 * (French: {@code Serveur(s) proxy :}, {@code Liste de contournement :}; German: {@code Proxyserver:},
 * {@code Umgehungsliste:}) or {@code Direct access (no proxy server).} A per-scheme list ({@code http=p1:80;https=p2:8443})
 * gives the {@code https} entry, else the {@code http} one, else the first ({@link ProxyServerLists}, shared with
 * the Internet Settings reader).
 *
 * @param proxy  {@code host:port} (port 80 when none is written)
 * @param bypass the bypass list as written, or {@code ""}
 */
public record WinHttpProxySettings(String proxy, String bypass) {

    public WinHttpProxySettings {
        Objects.requireNonNull(proxy, "proxy");
        bypass = Objects.requireNonNullElse(bypass, "");
    }

    /**
     * The label of the bypass list, in the languages of Windows Sonde knows (English "Bypass List", French "Liste de
     * contournement", German "Umgehungsliste", Spanish "Lista de omisión", Italian "Elenco eccezioni"); any other
     * label holding "proxy" names the servers ("Proxy Server(s)", "Serveur(s) proxy", "Proxyserver").
     */
    private static boolean bypassLabel(String key) {
        return key.contains("bypass") || key.contains("contournement") || key.contains("umgehung")
                || key.contains("omisi") || key.contains("eccezion");
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
            if (bypassLabel(key)) {
                bypass = value.startsWith("(") ? "" : value; // "(none)", "(aucun)", "(keine)"
            } else if (key.contains("proxy") && servers == null && !value.isEmpty()) { // not the heading's colon
                servers = value;
            }
        }
        if (servers == null || servers.isEmpty()) {
            return Optional.empty();
        }
        String bypassList = bypass;
        return ProxyServerLists.forHttps(servers).map(proxy -> new WinHttpProxySettings(proxy, bypassList));
    }
}
