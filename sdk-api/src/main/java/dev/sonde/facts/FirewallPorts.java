package dev.sonde.facts;

import java.util.Locale;
import java.util.Set;

/** Reads a firewall port list as netsh prints it ({@code Any}, {@code 80,443}, {@code 1-1024}, keywords). */
final class FirewallPorts {

    /** "Any" in the languages the host readers know (English, French, German), lower-cased. */
    static final Set<String> ANY = Set.of("any", "all", "quelconque", "tout", "tous", "toutes", "n'importe lequel",
            "beliebig", "alle", "jeder");
    /** A list longer than this is not read (netsh never prints one; bounded work on hostile text). */
    private static final int MAX_LENGTH = 4096;

    private FirewallPorts() {
    }

    static boolean isAny(String word) {
        return ANY.contains(word.trim().toLowerCase(Locale.ROOT));
    }

    static boolean covers(String ports, int port) {
        if (ports == null || ports.length() > MAX_LENGTH) {
            return false;
        }
        for (String item : ports.split(",", -1)) {
            String t = item.trim();
            if (isAny(t)) {
                return true;
            }
            int dash = t.indexOf('-');
            if (dash < 0) {
                if (number(t) == port) {
                    return true;
                }
            } else {
                long from = number(t.substring(0, dash).trim());
                long to = number(t.substring(dash + 1).trim());
                if (from >= 0 && to >= 0 && from <= port && port <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A port number 0-65535, or -1 when the text is not one. */
    private static long number(String t) {
        if (t.isEmpty() || t.length() > 5) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        long n = Long.parseLong(t);
        return n <= 65535 ? n : -1;
    }
}
