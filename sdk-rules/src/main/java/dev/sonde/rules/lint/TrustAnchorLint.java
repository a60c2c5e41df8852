package dev.sonde.rules.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.PackProblem;
import dev.sonde.rules.model.TrustedRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code trustAnchors} section of a data file, anchor by anchor: each problem names the anchor (index and
 * name) and says what is wrong with its PEM certificate, at the line and column of the offending value.
 */
final class TrustAnchorLint {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String SECTION = "trustAnchors";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";
    private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([^-\\r\\n]+)-----");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private TrustAnchorLint() {
    }

    /** Where an anchor's object and its values start in the file (1-based line and column of the token). */
    private record Located(int line, int column) {
        static final Located UNKNOWN = new Located(0, 0);

        static Located of(JsonLocation l) {
            return l == null ? UNKNOWN : new Located(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
        }
    }

    /** One anchor's places: the object's start, and each field's value. */
    private record Anchor(Located start, Map<String, Located> values) {
        Located at(String field) {
            return values.getOrDefault(field, start);
        }
    }

    /**
     * Checks every anchor of the file's {@code trustAnchors} section and adds a problem per broken one.
     *
     * @return the indexes of the anchors reported as errors
     */
    static Set<Integer> check(String rel, String text, JsonNode root, List<PackProblem> problems) {
        JsonNode section = root.path(SECTION);
        if (!section.isArray()) {
            return Set.of();
        }
        List<Anchor> places = locate(text);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Set<Integer> errors = new TreeSet<>();
        for (int i = 0; i < section.size(); i++) {
            JsonNode a = section.get(i);
            if (!a.isObject()) {
                continue; // the loader says what it expected
            }
            Anchor at = i < places.size() ? places.get(i) : new Anchor(Located.UNKNOWN, Map.of());
            List<PackProblem> mine = new ArrayList<>();
            checkAnchor(rel, a, label(i, a), at, lines, mine);
            boolean loads;
            String loaderSays = null;
            try {
                TrustedRoot.of(textOrNull(a.get("name")), textOrNull(a.get("sha256")),
                        textOrNull(a.get("pem")));
                loads = true;
            } catch (RuntimeException e) {
                loads = false;
                loaderSays = e.getMessage();
            }
            if (loads) {
                // the loader tolerates it (e.g. base64 text without its '=' padding): a warning
                for (PackProblem p : mine) {
                    problems.add(!p.isError() ? p : new PackProblem(p.file(), p.line(), p.column(), PackProblem.Level.WARNING,
                            p.message() + "; Sonde reads the certificate anyway, but fix the PEM"));
                }
            } else {
                if (mine.stream().noneMatch(PackProblem::isError)) {
                    mine.add(new PackProblem(rel, at.start().line(), at.start().column(), PackProblem.Level.ERROR,
                            label(i, a) + ": " + loaderSays));
                }
                problems.addAll(mine);
                errors.add(i);
            }
        }
        return errors;
    }

    /** The file without the anchors at {@code indexes}, for the loader to read the rest. */
    static String without(JsonNode root, Set<Integer> indexes) {
        ObjectNode copy = (ObjectNode) root.deepCopy();
        ArrayNode anchors = (ArrayNode) copy.get(SECTION);
        new TreeSet<>(indexes).descendingSet().forEach(i -> anchors.remove((int) i));
        return copy.toString();
    }

    /** {@code trustAnchors[2] ("GTS Root R3")}. */
    private static String label(int index, JsonNode anchor) {
        String name = textOrNull(anchor.get("name"));
        return SECTION + "[" + index + "]" + (name == null || name.isBlank() ? "" : " (\"" + name.trim() + "\")");
    }

    private static String textOrNull(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static void checkAnchor(String rel, JsonNode a, String label, Anchor at, String[] lines,
            List<PackProblem> out) {
        String name = textOrNull(a.get("name"));
        if (name == null || name.isBlank()) {
            out.add(error(rel, at.at("name"), label + ": 'name' is missing"));
        }
        JsonNode pemNode = a.get("pem");
        if (pemNode == null || pemNode.isNull()) {
            out.add(error(rel, at.start(), label + ": 'pem' is missing: give the certificate as PEM text"));
            return;
        }
        Located pemAt = at.at("pem");
        if (!pemNode.isTextual()) {
            out.add(error(rel, pemAt, label + ": 'pem' must be a string holding a PEM certificate"));
            return;
        }
        String pem = pemNode.asText();
        int b = pem.indexOf(BEGIN);
        if (b < 0) {
            Matcher other = ANY_BEGIN.matcher(pem);
            if (other.find()) {
                out.add(error(rel, pemAt, label + ": 'pem' is not a PEM certificate: it holds a '" + other.group(1).trim()
                        + "' block, not a 'CERTIFICATE'"));
            } else if (!pem.isBlank() && pem.strip().chars().allMatch(c -> isBase64(c) || c == '=' || isSpace(c))) {
                out.add(error(rel, pemAt, label + ": 'pem' is not PEM: base64 text without the " + BEGIN + " and "
                        + END + " lines"));
            } else {
                out.add(error(rel, pemAt, label + ": 'pem' is not PEM: no " + BEGIN + " line"));
            }
            return;
        }
        int e = pem.indexOf(END, b);
        if (e < 0) {
            out.add(error(rel, pemAt, label + ": 'pem' is not PEM: " + BEGIN + " has no " + END + " line after it"));
            return;
        }
        int count = 0;
        for (int from = 0; (from = pem.indexOf(BEGIN, from)) >= 0; from += BEGIN.length()) {
            count++;
        }
        if (count > 1) {
            out.add(new PackProblem(rel, pemAt.line(), pemAt.column(), PackProblem.Level.WARNING, label + ": 'pem' holds " + count
                    + " certificates; only the first is used (give each anchor its own entry)"));
        }
        // the base64 text: strictly, so that a stray or missing character is named where it is
        int bodyStart = b + BEGIN.length();
        StringBuilder base64 = new StringBuilder();
        for (int i = bodyStart; i < e; i++) {
            char c = pem.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (!isBase64(c) && c != '=') {
                Located where = charAt(lines, pemAt, i);
                out.add(error(rel, where, label + ": 'pem': the base64 text is broken: "
                        + (c < 0x20 || c > 0x7e ? String.format("character U+%04X", (int) c) : "'" + c + "'")
                        + " is not a base64 character"));
                return;
            }
            base64.append(c);
        }
        if (base64.length() % 4 != 0) {
            boolean onlyPaddingMissing = base64.indexOf("=") < 0 && base64.length() % 4 >= 2
                    && certificate(base64 + "=".repeat(4 - base64.length() % 4)) != null;
            out.add(error(rel, pemAt, label + ": 'pem': the base64 text is broken: " + (onlyPaddingMissing
                    ? "the '=' padding at its end is missing"
                    : base64.length() + " characters, not a multiple of 4 (a character is missing or extra)")));
            return;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException ex) {
            out.add(error(rel, pemAt, label + ": 'pem': the base64 text is broken (" + base64.length()
                    + " characters: " + ex.getMessage() + "; a character is missing, extra or misplaced)"));
            return;
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException | IllegalArgumentException ex) {
            out.add(error(rel, pemAt, label + ": 'pem' is not an X.509 certificate: the base64 text decodes to "
                    + der.length + " bytes that are no DER certificate (" + oneLine(ex.getMessage()) + ")"));
            return;
        }
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cert.getEncoded()));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
        JsonNode shaNode = a.get("sha256");
        String given = textOrNull(shaNode);
        if (given == null || given.isBlank()) {
            out.add(error(rel, at.at("sha256"), label + ": 'sha256' is missing (the certificate's SHA-256 is " + actual + ")"));
            return;
        }
        String normalized = given.replace(":", "").trim().toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(normalized).matches()) {
            out.add(error(rel, at.at("sha256"), label + ": 'sha256' is not a SHA-256 (64 hex digits): '" + given
                    + "' (the certificate's is " + actual + ")"));
        } else if (!normalized.equals(actual)) {
            out.add(error(rel, at.at("sha256"), label + ": 'sha256' does not match the certificate: it says " + normalized
                    + ", the certificate's SHA-256 is " + actual));
        }
    }

    /** The certificate in strict base64 text, or {@code null}. */
    private static Certificate certificate(String base64) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            return null;
        }
    }

    private static PackProblem error(String rel, Located at, String message) {
        return new PackProblem(rel, at.line(), at.column(), PackProblem.Level.ERROR, message);
    }

    private static boolean isBase64(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
    }

    /**
     * The place in the file of the {@code index}-th character of a JSON string value starting at {@code value}
     * (its opening quote): escapes such as {@code \n} are one character of the value. The value's start when the
     * line cannot be matched.
     */
    private static Located charAt(String[] lines, Located value, int index) {
        if (value.line() < 1 || value.line() > lines.length || value.column() < 1) {
            return value;
        }
        String line = lines[value.line() - 1];
        int quote = value.column() - 1;
        if (quote >= line.length() || line.charAt(quote) != '"') {
            return value;
        }
        int raw = quote + 1;
        for (int decoded = 0; decoded < index; decoded++) {
            if (raw >= line.length()) {
                return value;
            }
            raw += line.charAt(raw) != '\\' ? 1 : raw + 1 < line.length() && line.charAt(raw + 1) == 'u' ? 6 : 2;
        }
        return raw < line.length() ? new Located(value.line(), raw + 1) : value;
    }

    /** The places of the anchors of the (last) top-level {@code trustAnchors} array, in order. */
    private static List<Anchor> locate(String text) {
        List<Anchor> found = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (!SECTION.equals(field) || t != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                found = new ArrayList<>(); // a repeated key: the last one counts, as for the loader
                while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
                    Located start = Located.of(p.currentTokenLocation());
                    Map<String, Located> values = new HashMap<>();
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            values.put(name, Located.of(p.currentTokenLocation()));
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    found.add(new Anchor(start, values));
                }
            }
        } catch (IOException e) {
            // already parsed once as a tree: cannot happen; the problems then carry no line
        }
        return found;
    }
}
