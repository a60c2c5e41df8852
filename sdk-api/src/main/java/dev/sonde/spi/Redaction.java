package dev.sonde.spi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is kept as evidence: OAuth access and refresh tokens,
 * authorization headers, passwords and client secrets written as {@code key=value} or JSON.
 * Applied by {@link dev.sonde.Source} itself, so nothing that reaches a report can carry them.
 */
public final class Redaction {

    /** What a removed secret is replaced with. */
    public static final String MARK = "[redacted]";

    private static final List<Pattern> VALUE_AFTER_GROUP_1 = List.of(
            // Authorization / Proxy-Authorization headers: everything after the colon
            Pattern.compile("(?i)((?:proxy-)?authorization\\s*:\\s*)[^\\r\\n]+"),
            // key=value, key: value, "key": "value"
            Pattern.compile("(?i)(\\b(?:access_token|refresh_token|id_token|client_secret|password|passwd|pwd|"
                    + "assertion|api_key|apikey|secret)\\b\"?\\s*[=:]\\s*\"?)[^\\s\"'&,;}]+"),
            // OAuth authorization codes in URLs
            Pattern.compile("([?&](?:code|token)=)[^&\\s\"']+"),
            // bearer/basic credentials after a scheme word
            Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)[A-Za-z0-9+/=._~-]{8,}"));

    private static final List<Pattern> WHOLE_TOKEN = List.of(
            Pattern.compile("ya29\\.[0-9A-Za-z_.~-]+"),      // Google OAuth access tokens
            Pattern.compile("1//[0-9A-Za-z_.~-]{10,}"));     // Google OAuth refresh tokens

    private Redaction() {
    }

    /** The text with every recognised secret replaced by {@value #MARK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : WHOLE_TOKEN) {
            out = p.matcher(out).replaceAll(MARK);
        }
        for (Pattern p : VALUE_AFTER_GROUP_1) {
            Matcher m = p.matcher(out);
            if (m.find()) {
                out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MARK));
            }
        }
        return out;
    }
}
