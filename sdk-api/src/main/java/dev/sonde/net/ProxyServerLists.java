package dev.sonde.net;

import java.util.Locale;
import java.util.Optional;

/**
 * Windows proxy server lists, as {@code netsh winhttp show proxy} prints them and the Internet Settings value
 * {@code ProxyServer} holds them: one address for every scheme ({@code proxy.corp.example:8080}), or a per-scheme
 * list ({@code http=web.corp:3128;https=secure.corp:8443}, entries separated by {@code ;} or white space). Google's
 * traffic is HTTPS, so the entry that counts is the {@code https} one, else the {@code http} one, else the first.
 * One copy for the WinHTTP probe and the registry readers; linear in the length of the list.
 */
public final class ProxyServerLists {

    private ProxyServerLists() {
    }

    /**
     * The proxy HTTPS requests take, {@code host:port} (see {@link #normalise}); empty when the list names none.
     *
     * @param list the list as written, or {@code null}
     */
    public static Optional<String> forHttps(String list) {
        if (list == null || list.isBlank()) {
            return Optional.empty();
        }
        String https = null;
        String http = null;
        String first = null;
        for (String entry : list.split("[;\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String scheme = eq > 0 ? entry.substring(0, eq).toLowerCase(Locale.ROOT) : "";
            String address = eq > 0 ? entry.substring(eq + 1) : entry;
            if (address.isBlank()) {
                continue;
            }
            if (first == null) {
                first = address;
            }
            if (scheme.equals("https") && https == null) {
                https = address;
            } else if (scheme.equals("http") && http == null) {
                http = address;
            }
        }
        String chosen = https != null ? https : http != null ? http : first;
        return chosen == null ? Optional.empty() : Optional.of(normalise(chosen));
    }

    /**
     * {@code http://host:port/} → {@code host:port}; a missing port becomes 80. Credentials written into a proxy URL
     * ({@code user:secret@}) are dropped, never kept.
     */
    public static String normalise(String address) {
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
