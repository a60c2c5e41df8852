package dev.sonde.logs;

import dev.sonde.spi.Redaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificate blocks inside a record, as both GWSMO log formats print them:
 *
 * <pre>
 * Certificate details:
 * ---Validity--
 * Valid from: 2017-09-13 17:23:55 UTC          (or 2016-09-20T04:08:45.000Z)
 * Valid until: 2017-12-06 17:10:00 UTC
 * ---Subject---
 * US
 * California
 * Mountain View
 * Google Inc
 * *.googleapis.com
 * ---Issuer----
 * US
 * Google Inc
 * Google Internet Authority G2
 * -------------
 * </pre>
 *
 * reads as subject {@code [US, California, Mountain View, Google Inc, *.googleapis.com]}, issuer
 * {@code [US, Google Inc, Google Internet Authority G2]}, 2017-09-13T17:23:55Z to 2017-12-06T17:10:00Z.
 * Markers are matched leniently (any number of dashes, any case). A block cut short (the record or
 * the file ends first) gives what was read, dates possibly {@code null}. Labelled one-line forms are
 * read too: {@code Subject: CN=*.google.com, O=Google LLC, C=US} gives
 * {@code [US, Google LLC, *.google.com]} (the common name last, like the block form).
 */
final class CertificateBlocks {

    /** A block found in a record: lines {@code from} to {@code to} (inclusive) of the record. */
    record Block(List<String> subject, List<String> issuer, Instant notBefore, Instant notAfter, int from, int to) {
        boolean empty() {
            return subject.isEmpty() && issuer.isEmpty() && notBefore == null && notAfter == null;
        }
    }

    private static final int MAX_VALUES = 32;
    // Runs of spaces are possessive (\s*+): linear time on hostile lines, same matches (see RecordDecoder).
    private static final Pattern LABEL = Pattern.compile(
            "^(?i)(subject|issuer|valid\\s*+from|not\\s*+(?:valid\\s*+)?before|valid\\s*+(?:until|to)|not\\s*+(?:valid\\s*+)?after"
                    + "|expires(?:\\s*+on)?)\\s*+[:=]\\s*+(.*)$");
    private static final Pattern LABELLED_SUBJECT = Pattern.compile(
            "(?i)^\\s*+(?:server\\s++certificate\\s*+:?+\\s*+)?subject\\s*+[:=]\\s*+\\S*=");
    private static final Pattern RDN_START = Pattern.compile("^[A-Za-z][A-Za-z0-9.]{0,20}\\s*+=");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?\\s*+(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*+\\.?\\s++(\\d{1,2}),?\\s++(\\d{1,2}):(\\d{2}):(\\d{2})\\s++(\\d{4})");
    /**
     * Numeric dates as Windows prints them in a locale's short format: {@code 13/09/2017 17:23:55},
     * {@code 9/13/2017 5:23:55 PM}, {@code 13.09.2017 17:23:55}. Read only when the order of day and
     * month is certain (a dotted date is day first; otherwise one of the two must be above 12): a
     * date read the wrong way round would move a certificate's validity by months.
     */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "\\b(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})[ T,]++(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s*+([AaPp])\\.?[Mm]\\.?)?");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private enum Section { NONE, VALIDITY, SUBJECT, ISSUER, OTHER }

    private CertificateBlocks() {
    }

    /** True when the record may hold a certificate (cheap check on its lower-cased lines). */
    static boolean mayHold(String lowerLine) {
        return lowerLine.contains("certificate details") || (lowerLine.contains("subject") && lowerLine.indexOf('=') >= 0)
                || (lowerLine.startsWith("--") && sectionMarker(lowerLine.strip()) != null);
    }

