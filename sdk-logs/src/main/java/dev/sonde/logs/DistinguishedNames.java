package dev.sonde.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The values of a distinguished name as a log prints it on one line ({@code CN=*.google.com, O=Google LLC, C=US}),
 * in the order of a certificate block: country first, common name last ({@code [US, Google LLC, *.google.com]}).
 * Quotes ({@code O="Zscaler, Inc."}) and backslash escapes ({@code CN=a\,b}) keep a comma inside a value.
 */
final class DistinguishedNames {

    /** {@code CN=}, {@code O =}, {@code 2.5.4.3=}: the start of an attribute. */
    static final Pattern RDN_START = Pattern.compile("^[A-Za-z][A-Za-z0-9.]{0,20}\\s*+=");

    private DistinguishedNames() {
    }

    /** The values of a distinguished name ({@code CN=a, O=b, C=US}), country first and common name last. */
    static List<String> values(String dn) {
        List<String> keys = new ArrayList<>();
        List<StringBuilder> values = new ArrayList<>(); // a value grows in place: "O=a, b, c, ..." stays linear
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i <= dn.length(); i++) {
            char c = i < dn.length() ? dn.charAt(i) : ',';
            if (i < dn.length() && c == '\\' && i + 1 < dn.length()) {
                cur.append(dn.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                continue;
            }
            if ((c == ',' || c == ';') && !quoted) {
                String part = cur.toString().strip();
                cur.setLength(0);
                if (part.isEmpty()) {
                    continue;
                }
                if (RDN_START.matcher(part).lookingAt()) { // anchored at the start: lookingAt, not a scan of the part
                    keys.add(part.substring(0, part.indexOf('=')).strip().toUpperCase(Locale.ROOT));
                    values.add(new StringBuilder(stripQuotes(part.substring(part.indexOf('=') + 1).strip())));
                } else if (!values.isEmpty()) {
                    values.get(values.size() - 1).append(", ").append(part);
                } else {
                    keys.add("");
                    values.add(new StringBuilder(part));
                }
                continue;
            }
            cur.append(c);
        }
        if (keys.size() > 1 && keys.get(0).equals("CN")) {
            Collections.reverse(keys);
            Collections.reverse(values);
        }
        int cn = keys.indexOf("CN");
        if (cn >= 0 && cn != keys.size() - 1) {
            values.add(values.remove(cn));
        }
        List<String> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(v.toString()));
        return out;
    }

    private static String stripQuotes(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
