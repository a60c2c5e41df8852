package dev.sonde.logs.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The lines of {@code reg query} output that say something: a key line ({@code HKEY_CURRENT_USER\...}, at the start
 * of the line), then its values, one per indented line: name, type and data separated by runs of spaces
 * ({@code     ProxyEnable    REG_DWORD    0x1}). Value names may hold spaces ({@code User Agent}); the type is the
 * first known {@code REG_*} word after white space. Everything else is skipped: blank lines, the localized messages
 * ({@code ERROR: The system was unable to find the specified registry key or value.}, {@code ERREUR : ...},
 * {@code End of search: 12 match(es) found.}), values before any key, and garbage. A hand scan, linear in the length
 * of the input: no regular expression.
 */
final class RegQueryLines {

    /** The types {@code reg query} prints. */
    private static final Set<String> TYPES = Set.of("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD", "REG_QWORD",
            "REG_BINARY", "REG_NONE", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN", "REG_QWORD_LITTLE_ENDIAN",
            "REG_LINK", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR", "REG_RESOURCE_REQUIREMENTS_LIST");
    /** Longer than the longest type: a scan for one never reads further. */
    private static final int MAX_TYPE = 32;

    private RegQueryLines() {
    }

    /**
     * The values the output holds that {@code keep} accepts, in order. Only those are kept, so a caller that asks
     * for a few names holds a few values whatever the input.
     */
    static List<RegValue> values(List<String> lines, Predicate<RegValue> keep) {
        List<RegValue> out = new ArrayList<>();
        String key = null;
        long keyLine = 0;
        long number = 0;
        for (String line : lines) {
            number++;
            if (line == null || line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                String path = keyPath(line);
                if (path != null) {
                    key = path;
                    keyLine = number;
                }
                continue; // a key, or a message
            }
            if (key != null) {
                RegValue v = value(key, keyLine, number, line);
                if (v != null && keep.test(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The key a line names, lower case, without a trailing {@code \}; {@code null} when it is no key line. */
    static String keyPath(String line) {
        String t = line.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("hkey_") && !lower.startsWith("hklm\\") && !lower.startsWith("hkcu\\")) {
            return null;
        }
        lower = lower.startsWith("hklm\\") ? "hkey_local_machine" + lower.substring(4)
                : lower.startsWith("hkcu\\") ? "hkey_current_user" + lower.substring(4) : lower;
        while (lower.endsWith("\\")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower;
    }

    /** A value line read, or {@code null} when the line names no known type after a name. */
    private static RegValue value(String key, long keyLine, long number, String line) {
        String t = line.strip();
        int from = 0;
        while (true) {
            int at = t.indexOf("REG_", from);
            if (at < 0) {
                return null;
            }
            from = at + 4;
            if (at == 0 || !Character.isWhitespace(t.charAt(at - 1))) {
                continue;
            }
            int end = at;
            while (end < t.length() && end - at <= MAX_TYPE && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            String type = t.substring(at, end);
            String name = t.substring(0, at).strip();
            if (!TYPES.contains(type) || name.isEmpty()) {
                continue;
            }
            return new RegValue(key, keyLine, name, type, t.substring(end).strip(), number, line);
        }
    }
}
