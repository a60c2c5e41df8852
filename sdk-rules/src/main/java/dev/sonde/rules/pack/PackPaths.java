package dev.sonde.rules.pack;

import dev.sonde.RulePackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names inside a pack: portable, unambiguous, and shown safely. A name that could mean two things (two entries
 * that unpack to one file, a path that leaves the archive) or make a message or a signed statement say something
 * else than it seems (a control character) refuses the pack.
 */
public final class PackPaths {

    /** The longest path inside a pack, in characters. */
    public static final int MAX_PATH = 512;

    private PackPaths() {
    }

    /**
     * An entry name with {@code \} as {@code /} and {@code .} segments dropped ({@code ./a\b.drl} → {@code a/b.drl});
     * a folder keeps its trailing {@code /}.
     *
     * @throws RulePackException for an absolute path, a {@code ..} segment or an empty segment
     */
    public static String normalise(String origin, String raw) {
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new RulePackException("rule pack " + origin + ": entry " + shown(raw)
                    + " is an absolute path; an archive whose entries could land outside it is refused");
        }
        boolean folder = name.endsWith("/");
        List<String> kept = new ArrayList<>();
        String[] segments = (folder ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String s : segments) {
            if (s.equals("..")) {
                throw new RulePackException("rule pack " + origin + ": entry " + shown(raw)
                        + " has a '..' segment; an archive whose entries could land outside it is refused");
            }
            if (s.isEmpty() && !(segments.length == 1 && folder)) {
                throw new RulePackException("rule pack " + origin + ": entry " + shown(raw)
                        + " has an empty path segment ('//'); such an archive is refused");
            }
            if (!s.equals(".") && !s.isEmpty()) {
                kept.add(s);
            }
        }
        String joined = String.join("/", kept);
        return folder && !joined.isEmpty() ? joined + "/" : joined;
    }

    /** Refuses a second name equal to one seen, ignoring letter case (two such files are one on many disks). */
    static void unique(String origin, Map<String, String> seen, String name, String raw) {
        String before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), raw);
        if (before != null) {
            throw new RulePackException("rule pack " + origin + " holds two entries named " + shown(name.replaceAll("/$", ""))
                    + (before.equals(raw) ? "" : " (" + shown(before) + " and " + shown(raw) + ")")
                    + "; a pack whose names repeat (letter case, '\\' and './' aside) is refused");
        }
    }

    static void checkPath(String origin, String path, String kind) {
        String why = whyBadPath(path);
        if (why != null) {
            throw new RulePackException("rule pack " + origin + ": " + kind + " " + shown(path) + " " + why
                    + "; rename it (a pack's paths hold printable ASCII only, without \\ : * ? \" < > |)");
        }
    }

    /**
     * Why {@code path} (relative, {@code /}-separated) is not a portable pack path, or null when it is. Allowed:
     * printable ASCII except {@code \ : * ? " < > |} (what Windows forbids), segments that are not empty,
     * {@code .} or {@code ..}, neither start nor end with a space nor end with a dot, and at most
     * {@value #MAX_PATH} characters. No control character can then make a signed statement or a message
     * say something else than it seems.
     */
    public static String whyBadPath(String path) {
        if (path.length() > MAX_PATH) {
            return "is longer than " + MAX_PATH + " characters";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "holds a control character";
            }
            if (c > 0x7e) {
                return "holds a character that is not printable ASCII";
            }
            if ("\\:*?\"<>|".indexOf(c) >= 0) {
                return "holds '" + c + "'";
            }
        }
        for (String s : path.split("/", -1)) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                return "has an empty, '.' or '..' segment";
            }
            if (s.startsWith(" ") || s.endsWith(" ") || s.endsWith(".")) {
                return "has a name that starts or ends with a space or ends with a dot";
            }
        }
        return null;
    }

    /** A name as messages show it: control and non-ASCII characters escaped, quoted. */
    public static String shown(String name) {
        return "'" + escaped(name) + "'";
    }

    /** A name with control and non-ASCII characters escaped ({@code \n}, {@code \u001b}), cut at 200 characters. */
    public static String escaped(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < name.length() && out.length() < 200; i++) {
            char c = name.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return i < name.length() ? out + "…" : out.toString();
    }
}
