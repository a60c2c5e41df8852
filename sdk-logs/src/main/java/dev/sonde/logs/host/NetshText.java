package dev.sonde.logs.host;

/** Line handling shared by the {@code netsh} readers: line ends, the dashes under a heading, bounded length. */
final class NetshText {

    private NetshText() {
    }

    /** The line without a trailing CR or byte-order mark, clipped to {@code max} characters (bounded work). */
    static String clean(String line, int max) {
        String s = line == null ? "" : line;
        if (s.length() > max) {
            s = s.substring(0, max);
        }
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** True for the line of dashes netsh prints under a heading (at least ten dashes, nothing else). */
    static boolean isDashes(String line) {
        String t = line.strip();
        if (t.length() < 10) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** What follows the first colon, trimmed; the whole line trimmed when it has none. */
    static String afterColon(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(colon + 1)).strip();
    }
}
