package dev.sonde.logs.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A distinguished name written on one line, as certutil and the GWSMO logs' certificate blocks print it
 * ({@code CN=Zscaler Root CA, OU="Zscaler, Inc.", C=US}): its attributes in the order written. Quotes and backslash
 * escapes keep a comma inside a value; a part without {@code KEY=} continues the value before it
 * ({@code O=Acme, Inc.}). One pass over the text, no regular expression: linear in its length.
 *
 * @param keys   the attribute names, upper case ({@code CN}, {@code O}, {@code OU}, {@code C} ...), one per value
 * @param values the values, unquoted, in the order written
 */
public record DistinguishedName(List<String> keys, List<String> values) {

    /** Longest attribute name taken for one ({@code 2.5.4.97} and {@code STREET} fit). */
    private static final int MAX_KEY = 20;

    /** Copies the lists. */
    public DistinguishedName {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** Reads {@code text}; a text without any {@code KEY=} gives one value with no key ({@code ""}). */
    public static DistinguishedName parse(String text) {
        List<String> keys = new ArrayList<>();
        List<StringBuilder> values = new ArrayList<>(); // a value grows in place: "O=a, b, c, ..." stays linear
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (i < text.length() && c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if ((c != ',' && c != ';') || (quoted && i < text.length())) {
                cur.append(c);
                continue;
            }
            String part = cur.toString().strip();
            cur.setLength(0);
            if (part.isEmpty()) {
                continue;
            }
            int eq = keyEnd(part);
            if (eq > 0) {
                keys.add(part.substring(0, eq).strip().toUpperCase(Locale.ROOT));
                values.add(new StringBuilder(stripQuotes(part.substring(eq + 1).strip())));
            } else if (!values.isEmpty()) {
                values.get(values.size() - 1).append(", ").append(part);
            } else {
                keys.add("");
                values.add(new StringBuilder(part));
            }
        }
        List<String> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(v.toString()));
        return new DistinguishedName(keys, out);
    }

    /**
     * The values in the order of a GWSMO log's certificate block: country first, common name last
     * ({@code CN=*.google.com, O=Google LLC, C=US} gives {@code [US, Google LLC, *.google.com]}): a name written
     * common name first is reversed, then a common name elsewhere moves to the end.
     */
    public List<String> certificateOrder() {
        List<String> k = new ArrayList<>(keys);
        List<String> v = new ArrayList<>(values);
        if (k.size() > 1 && k.get(0).equals("CN")) {
            Collections.reverse(k);
            Collections.reverse(v);
        }
        int cn = k.indexOf("CN");
        if (cn >= 0 && cn != k.size() - 1) {
            v.add(v.remove(cn));
        }
        return List.copyOf(v);
    }

    /** The first value of attribute {@code key} ({@code CN}), or {@code ""}. */
    String first(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? "" : values.get(i);
    }

    /** True when the text starts like a distinguished name: {@code CN=}, {@code O =}, {@code 2.5.4.3=}. */
    public static boolean looksLikeOne(String text) {
        return keyEnd(text.strip()) > 0;
    }

    /**
     * The index of the {@code =} that ends an attribute name at the start of {@code part} (a letter, then letters,
     * digits and dots, then optional white space), or -1.
     */
    private static int keyEnd(String part) {
        if (part.isEmpty() || !isAsciiLetter(part.charAt(0))) {
            return -1;
        }
        int i = 1;
        while (i < part.length() && i <= MAX_KEY && (isAsciiLetter(part.charAt(i)) || isDigitOrDot(part.charAt(i)))) {
            i++;
        }
        while (i < part.length() && isSpace(part.charAt(i))) {
            i++;
        }
        return i < part.length() && part.charAt(i) == '=' ? i : -1;
    }

    /** A white-space character as {@code \s} means it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String stripQuotes(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigitOrDot(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }
}