    /** The certificate blocks in a record, in order. */
    static List<Block> find(LogRecord r) {
        List<Block> blocks = null;
        int n = r.size();
        int i = 0;
        while (i < n) {
            String line = r.text(i);
            String low = Ascii.lower(line);
            int details = low.indexOf("certificate details");
            Block b = null;
            if (details >= 0) {
                String rest = line.substring(details + "certificate details".length()).replaceFirst("^\\s*:?\\s*", "");
                b = parse(r, i, rest.isEmpty() ? null : rest);
            } else if (LABELLED_SUBJECT.matcher(line).lookingAt()) {
                b = parse(r, i, line);
            } else if (i > 0 && line.startsWith("--") && sectionMarker(line.strip()) != null) {
                b = parse(r, i - 1, null); // a block printed without its "Certificate details:" line
                b = new Block(b.subject(), b.issuer(), b.notBefore(), b.notAfter(), i, b.to());
            }
            if (b == null) {
                i++;
                continue;
            }
            if (!b.empty()) {
                if (blocks == null) {
                    blocks = new ArrayList<>(1);
                }
                blocks.add(b);
            }
            i = Math.max(i + 1, b.to() + 1);
        }
        return blocks == null ? List.of() : blocks;
    }

    /** The section a marker line opens ({@code validity}, {@code subject}, {@code issuer}), else {@code null}. */
    private static String sectionMarker(String t) {
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

    /** Parses a block whose opening line is {@code from}; {@code firstRest} is labelled text on that line, if any. */
    private static Block parse(LogRecord r, int from, String firstRest) {
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
            if (Ascii.lower(t).contains("certificate details")) {
                break; // the next block starts
            }
            if (section == Section.SUBJECT || section == Section.ISSUER) {
                List<String> into = section == Section.SUBJECT ? subject : issuer;
                if (!t.isEmpty() && into.size() < MAX_VALUES) {
                    if (RDN_START.matcher(t).lookingAt()) {
                        into.addAll(rdnValues(t));
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
        return new Block(subject, issuer, validity[0], validity[1], from, last);
    }

    private static boolean labelled(String t, List<String> subject, List<String> issuer, Instant[] validity) {
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
            subject.addAll(rdnValues(value));
        } else if (label.equals("issuer")) {
            issuer.addAll(rdnValues(value));
        } else if (label.startsWith("valid from") || label.startsWith("validfrom") || label.contains("before")) {
            validity[0] = parseDate(value);
        } else {
            validity[1] = parseDate(value);
        }
        return true;
    }

    /** The values of a distinguished name ({@code CN=a, O=b, C=US}), country first and common name last. */
    static List<String> rdnValues(String dn) {
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

    /** A validity date as logged ({@code 2017-09-13 17:23:55 UTC}, {@code 2016-09-20T04:08:45.000Z}, ...), or {@code null}. */
    static Instant parseDate(String s) {
        Matcher m = ISO_DATE.matcher(s);
        if (m.find()) {
            int nanos = m.group(7) == null ? 0 : IsoTime.nanos(m.group(7), 0, m.group(7).length());
            LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
            if (t == null) {
                return null;
            }
            return t.toInstant(offset(m.group(8)));
        }
        m = NUMERIC_DATE.matcher(s);
        if (m.find()) {
            return numericDate(m);
        }
        m = TEXT_DATE.matcher(s);
        if (m.find()) {
            int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
            LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(6)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), 0);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static Instant numericDate(Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int day;
        int month;
        if (m.group(2).equals(".") || (a > 12 && b <= 12)) {
            day = a;
            month = b;
        } else if (b > 12 && a <= 12) {
            day = b;
            month = a;
        } else {
            return null; // 04/03/2024: 4 March or 3 April, cannot tell
        }
        int hour = Integer.parseInt(m.group(5));
        if (m.group(8) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(m.group(8).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalDateTime t = IsoTime.of(Integer.parseInt(m.group(4)), month, day, hour,
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), 0);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.length() < 3 || !(zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int h = Integer.parseInt(digits.substring(0, 2));
        int m = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        try {
            return zone.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
