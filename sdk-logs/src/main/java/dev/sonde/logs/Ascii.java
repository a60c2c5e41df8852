package dev.sonde.logs;

/** ASCII-only text helpers that keep string indexes aligned (unlike {@link String#toLowerCase}). */
final class Ascii {

    private Ascii() {
    }

    /** The text with A-Z lowered; every other character, and so every index, unchanged. */
    static String lower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        byte[] latin1 = new byte[n]; // most text is Latin-1: one byte per character, as the String keeps it
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c > 0xFF) {
                return lowerWide(s, i);
            }
            latin1[k] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return new String(latin1, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** {@link #lower} of text holding characters beyond Latin-1, whose first A-Z is at {@code from}. */
    private static String lowerWide(String s, int from) {
        char[] out = s.toCharArray();
        for (int i = from; i < out.length; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            }
        }
        return new String(out);
    }

    /**
     * {@code lower(s).indexOf(word)} without the lower-cased copy: {@code word} is lower-case ASCII, and {@link #lower(String)}
     * changes only A-Z, so the indexes are the same.
     */
    static int indexOfLower(String s, String word) {
        int last = s.length() - word.length();
        for (int i = 0; i <= last; i++) {
            int j = 0;
            while (j < word.length() && lower(s.charAt(i + j)) == word.charAt(j)) {
                j++;
            }
            if (j == word.length()) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** White space as the regex {@code \s} means it: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }


    /** True when {@code s} has {@code count} ASCII digits from {@code from}. */
    static boolean digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The number written by {@code count} digits at {@code from} (caller checked they are digits). */
    static int number(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    // The same on a line's bytes (one per character), for the trace reader's record-prefix check.

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** True when the first {@code n} bytes of {@code s} have {@code count} ASCII digits from {@code from}. */
    static boolean digits(byte[] s, int n, int from, int count) {
        if (from + count > n) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s[i])) {
                return false;
            }
        }
        return true;
    }

    /** The number written by {@code count} digits at {@code from} (caller checked they are digits). */
    static int number(byte[] s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s[i] - '0');
        }
        return v;
    }

    /** A hexadecimal or decimal number as logged ({@code 0x2f8f}, {@code 00010000}, {@code 12002}); -1 if unparsable. */
    static long parseHex(String digits) {
        String d = digits.startsWith("0x") || digits.startsWith("0X") ? digits.substring(2) : digits;
        if (d.isEmpty() || d.length() > 15) {
            return -1;
        }
        try {
            return Long.parseLong(d, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first 80 characters of a line, for messages. */
    static String excerpt(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    /**
     * The line with its quoted spans (quotes included) blanked out: {@code "..."}, and {@code '...'} where
     * the quotes stand apart from words (so the apostrophe of {@code server's} is not a quote). An
     * unpaired quote is kept.
     */
    static String unquoted(String s) {
        StringBuilder b = null;
        int open = -1;
        char quote = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '"' && c != '\'') {
                continue;
            }
            if (open < 0) {
                if (c == '"' || k == 0 || !Character.isLetterOrDigit(s.charAt(k - 1))) {
                    open = k;
                    quote = c;
                }
                continue;
            }
            if (c != quote || (c == '\'' && k + 1 < s.length() && Character.isLetterOrDigit(s.charAt(k + 1)))) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s);
            }
            for (int j = open; j <= k; j++) {
                b.setCharAt(j, ' ');
            }
            open = -1;
        }
        return b == null ? s : b.toString();
    }
}
