package dev.sonde.logs;

import dev.sonde.logs.host.DistinguishedName;
import dev.sonde.spi.Redaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One certificate block of a record, parsed (the layouts are shown on {@link CertificateDecoder}): the
 * subject's and issuer's values, the validity dates ({@code null} when not printed or not readable), and the
 * record lines {@code from} to {@code to} (inclusive) it covers.
 */
record CertificateBlock(List<String> subject, List<String> issuer, Instant notBefore, Instant notAfter, int from, int to) {

    private static final int MAX_VALUES = 32;
    // Runs of spaces are possessive (\s*+): linear time on hostile lines, same matches (see AnchoredPattern).
    private static final Pattern LABEL = Pattern.compile(
            "^(?i)(subject|issuer|valid\\s*+from|not\\s*+(?:valid\\s*+)?before|valid\\s*+(?:until|to)|not\\s*+(?:valid\\s*+)?after"
                    + "|expires(?:\\s*+on)?)\\s*+[:=]\\s*+(.*)$");

    private enum Section { NONE, VALIDITY, SUBJECT, ISSUER, OTHER }

    /** True when nothing was read. */
    boolean empty() {
        return subject.isEmpty() && issuer.isEmpty() && notBefore == null && notAfter == null;
    }

    /** The same block, said to start at line {@code from}. */
    CertificateBlock from(int line) {
        return new CertificateBlock(subject, issuer, notBefore, notAfter, line, to);
    }

    /** Parses a block whose opening line is {@code from}; {@code firstRest} is labelled text on that line, if any. */
    static CertificateBlock parse(RecordText r, int from, String firstRest) {
        List<String> subject = new ArrayList<>();
        List<String> issuer = new ArrayList<>();
        Instant[] validity = new Instant[2];
        Section section = Section.NONE;
        int last = from;
        if (firstRest != null) {
            labelled(Redaction.redact(firstRest).strip(), subject, issuer, validity);
        }
        int n = r.size();
        for (int j = from + 1; j < n; j++) {
            // redacted before parsing: "password=X" in a name would otherwise become a bare value X no report
            // redaction can recognise (only block lines pay for it, not every line of the log)
            String t = Redaction.redact(r.text(j)).strip();
            if (t.startsWith("--")) {
                String marker = marker(t);
                if (marker != null) {
                    last = j;
                    String name = marker.toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        break;
                    }
                    section = name.startsWith("valid") ? Section.VALIDITY
                            : name.startsWith("subject") ? Section.SUBJECT
                            : name.startsWith("issue") ? Section.ISSUER
                            : Section.OTHER;
                    continue;
                }
            }
            if (Ascii.indexOfLower(t, "certificate details") >= 0) {
                break; // the next block starts
            }
            if (section == Section.SUBJECT || section == Section.ISSUER) {
                List<String> into = section == Section.SUBJECT ? subject : issuer;
                if (!t.isEmpty() && into.size() < MAX_VALUES) {
                    if (DistinguishedName.looksLikeOne(t)) {
                        into.addAll(DistinguishedName.parse(t).certificateOrder());
                    } else {
                        into.add(t);
                    }
                }
                last = j;
                continue;
            }
            if (labelled(t, subject, issuer, validity)) {
                last = j;
                continue;
            }
            if (section == Section.NONE) {
                if (t.isEmpty() && last == from) {
                    continue;
                }
                break; // not part of the block
            }
            last = j; // unknown line inside a validity or other section
        }
        return new CertificateBlock(subject, issuer, validity[0], validity[1], from, last);
    }

    private static boolean labelled(String t, List<String> subject, List<String> issuer, Instant[] validity) {
        // every label starts with one of these letters: no matcher for the other lines
        if (t.isEmpty() || "sivneSIVNE".indexOf(t.charAt(0)) < 0) {
            return false;
        }
        Matcher m = LABEL.matcher(t);
        if (!m.matches()) {
            return false;
        }
        String label = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2).strip();
        if (label.equals("subject")) {
            int iss = Ascii.lower(value).indexOf("issuer:");
            if (iss >= 0) {
                labelled(value.substring(iss).strip(), subject, issuer, validity);
                value = value.substring(0, iss).strip();
            }
            subject.addAll(DistinguishedName.parse(value).certificateOrder());
        } else if (label.equals("issuer")) {
            issuer.addAll(DistinguishedName.parse(value).certificateOrder());
        } else if (label.startsWith("valid from") || label.startsWith("validfrom") || label.contains("before")) {
            validity[0] = ValidityDates.parse(value);
        } else {
            validity[1] = ValidityDates.parse(value);
        }
        return true;
    }

    /** The section a marker line opens ({@code validity}, {@code subject}, {@code issuer}), else {@code null}. */
    static String sectionMarker(String t) {
        String name = marker(t);
        if (name == null || name.isEmpty()) {
            return null;
        }
        name = name.toLowerCase(Locale.ROOT);
        return name.startsWith("valid") || name.startsWith("subject") || name.startsWith("issue") ? name : null;
    }

    /**
     * The name in a marker line ({@code ---Subject---} → {@code Subject}, {@code -------------} → {@code ""}), or
     * {@code null} when {@code t} is not one: two dashes or more, optional spaces, an optional name (a letter,
     * then letters and spaces), optional spaces and dashes, nothing else. A hand scan, one pass: the regular
     * expression it replaces ({@code ^-{2,}\s*([A-Za-z][A-Za-z ]*?)?\s*-*$}) was quadratic on a long line.
     */
    static String marker(String t) {
        int n = t.length();
        int p = 0;
        while (p < n && t.charAt(p) == '-') {
            p++;
        }
        if (p < 2) {
            return null;
        }
        p = skipWhitespace(t, p);
        String name = "";
        if (p < n && isLetter(t.charAt(p))) {
            int start = p;
            int end = p;
            while (p < n && (isLetter(t.charAt(p)) || t.charAt(p) == ' ')) {
                if (t.charAt(p) != ' ') {
                    end = p + 1;
                }
                p++;
            }
            name = t.substring(start, end);
            p = skipWhitespace(t, end);
        }
        while (p < n && t.charAt(p) == '-') {
            p++;
        }
        return p == n ? name : null;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Past the characters of the regex class {@code \s}: space, tab, line ends, form feed, vertical tab. */
    private static int skipWhitespace(String t, int p) {
        while (p < t.length() && (t.charAt(p) == ' ' || (t.charAt(p) >= '\t' && t.charAt(p) <= '\r'))) {
            p++;
        }
        return p;
    }
}
