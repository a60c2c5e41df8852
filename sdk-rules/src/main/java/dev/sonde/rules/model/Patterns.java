package dev.sonde.rules.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Pattern helpers shared by the data records. */
final class Patterns {
    private Patterns() {
    }

    /** Compiles a case-insensitive regular expression, naming the field when it is missing or bad. */
    static Pattern compile(String field, String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + field + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " in " + regex);
        }
    }

    /** True when the pattern is found in one of the values (each trimmed). */
    static boolean anyValue(Pattern pattern, List<String> values) {
        for (String v : values) {
            if (v != null && pattern.matcher(v.trim()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A host-name glob as a regular expression: {@code *.example.com} matches {@code example.com}'s
     * sub-domains at any depth and a certificate's literal wildcard {@code *.example.com}; a {@code *}
     * elsewhere matches within one label.
     */
    static Pattern glob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("'pattern' is missing");
        }
        String g = glob.trim().toLowerCase(Locale.ROOT);
        StringBuilder re = new StringBuilder("^");
        if (g.startsWith("*.")) {
            re.append("(?:[^.]+\\.)+");
            g = g.substring(2);
        }
        for (char c : g.toCharArray()) {
            if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append("\\.?$").toString(), Pattern.CASE_INSENSITIVE);
    }
}
