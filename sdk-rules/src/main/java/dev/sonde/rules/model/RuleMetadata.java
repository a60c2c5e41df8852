package dev.sonde.rules.model;

import dev.sonde.Severity;
import java.util.Map;

/**
 * Reads and checks a rule's finding metadata ({@code @finding}, {@code @severity}, {@code @confidence},
 * {@code @articleStep}, {@code @scope}, {@code @message}). The engine checks every rule when the pack is compiled, so that a mistake is
 * reported at load time, naming the rule, rather than when the rule first fires.
 */
public final class RuleMetadata {

    private static final java.util.Set<String> KEY_PARTS = java.util.Set.of("title", "explanation", "remediation");

    private RuleMetadata() {
    }

    /** True when the rule declares {@code @finding}. */
    public static boolean raisesFinding(Map<String, Object> meta) {
        return meta.containsKey(Raise.FINDING);
    }

    /** The finding id; throws {@link IllegalStateException} naming the rule when absent or malformed. */
    public static String finding(String rule, Map<String, Object> meta) {
        Object v = meta.get(Raise.FINDING);
        String id = v == null ? "" : unquote(v.toString());
        if (!isId(id)) {
            throw new IllegalStateException("rule \"" + rule + "\": @finding must be an UPPER_SNAKE id such as "
                    + "CLOCK_SKEW, was " + (v == null ? "missing" : "'" + id + "'"));
        }
        return id;
    }

    /** The severity; throws {@link IllegalStateException} naming the rule when absent or unknown. */
    public static Severity severity(String rule, Map<String, Object> meta) {
        Object v = meta.get(Raise.SEVERITY);
        if (v == null) {
            throw new IllegalStateException("rule \"" + rule + "\": @severity is missing "
                    + "(critical, high, medium, low or info)");
        }
        try {
            return Severity.fromLabel(unquote(v.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rule \"" + rule + "\": " + e.getMessage(), e);
        }
    }

    /** The confidence; throws {@link IllegalStateException} naming the rule unless a number within 0..1. */
    public static double confidence(String rule, Map<String, Object> meta) {
        Object v = meta.get(Raise.CONFIDENCE);
        double c;
        try {
            c = v instanceof Number n ? n.doubleValue() : Double.parseDouble(unquote(String.valueOf(v)));
        } catch (NumberFormatException e) {
            c = Double.NaN;
        }
        if (!(c >= 0 && c <= 1)) {
            throw new IllegalStateException("rule \"" + rule + "\": @confidence must be a number within 0..1, was "
                    + (v == null ? "missing" : "'" + v + "'"));
        }
        return c;
    }

    /** The article step, or {@code ""}. */
    public static String articleStep(Map<String, Object> meta) {
        Object v = meta.get(Raise.ARTICLE_STEP);
        return v == null ? "" : unquote(v.toString());
    }

    /**
     * True when the rule says its finding is about this computer as a whole ({@code @scope("machine")}: a wrong
     * clock, an outdated client); its detections then have the one target {@link dev.sonde.Target#MACHINE}. Any
     * other value ({@code @scope("target")}, the default) derives the targets from the facts.
     */
    public static boolean machineWide(String rule, Map<String, Object> meta) {
        Object v = meta.get(Raise.SCOPE);
        if (v == null) {
            return false;
        }
        String t = unquote(v.toString());
        if (t.equalsIgnoreCase("machine")) {
            return true;
        }
        if (t.equalsIgnoreCase("target")) {
            return false;
        }
        throw new IllegalArgumentException("rule \"" + rule + "\": @scope must be \"machine\" or \"target\", was '" + t + "'");
    }

    /**
     * The text the rule names ({@code @message("live")}: keys {@code <ID>.live.title}, {@code <ID>.live.explanation},
     * {@code <ID>.live.remediation.<n>}, each falling back to {@code <ID>.title} ...), or {@code ""} when it names
     * none; throws {@link IllegalStateException} naming the rule unless a lowerCamel name that is not a key part
     * ({@code title}, {@code explanation}, {@code remediation}).
     */
    public static String message(String rule, Map<String, Object> meta) {
        Object v = meta.get(Raise.MESSAGE);
        if (v == null) {
            return "";
        }
        String name = unquote(v.toString());
        if (!isMessageName(name) || KEY_PARTS.contains(name)) {
            throw new IllegalStateException("rule \"" + rule + "\": @message must name a text in lowerCamel letters "
                    + "and digits such as \"live\" (keys <ID>.live.title ...), other than title, explanation or "
                    + "remediation, was '" + name + "'");
        }
        return name;
    }

    /** Checks all finding metadata of a rule that declares {@code @finding}; returns the finding id. */
    public static String check(String rule, Map<String, Object> meta) {
        String id = finding(rule, meta);
        severity(rule, meta);
        confidence(rule, meta);
        machineWide(rule, meta);
        message(rule, meta);
        return id;
    }

    /**
     * The finding ids the data rows among {@code data} declare ({@link FindingMetadata}): a rule raising from data
     * ({@code Raise.finding(drools, $row)}) raises these.
     */
    public static java.util.Set<String> dataFindings(java.util.Collection<?> data) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Object o : data) {
            if (o instanceof FindingMetadata m) {
                out.add(m.finding());
            }
        }
        return out;
    }

    /** A finding id given in data as {@code field}; throws {@link IllegalArgumentException} naming the field. */
    static String checkedId(String field, String id) {
        String t = id == null ? "" : id.trim();
        if (!isId(t)) {
            throw new IllegalArgumentException("'" + field + "' must be a finding id such as CLOCK_SKEW, was "
                    + (id == null ? "missing" : "'" + id + "'"));
        }
        return t;
    }

    /** A severity given in data; throws {@link IllegalArgumentException} naming the field. */
    static Severity checkedSeverity(String label) {
        if (label == null) {
            throw new IllegalArgumentException("'severity' is missing (critical, high, medium, low or info)");
        }
        return Severity.fromLabel(label.trim());
    }

    /** A confidence given in data; throws {@link IllegalArgumentException} naming the field. */
    static double checkedConfidence(Double c) {
        if (c == null || !(c >= 0 && c <= 1)) {
            throw new IllegalArgumentException("'confidence' must be a number within 0..1, was " + (c == null ? "missing" : c));
        }
        return c;
    }

    /**
     * {@code [A-Z][A-Z0-9]*(_[A-Z0-9]+)*} without a regex: read at every firing of a rule that raises a finding, where a
     * {@code Matcher} per call showed in a small analysis' allocations.
     */
    static boolean isId(String s) {
        if (s.isEmpty() || !upper(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = upper(c) || (c >= '0' && c <= '9')
                    || (c == '_' && s.charAt(i - 1) != '_' && i + 1 < s.length());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][A-Za-z0-9]{0,39}} without a regex. */
    static boolean isMessageName(String s) {
        if (s.isEmpty() || s.length() > 40 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!upper(c) && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.trim();
    }
}
