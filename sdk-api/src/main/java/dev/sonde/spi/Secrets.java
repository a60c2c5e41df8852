package dev.sonde.spi;

import static dev.sonde.spi.Redaction.MARK;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in a text and replaces them with {@link Redaction#MARK} (what {@link Redaction#redact} does; the
 * forms are listed there).
 *
 * <p>Why it is linear in the text: every pattern starts on a literal word (or where a run of token characters
 * starts), uses possessive quantifiers and bounded repetitions only, so no position is tried twice by a pattern,
 * and the length of a value is measured by a hand scan that stops at the first delimiter; each pass starts after
 * the value it replaced. URL escapes are read at up to four levels of encoding ({@code %22}, {@code %2522} ...,
 * as a URL inside a URL's query is), a bounded number of characters per escape.
 */
final class Secrets {

    /** A URL escape's {@code %}, URL-encoded again up to three times ({@code %25}, {@code %2525}, {@code %252525}). */
    private static final String PCT = "%(?:25){0,3}+";
    private static final String QUOTE = "(?:\\\\?[\"']|" + PCT + "2[27])";
    private static final String BLANK = "(?:[ \\t+]|" + PCT + "20)";

    /**
     * Between a key and its value: the key's closing quote, if any, blanks ({@code %20} and {@code +} too),
     * {@code =} or {@code :} (also URL-encoded), blanks, and the value's opening quote, captured as group {@code q}.
     */
    private static final String SEPARATOR = QUOTE + "?+" + BLANK + "*+(?<sep>=|:|" + PCT + "3[DdAa])" + BLANK + "*+"
            + "(?<q>" + QUOTE + ")?+";

    /**
     * A secret value after a key or header name: a pattern ending where the value starts, and how the value ends.
     * With {@code notAPath}, a key that ends a URL's path and is followed by a colon is prose, not a key
     * ({@code Date of https://oauth2.googleapis.com/token: 2026-11-28T04:05:53Z}); {@code /token=x} still is one.
     */
    private record ValueRule(Pattern key, boolean wholeLine, boolean notAPath, List<String> hints) {
    }

    private static final List<ValueRule> VALUE_RULES = List.of(
            // headers: the whole value, to the end of the line
            new ValueRule(Pattern.compile("(?i)(?:(?:proxy-)?authorization|(?:set-)?cookie|x-goog-api-key)" + SEPARATOR),
                    true, false, List.of("authorization", "cookie", "api-key")),
            // key=value, key: value, "key": "value" (the key may end a longer name: proxy_password, userPassword); no
            // hint "api": every api key spelling holds "key", while "api" stands in every googleapis.com URL
            new ValueRule(Pattern.compile("(?i)(?:passw(?:or)?d|pwd|passphrase|token|secret|api[_-]?key|apikey|private[_-]?key"
                    + "|assertion)" + SEPARATOR), false, true, List.of("pass", "pwd", "token", "secret", "key", "assertion")),
            // an OAuth authorization code: as a URL query parameter, or as a JSON string (not "code": 403)
            // (the hints hold what follows "code" too, an escape's % whatever its encoding: "error code 12002" and
            // "Code: 0x2efd" are no such code)
            new ValueRule(Pattern.compile("(?i)(?:[?&#;]|" + PCT + "(?:3F|26|23|3B))code(?:=|" + PCT + "3D)(?<q>)"), false,
                    false, List.of("code=", "code%")),
            new ValueRule(Pattern.compile("(?i)" + QUOTE + "code" + QUOTE + BLANK + "*+(?::|" + PCT + "3A)" + BLANK + "*+"
                    + "(?<q>" + QUOTE + ")"), false, false, List.of("code\"", "code'", "code\\", "code%")));

    /** A credential after an authentication scheme's name, outside a header ({@code "sent Bearer abc..."}). */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:bearer|basic|negotiate|ntlm)[ \\t]++([A-Za-z0-9+/=._~-]{8,}+)");
    private static final List<String> SCHEME_HINTS = List.of("bearer", "basic", "negotiate", "ntlm");

    /** Where a base64url token may start: not inside another one, or right after a URL escape ({@code %22eyJ}). */
    private static final String TOKEN_START = "(?:(?<![A-Za-z0-9_-])|(?<=%[0-9A-Fa-f]{2}))";
    private static final String SLASH = "(?:/|" + PCT + "2[Ff])";

    /** Secrets recognised by their shape alone, replaced whole. */
    private static final Pattern WHOLE_TOKEN = Pattern.compile(
            "ya29\\.[0-9A-Za-z_.~-]++"                                             // Google OAuth access token
                    + "|1" + SLASH + SLASH + "[0-9A-Za-z_-][0-9A-Za-z_.~-]{8,}+"   // Google OAuth refresh token
                    + "|GOCSPX-[0-9A-Za-z_-]++"                                     // Google OAuth client secret
                    + "|AIza[0-9A-Za-z_-]{30,}+"                                    // Google API key
                    + "|(?<![0-9A-Za-z/])4" + SLASH + "0A[0-9A-Za-z_-]{20,}+"      // Google OAuth authorization code
                    + "|" + TOKEN_START + "eyJ[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+"); // JWT
    private static final List<String> TOKEN_HINTS = List.of("ya29.", "1/", "1%", "gocspx-", "aiza", "4/", "4%", "eyj");

    /** The bits of {@link #groupsIn}: bit {@code r} for {@code VALUE_RULES.get(r)}, then these two. */
    private static final int SCHEME_GROUP = 1 << VALUE_RULES.size();
    private static final int TOKEN_GROUP = SCHEME_GROUP << 1;
    private static final int ALL_GROUPS = (TOKEN_GROUP << 1) - 1;
    /**
     * Every hint (lower-case ASCII) by its first character, with the pattern groups it stands for: bit {@code r} for
     * {@code VALUE_RULES.get(r)}, then {@link #SCHEME_GROUP} and {@link #TOKEN_GROUP}. Built once, so that one scan of
     * a text tells which patterns may match it (a scan per hint cost a quarter of a small analysis).
     */
    private static final String[][] HINTS_BY_FIRST = new String[128][];
    private static final int[][] GROUPS_BY_FIRST = new int[128][];
    /**
     * Whether a hint starts with these two characters (lower-case ASCII, {@code 128 * first + second}): most letters
     * that begin a hint ({@code a}, {@code e}, {@code t} ...) are not followed by its second one, so the hints are
     * compared only where both agree.
     */
    private static final boolean[] FIRST_TWO = new boolean[128 * 128];

    static {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (int r = 0; r < VALUE_RULES.size(); r++) {
            for (String hint : VALUE_RULES.get(r).hints()) {
                groups.merge(hint, 1 << r, (a, b) -> a | b);
            }
        }
        SCHEME_HINTS.forEach(h -> groups.merge(h, SCHEME_GROUP, (a, b) -> a | b));
        TOKEN_HINTS.forEach(h -> groups.merge(h, TOKEN_GROUP, (a, b) -> a | b));
        groups.forEach((hint, bits) -> {
            int c = hint.charAt(0);
            FIRST_TWO[128 * c + hint.charAt(1)] = true; // every hint has two characters at least
            String[] hints = HINTS_BY_FIRST[c] == null ? new String[0] : HINTS_BY_FIRST[c];
            int[] masks = GROUPS_BY_FIRST[c] == null ? new int[0] : GROUPS_BY_FIRST[c];
            HINTS_BY_FIRST[c] = Arrays.copyOf(hints, hints.length + 1);
            HINTS_BY_FIRST[c][hints.length] = hint;
            GROUPS_BY_FIRST[c] = Arrays.copyOf(masks, masks.length + 1);
            GROUPS_BY_FIRST[c][masks.length] = bits;
        });
    }

    private Secrets() {
    }

    /** The text with every recognised secret replaced. */
    static String redact(String text) {
        int groups = groupsIn(text); // the hints only skip the patterns whose words are absent from the text
        return redact(text, groups, text.indexOf(':') >= 0 || text.indexOf('%') >= 0);
    }

    /** {@link #redact} with every pattern tried, whatever the text holds (for tests: the hints must skip nothing). */
    static String redactTryingEveryPattern(String text) {
        return redact(text, ALL_GROUPS, true);
    }

    private static String redact(String text, int groups, boolean urls) {
        String out = text;
        for (int r = 0; r < VALUE_RULES.size(); r++) {
            if ((groups & 1 << r) != 0) {
                out = values(out, VALUE_RULES.get(r));
            }
        }
        if ((groups & SCHEME_GROUP) != 0) {
            out = schemeCredentials(out);
        }
        if ((groups & TOKEN_GROUP) != 0) {
            out = WHOLE_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        if (urls && (out == text || out.indexOf(':') >= 0 || out.indexOf('%') >= 0)) {
            out = urlPasswords(out);
        }
        return out;
    }

    /**
     * The groups of patterns whose hints the text holds, ignoring ASCII case only, as the patterns' own {@code (?i)}
     * does (without {@code UNICODE_CASE} they match ASCII letters only); in one scan, without a lower-case copy of the
     * text (this runs on every string of every report).
     */
    private static int groupsIn(String text) {
        int found = 0;
        for (int i = 0, last = text.length() - 1; i < last && found != ALL_GROUPS; i++) {
            char c = text.charAt(i);
            if (c >= 128 || HINTS_BY_FIRST[lowerAscii(c)] == null) {
                continue;
            }
            char d = text.charAt(i + 1);
            if (d >= 128 || !FIRST_TWO[128 * lowerAscii(c) + lowerAscii(d)]) {
                continue;
            }
            String[] hints = HINTS_BY_FIRST[lowerAscii(c)];
            int[] bits = GROUPS_BY_FIRST[lowerAscii(c)];
            for (int h = 0; h < hints.length; h++) {
                if ((found & bits[h]) != bits[h] && startsWithIgnoringAsciiCase(text, i, hints[h])) {
                    found |= bits[h];
                }
            }
        }
        return found;
    }

    /** Whether {@code hint} (lower-case ASCII) stands at {@code at} in the text, ignoring ASCII case. */
    private static boolean startsWithIgnoringAsciiCase(String text, int at, String hint) {
        int length = hint.length();
        if (at + length > text.length()) {
            return false;
        }
        for (int j = 1; j < length; j++) {
            if (lowerAscii(text.charAt(at + j)) != hint.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Replaces each value that follows a match of the rule's key pattern. */
    private static String values(String text, ValueRule rule) {
        Matcher m = rule.key().matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int at = 0;
        while (at < text.length() && m.find(at)) {
            int from = m.end();
            String quote = m.group("q");
            boolean path = rule.notAPath() && m.start() > 0 && text.charAt(m.start() - 1) == '/'
                    && !m.group("sep").equals("=") && !m.group("sep").toUpperCase(Locale.ROOT).endsWith("3D");
            int to = path || text.startsWith(MARK, from) ? from
                    : valueEnd(text, from, quote == null ? "" : quote, rule.wholeLine());
            if (to == from) {
                at = m.end();
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, copied, from).append(MARK);
            copied = to;
            at = to;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Where a value starting at {@code from} ends: at its closing quote when it was opened by one, else at the end
     * of the line for a header, else at white space or a delimiter (also URL-encoded).
     */
    private static int valueEnd(String s, int from, String quote, boolean wholeLine) {
        int n = s.length();
        if (quote.startsWith("%")) {
            for (int i = from; i < n; i++) {
                char c = s.charAt(i);
                if (c <= ' ' || c == '"' || c == '&' || s.regionMatches(true, i, quote, 0, quote.length())) {
                    return i;
                }
            }
            return n;
        }
        if (!quote.isEmpty()) {
            char q = quote.charAt(quote.length() - 1);
            // \"...\" is a string inside a JSON string: undo the outer escapes first (\\ is \, \" is ")
            boolean nested = quote.length() == 2;
            boolean escaped = false;
            for (int i = from; i < n; i++) {
                int at = i;
                char c = s.charAt(i);
                if (c == '\r' || c == '\n' || (!nested && c == q && !escaped)) {
                    return at;
                }
                if (nested && c == '\\' && i + 1 < n) {
                    c = s.charAt(++i);
                    if (c == q && !escaped) {
                        return at;
                    }
                } else if (nested && c == q) {
                    return at; // an unescaped quote ends the outer string too
                }
                escaped = !escaped && c == '\\';
            }
            return n;
        }
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
            if (!wholeLine) {
                int e = escape(s, i);
                if (stopsToken(e >= 0 ? (char) (e & 0xFFFF) : c)) {
                    return i;
                }
            }
        }
        return n;
    }

    private static boolean stopsToken(char c) {
        return c <= ' ' || Character.isWhitespace(c) || "\"'&,;<>)]}\\".indexOf(c) >= 0;
    }

    /**
     * The URL escape at {@code i} ({@code %XX}, or {@code %25XX} ... URL-encoded again up to three times): its length
     * shifted left by 16 bits, or'ed with the character it stands for; -1 when there is none.
     */
    private static int escape(String s, int i) {
        if (s.charAt(i) != '%') {
            return -1;
        }
        int j = i + 1;
        for (int again = 0; again < 3 && s.startsWith("25", j) && isHex(s, j + 2) && isHex(s, j + 3); again++) {
            j += 2;
        }
        if (j + 1 >= s.length() || !isHex(s, j) || !isHex(s, j + 1)) {
            return -1;
        }
        int c = Character.digit(s.charAt(j), 16) * 16 + Character.digit(s.charAt(j + 1), 16);
        return (j + 2 - i) << 16 | c;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** Credentials after a scheme name; a plain word ({@code Basic authentication}, {@code Basic realm=...}) stays. */
    private static String schemeCredentials(String text) {
        Matcher m = SCHEME_CREDENTIAL.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            String credential = m.group(1);
            if (looksLikeCredential(credential)) {
                out.append(text, copied, m.start(1)).append(MARK);
                copied = m.end(1);
            }
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }

    /** Base64 and tokens mix cases, digits or symbols; a word of a sentence is lower case after its first letter. */
    private static boolean looksLikeCredential(String word) {
        if (word.regionMatches(true, 0, "realm=", 0, 6)) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The password of each {@code scheme://user:password@host}, also URL-encoded
     * ({@code https%3A%2F%2Fuser%3Apassword%40host}, as a URL given in another URL's query); the user and the host
     * stay. One pass: where a {@code :} followed by {@code //} is read (plain or escaped), the authority that follows
     * is read up to its end (the path, query or fragment, or where the URL ends), and the scan goes on after it.
     */
    static String urlPasswords(String text) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        int colonAt = -2; // the next ':' and '%' at or after i (-1: none left, -2: not looked for yet)
        int percentAt = -2;
        while (i < n) {
            // only a ':' or a '%' (an escape, perhaps of ':') can start "://": the characters between are skipped
            if (colonAt != -1 && colonAt < i) {
                colonAt = text.indexOf(':', i);
            }
            if (percentAt != -1 && percentAt < i) {
                percentAt = text.indexOf('%', i);
            }
            int next = colonAt < 0 ? percentAt : percentAt < 0 ? colonAt : Math.min(colonAt, percentAt);
            if (next < 0) {
                break;
            }
            i = next;
            int c1 = decoded(text, i);
            int step = c1 >>> 16;
            if ((c1 & 0xFFFF) != ':') {
                i += step;
                continue;
            }
            int c2 = decoded(text, i + step);
            int c3 = c2 < 0 ? -1 : decoded(text, i + step + (c2 >>> 16));
            if (c2 < 0 || c3 < 0 || (c2 & 0xFFFF) != '/' || (c3 & 0xFFFF) != '/') {
                i += step;
                continue;
            }
            boolean encoded = step > 1;
            int end = i + step + (c2 >>> 16) + (c3 >>> 16);
            int colon = -1;
            int colonEnd = -1;
            int atSign = -1;
            while (end < n) {
                int d = encoded ? decoded(text, end) : 1 << 16 | text.charAt(end);
                char c = (char) (d & 0xFFFF);
                if ("/?#\"'<>\\".indexOf(c) >= 0 || c <= ' ' || Character.isWhitespace(c) || (encoded && c == '&')) {
                    break;
                }
                if (c == '@') {
                    atSign = end;
                } else if (c == ':' && colon < 0) {
                    colon = end;
                    colonEnd = end + (d >>> 16);
                }
                end += d >>> 16;
            }
            if (colon >= 0 && colon < atSign && !text.startsWith(MARK, colonEnd)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, colonEnd).append(MARK);
                copied = atSign;
            }
            i = Math.max(end, i + 1);
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** The character or escape at {@code i}: its length shifted left by 16 bits, or'ed with the character; -1 past the end. */
    private static int decoded(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        int e = escape(s, i);
        return e >= 0 ? e : 1 << 16 | s.charAt(i);
    }
}
