package dev.sonde.report;

/**
 * Escaping for the HTML report. Every string that reaches the page goes through {@link #text}: it is safe as HTML
 * text, as a quoted attribute value and as SVG text or title, because it escapes all five of {@code & < > " '}.
 * It also drops what a page must not carry or would obey instead of show: C0/C1 controls (NUL among them), DEL,
 * Unicode bidirectional overrides, isolates and marks ({@link ReportText#drivesTerminal}), noncharacters, and
 * unpaired surrogates (replaced by U+FFFD); a tab becomes a space. Line feeds are kept only where
 * {@code keepLines} asks (evidence shown in a {@code pre}). Every other character above ASCII is written as a numeric
 * character reference, so the page reads the same whatever charset the bytes end up in (a Windows console
 * redirected to a file writes its code page, not the UTF-8 the page declares).
 */
final class Html {

    private Html() {
    }

    /** {@code s} escaped for HTML text or a quoted attribute value, one line. */
    static String text(String s) {
        return escape(s, false);
    }

    /** {@code s} escaped for HTML text, line feeds kept. */
    static String lines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLines) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = s.codePointAt(i);
                if ((cp & 0xFFFE) != 0xFFFE) { // U+nFFFE and U+nFFFF are noncharacters
                    b.append("&#x").append(Integer.toHexString(cp)).append(';');
                }
                i++;
                continue;
            }
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t' -> b.append(' ');
                case '\n' -> b.append(keepLines ? "\n" : " ");
                default -> {
                    if (Character.isSurrogate(c)) {
                        b.append("&#xfffd;");
                    } else if (ReportText.drivesTerminal(c) || c >= 0xFDD0 && c <= 0xFDEF || c >= 0xFFFE) {
                        continue; // dropped: shown nowhere, obeyed or rejected by some readers
                    } else if (c > 0x7E) {
                        b.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
