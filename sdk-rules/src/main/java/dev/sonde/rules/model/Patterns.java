package dev.sonde.rules.model;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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

    /**
     * Each thread's matchers, by pattern (identity: a {@link Pattern} does not override {@code equals}), so that a
     * rule condition evaluated for every interceptor and certificate does not make a {@link Matcher} (and its arrays)
     * each time: those were a fifth of what a small warm analysis allocated. Emptied when it holds more than
     * {@link #MATCHERS_PER_THREAD}, so that the patterns of replaced rule packs are not kept.
     */
    private static final ThreadLocal<Map<Pattern, Matcher>> MATCHERS = ThreadLocal.withInitial(IdentityHashMap::new);
    static final int MATCHERS_PER_THREAD = 512;

    /** True when the pattern is found in one of the values (each trimmed). */
    static boolean anyValue(Pattern pattern, List<String> values) {
        Matcher m = null;
        try {
            for (String v : values) {
                if (v != null) {
                    m = m != null ? m.reset(v.trim()) : matcher(pattern, v.trim());
                    if (m.find()) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            release(m);
        }
    }

    /** True when the whole text matches the pattern (this thread's matcher). */
    static boolean matches(Pattern pattern, String text) {
        return test(pattern, text, true);
    }

    /** True when the pattern is found in the text (this thread's matcher). */
    static boolean find(Pattern pattern, String text) {
        return test(pattern, text, false);
    }

    private static boolean test(Pattern pattern, String text, boolean whole) {
        Matcher m = matcher(pattern, text);
        try {
            return whole ? m.matches() : m.find();
        } finally {
            release(m);
        }
    }

    /** Drops the matcher's reference to the text it last read (a log's value: not kept alive by a cache). */
    private static void release(Matcher m) {
        if (m != null) {
            m.reset("");
        }
    }

    /** This thread's matcher of the pattern, reset to {@code text}. */
    private static Matcher matcher(Pattern pattern, String text) {
        Map<Pattern, Matcher> matchers = MATCHERS.get();
        Matcher m = matchers.get(pattern);
        if (m == null) {
            if (matchers.size() >= MATCHERS_PER_THREAD) {
                matchers.clear();
            }
            m = pattern.matcher(text);
            matchers.put(pattern, m);
            return m;
        }
        return m.reset(text);
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
