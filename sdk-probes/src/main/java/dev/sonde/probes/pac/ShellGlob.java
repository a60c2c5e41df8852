package dev.sonde.probes.pac;

/**
 * {@code shExpMatch}'s shell expressions: {@code *} matches any run of characters (none included), {@code ?}
 * exactly one, every other character itself, case included (as in browsers). Matched without regular
 * expressions, by the classic two-pointer walk that returns to the last {@code *}: at most
 * {@code text.length() * pattern.length()} steps, whatever the input, and no recursion.
 */
final class ShellGlob {

    private ShellGlob() {
    }

    static boolean matches(String text, String pattern) {
        int t = 0;
        int p = 0;
        int starP = -1; // pattern index just after the last '*' seen
        int starT = 0;  // text index that '*' was last tried up to
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))
                    && pattern.charAt(p) != '*') {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = ++p;
                starT = t;
            } else if (starP >= 0) {
                p = starP;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
