package dev.sonde.probes.http;

import dev.sonde.spi.Redaction;

/**
 * A header value an answer sent ({@code Server}, {@code Via}), made fit for a fact and a report: every character
 * that is not printable ASCII becomes {@code ?}, the value is cut to {@value #MAX_CHARS} characters (a cut one ends
 * in {@code ...}) and its secrets are removed ({@link Redaction}). A proxy or a block page writes what it likes
 * there: it is input like any other, so a control character, an escape sequence or a page-long value never
 * reaches a report as sent.
 */
public final class HeaderText {

    /** The longest value kept: enough for {@code 1.1 proxy.corp.example:8080 (squid/5.7)} and a product's banner. */
    public static final int MAX_CHARS = 120;

    private HeaderText() {
    }

    /** The cleaned value; {@code ""} for {@code null}. */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        int n = Math.min(value.length(), MAX_CHARS + 1); // one more, to know whether it was cut
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        String s = sb.toString().strip();
        if (value.length() > MAX_CHARS) {
            s = s.substring(0, Math.min(s.length(), MAX_CHARS - 3)).stripTrailing() + "...";
        }
        return Redaction.redact(s);
    }
}
