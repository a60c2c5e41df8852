package dev.sonde.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Secrets}' shortcuts skip only work that could not change the text: the hint scan (which patterns to try)
 * and the jump to the next {@code :} or {@code %} in URL passwords. Texts made of the patterns' own words, in any
 * case, with separators, quotes, escapes and URLs, give the same result as trying every pattern, and as reading every
 * character for URL passwords.
 */
class SecretsScanTest {

    private static final List<String> PIECES = List.of("password", "PassWd", "pwd", "token", "Secret", "api_key",
            "apikey", "private-key", "assertion", "authorization", "Proxy-Authorization", "cookie", "X-Goog-Api-Key",
            "code", "?code=", "&code%3D", "\"code\"", "bearer ", "Basic ", "NTLM ", "negotiate ", "ya29.", "1//",
            "1%2F%2F", "GOCSPX-", "AIza", "4/0A", "4%2F0A", "eyJ", ".", "=", ":", " : ", "%3A", "%253A", "%22", "%2522",
            "\"", "'", "\\\"", " ", "\t", "+", "%20", "&", ";", "/", "//", "%2F", "@", "%40", "https://", "http%3A%2F%2F",
            "user:pw@host", "abcDEF123456789xyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123", "é", "\u2028", "\n", "x", "7");

    @Test
    void theShortcutsChangeNothing() {
        Random random = new Random(3);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String text = b.toString();
            assertThat(Secrets.redact(text)).as(text).isEqualTo(Secrets.redactTryingEveryPattern(text));
            assertThat(Secrets.urlPasswords(text)).as(text).isEqualTo(UrlPasswordsReadingEveryCharacter.of(text));
        }
    }

    /** URL passwords as found before the jump to the next {@code :} or {@code %}: one character or escape at a time. */
    private static final class UrlPasswordsReadingEveryCharacter {

        static String of(String text) {
            StringBuilder out = null;
            int copied = 0;
            int n = text.length();
            int i = 0;
            while (i < n) {
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
                if (colon >= 0 && colon < atSign && !text.startsWith(Redaction.MARK, colonEnd)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, colonEnd).append(Redaction.MARK);
                    copied = atSign;
                }
                i = Math.max(end, i + 1);
            }
            return out == null ? text : out.append(text, copied, n).toString();
        }

        private static int decoded(String s, int i) {
            if (i >= s.length()) {
                return -1;
            }
            int e = escape(s, i);
            return e >= 0 ? e : 1 << 16 | s.charAt(i);
        }

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
    }
}
