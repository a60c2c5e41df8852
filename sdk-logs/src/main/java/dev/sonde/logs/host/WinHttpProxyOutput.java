package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxySetting;
import dev.sonde.net.WinHttpProxySettings;
import java.util.List;
import java.util.Locale;

/**
 * The saved output of {@code netsh winhttp show proxy} ({@value #FILE}), the machine-wide proxy GWSMO's WinHTTP uses:
 *
 * <pre>
 * Current WinHTTP proxy settings:
 *
 *     Proxy Server(s) :  proxy.corp.example:8080
 *     Bypass List     :  &lt;local&gt;;*.corp.example
 * </pre>
 *
 * French Windows: {@code Serveur(s) proxy :} and {@code Liste de contournement :}. One {@link ProxySetting} of origin
 * {@code winhttp} when a proxy is set (read by {@link WinHttpProxySettings}, as the live probes read netsh), none for
 * {@code Direct access (no proxy server).}; the evidence is the servers' line.
 */
public final class WinHttpProxyOutput {

    /** The documented file name. */
    public static final String FILE = "winhttp-proxy.txt";
    /** Lines looked at: the output is a handful. */
    private static final int MAX_LINES = 200;

    private WinHttpProxyOutput() {
    }

    /** The proxy the output configures, as a fact; empty for direct access or an output that names none. */
    public static List<Fact> parse(String file, List<String> lines) {
        List<String> head = lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
        return WinHttpProxySettings.parse(String.join("\n", head)).<List<Fact>>map(s -> {
            int at = 0;
            for (int i = 0; i < head.size(); i++) {
                if (head.get(i).toLowerCase(Locale.ROOT).contains("proxy") && head.get(i).contains(":")
                        && !head.get(i).strip().endsWith(":")) {
                    at = i;
                    break;
                }
            }
            Evidence source = new Evidence(file, at + 1L, head.isEmpty() ? "" : head.get(at).strip());
            return List.of(new ProxySetting(ProxyOrigin.WINHTTP, s.proxy(), s.bypass(), LogTime.UNKNOWN, "", source));
        }).orElse(List.of());
    }
}
