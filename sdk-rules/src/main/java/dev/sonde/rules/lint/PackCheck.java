package dev.sonde.rules.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.PackProblem;
import dev.sonde.SondeException;
import dev.sonde.rules.RecordedProbes;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.engine.PackCompiler;
import dev.sonde.rules.model.TrustAnchorData;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.PackManifest;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a rule pack the way {@code sonde rules check} does, and returns every problem found instead of
 * stopping at the first: {@code pack.json} (valid JSON, an id, an API version this Sonde supports), every
 * data file (valid JSON, known sections, valid records), every message bundle, every golden case's
 * expectation file, then, when all of that is sound, the DRL (compiled once) and the message keys of every
 * finding id a rule can raise. Nothing is loaded anywhere: the caller decides what to do with the result.
 *
 * <p>Beyond what loading the pack would refuse, it reports each trust anchor whose PEM certificate is broken
 * with the line of the anchor in its data file (not PEM, broken base64, not an X.509 certificate, a SHA-256
 * that does not match), and warns about texts missing from a non-English bundle (that language then shows the
 * English text) and about keys of a non-English bundle that the English one lacks (likely typos).
 *
 * <pre>{@code
 * for (PackProblem p : PackCheck.check(Path.of("my-pack"))) {
 *     System.out.println(p);   // certificates.drl:12:4: error: [ERR 102] Line 12:4 mismatched input ...
 * }
 * }</pre>
 */
public final class PackCheck {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CASE_KEYS = Set.of("description", "top", "present", "absent", "include",
            "exclude", "explainedBy", "params", "maxSeverity");

    private PackCheck() {
    }

    /** True when any problem is an error. */
    public static boolean hasErrors(List<PackProblem> problems) {
        return problems.stream().anyMatch(PackProblem::isError);
    }

    /**
     * Checks the pack in a folder, or in a {@code .zip}/{@code .jar} (at its root or in one top folder).
     *
     * @return the problems, in file order; empty when the pack is sound
     */
    public static List<PackProblem> check(Path folderOrArchive) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        List<PackProblem> problems = new ArrayList<>();
        if (Files.isDirectory(folderOrArchive)) {
            checkRoot(folderOrArchive, folderOrArchive.toString(), problems);
            return problems;
        }
        if (!Files.isRegularFile(folderOrArchive)) {
            problems.add(new PackProblem(folderOrArchive.toString(), 0, 0, PackProblem.Level.ERROR, "no such folder or archive"));
            return problems;
        }
        try {
            RulePack.atRoot(folderOrArchive, root -> {
                checkRoot(root, folderOrArchive.toString(), problems);
                return null;
            });
        } catch (SondeException e) {
            if (e.getCause() == null || !e.getMessage().startsWith("rule pack " + folderOrArchive + " is neither")) {
                throw e;
            }
            problems.add(new PackProblem(folderOrArchive.toString(), 0, 0, PackProblem.Level.ERROR,
                    "neither a folder nor a readable .zip/.jar: " + e.getCause().getMessage()));
        }
        return problems;
    }

    private static void checkRoot(Path root, String origin, List<PackProblem> problems) {
        Path manifestFile = root.resolve("pack.json");
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(new PackProblem("pack.json", 0, 0, PackProblem.Level.ERROR, "missing: every pack needs a pack.json"));
            return;
        }
        String manifestText = text(manifestFile, "pack.json", problems);
        if (manifestText == null || json("pack.json", manifestText, problems) == null) {
            return;
        }
        try {
            PackManifest.read(manifestText);
        } catch (SondeException e) {
            problems.add(new PackProblem("pack.json", 0, 0, PackProblem.Level.ERROR, strip("pack.json", e.getMessage())));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new PackProblem(".", 0, 0, PackProblem.Level.ERROR, "cannot be listed: " + e.getMessage()));
            return;
        }
        boolean anyDrl = false;
        Map<String, String> bundleTexts = new TreeMap<>();
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (rel.equals("pack.json") || rel.equals(PackSignature.FILE)) {
                continue;
            }
            if (rel.startsWith("cases/")) {
                if (lower.equals("expect.json") || lower.equals("expected.json")) {
                    checkCase(rel, file, problems);
                } else if (lower.equals(RecordedProbes.FILE)) {
                    try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                        RecordedProbes.read(in, rel);
                    } catch (SondeException | IOException | java.io.UncheckedIOException e) {
                        String m = e.getMessage() == null ? e.toString() : e.getMessage();
                        problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR,
                                m.startsWith(rel + ": ") ? m.substring(rel.length() + 2) : m));
                    }
                }
                continue;
            }
            if (lower.endsWith(".drl")) {
                anyDrl = true;
                text(file, rel, problems);
            } else if (lower.endsWith(".json")) {
                String text = text(file, rel, problems);
                JsonNode node = text == null ? null : json(rel, text, problems);
                if (node != null) {
                    // trust anchors are checked one by one, with their line; the loader then reads the rest of the
                    // file without the anchors already reported, so that other problems of the file still show
                    Set<Integer> reported = TrustAnchors.check(rel, text, node, problems);
                    try {
                        RulePack.readData(rel, reported.isEmpty() ? text : TrustAnchors.without(node, reported));
                    } catch (SondeException e) {
                        problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR, strip(rel, e.getMessage())));
                    }
                }
            } else if (lower.endsWith(".properties") && lower.startsWith("messages") && !rel.contains("/")) {
                String text = text(file, rel, problems);
                bundleTexts.put(rel, text);
                if (text != null) {
                    try {
                        RulePack.readProperties(rel, text);
                    } catch (SondeException e) {
                        problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR, strip(rel, e.getMessage())));
                    }
                }
            }
        }
        if (!anyDrl) {
            problems.add(new PackProblem(".", 0, 0, PackProblem.Level.ERROR, "the pack has no .drl file"));
        }
        if (hasErrors(problems)) {
            return; // the DRL is compiled only when everything it relies on is sound
        }
        RulePack pack;
        try {
            pack = RulePack.read(root, origin);
        } catch (SondeException e) {
            problems.add(problemOf(pack(root), e.getMessage()));
            return;
        }
        RulePack asRead = pack;
        if (!pack.manifest().extendsPacks().isEmpty() || !pack.manifest().disables().isEmpty()) {
            try {
                pack = RulePack.layered(List.of(pack)); // compiled over the pack it extends, as it will be used
            } catch (SondeException e) {
                problems.add(new PackProblem("pack.json", 0, 0, PackProblem.Level.ERROR, e.getMessage()));
                return;
            }
            pack.loadSummary().stream().filter(l -> l.contains("(nothing removed)"))
                    .forEach(l -> problems.add(new PackProblem("pack.json", 0, 0, PackProblem.Level.WARNING, l)));
        }
        List<PackProblem> compileProblems = new ArrayList<>();
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, compileProblems);
        String own = pack.layered() ? pack.manifest().id() + "/" : "";
        for (PackProblem p : compileProblems) {
            problems.add(!own.isEmpty() && p.file().startsWith(own)
                    ? new PackProblem(p.file().substring(own.length()), p.line(), p.column(), p.level(), p.message()) : p);
        }
        if (compiled != null) {
            checkCaseIds(root, files, compiled.findingIds(), problems);
            Translations.check(asRead, pack, compiled.findingIds(), bundleTexts, problems);
        }
    }

    /** An expectation file: valid JSON, an object, known keys. */
    private static void checkCase(String rel, Path file, List<PackProblem> problems) {
        String text = text(file, rel, problems);
        JsonNode node = text == null ? null : json(rel, text, problems);
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add(new PackProblem(rel, 1, 0, PackProblem.Level.ERROR, "expected an object such as {\"top\": \"CLOCK_SKEW\"}"));
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) {
                problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.WARNING, "unknown key '" + k + "' (known: "
                        + String.join(", ", new TreeSet<>(CASE_KEYS)) + ")"));
            }
        });
        try {
            GoldenCase.read(file);
        } catch (RuntimeException e) {
            problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR, e.getMessage()));
        }
    }

    /** A case expecting a finding id that no rule can raise can never pass (or checks nothing). */
    private static void checkCaseIds(Path root, List<Path> files, Set<String> ids, List<PackProblem> problems) {
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!rel.startsWith("cases/") || !(lower.equals("expect.json") || lower.equals("expected.json"))) {
                continue;
            }
            GoldenCase.Expectation e;
            try {
                e = GoldenCase.read(file);
            } catch (RuntimeException ex) {
                continue; // already reported
            }
            Set<String> named = new TreeSet<>();
            e.top().ifPresent(named::add);
            named.addAll(e.present());
            named.addAll(e.absent());
            named.addAll(e.explainedBy().keySet());
            named.addAll(e.explainedBy().values());
            named.addAll(e.params().keySet());
            for (String id : named) {
                if (!ids.contains(id)) {
                    problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.WARNING, "finding id " + id
                            + " is not raised by any rule of the pack"));
                }
            }
        }
    }

    private static String pack(Path root) {
        try {
            return PackManifest.read(Files.readString(root.resolve("pack.json"))).id();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A {@link SondeException} message {@code id/file: text} or {@code id/file line 3: text} as a problem. */
    private static PackProblem problemOf(String packId, String message) {
        String m = message == null ? "unknown problem" : message;
        String prefix = packId.isEmpty() ? "" : packId + "/";
        Matcher fm = Pattern.compile("^(\\S+?)(?: line (\\d+))?: (.*)$",
                Pattern.DOTALL).matcher(m);
        if (!prefix.isEmpty() && m.startsWith(prefix) && fm.matches()) {
            return new PackProblem(fm.group(1).substring(prefix.length()), fm.group(2) == null ? 0 : Integer.parseInt(fm.group(2)),
                    0, PackProblem.Level.ERROR, fm.group(3).replaceAll("\\s+", " "));
        }
        return new PackProblem(".", 0, 0, PackProblem.Level.ERROR, m.replaceAll("\\s+", " "));
    }

    private static String text(Path file, String rel, List<PackProblem> problems) {
        try {
            return RulePack.text(file, rel);
        } catch (SondeException e) {
            problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR, strip(rel, e.getMessage())));
            return null;
        }
    }

    private static JsonNode json(String rel, String text, List<PackProblem> problems) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                problems.add(new PackProblem(rel, 0, 0, PackProblem.Level.ERROR, "not valid JSON: the file is empty"));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new PackProblem(rel, Math.max(0, line), Math.max(0, column), PackProblem.Level.ERROR,
                    "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ")
                            .replaceAll(", from `[^`]*`", ""))); // Jackson names the setting's Java method
            return null;
        }
    }

    private static String strip(String rel, String message) {
        String m = message == null ? "unknown problem" : message;
        return (m.startsWith(rel + ": ") ? m.substring(rel.length() + 2) : m).replaceAll("\\s+", " ");
    }

    /**
     * The {@code trustAnchors} section of a data file, anchor by anchor: each problem names the anchor (index and
     * name) and says what is wrong with its PEM certificate, at the line and column of the offending value.
     */
    static final class TrustAnchors {
        private static final String SECTION = "trustAnchors";
        private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
        private static final String END = "-----END CERTIFICATE-----";
        private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([^-\\r\\n]+)-----");
        private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

        private TrustAnchors() {
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
                    TrustAnchorData.of(textOrNull(a.get("name")), textOrNull(a.get("sha256")),
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
            try (JsonParser p = JSON.getFactory().createParser(text)) {
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

    /**
     * Texts missing from a non-English bundle (that language shows the English text instead, see
     * {@link MessageBundle#forLocale}) and keys of a non-English bundle that no English bundle has (likely typos):
     * warnings, for the pack's own bundles and the finding ids whose texts it provides.
     */
    static final class Translations {
        private static final Pattern STEP = Pattern.compile("(.+)\\.remediation\\.([0-9]{1,4})");

        private Translations() {
        }

        /**
         * @param own         the pack as read from its folder
         * @param effective   the pack as it will be used (layered over the packs it extends), or {@code own}
         * @param ids         the finding ids the rules can raise
         * @param bundleTexts the bundles' file text by file name, to find a key's line
         */
        static void check(RulePack own, RulePack effective, Set<String> ids, Map<String, String> bundleTexts,
                List<PackProblem> problems) {
            Map<String, Map<String, String>> texts = own.messageTexts();
            Set<String> ownIds = new TreeSet<>(ids);
            if (own != effective) { // texts of the other ids come from the packs this one extends
                Set<String> keyed = new HashSet<>();
                texts.values().forEach(b -> b.keySet().forEach(k -> keyed.add(base(k).split("\\.", 2)[0])));
                ownIds.retainAll(keyed);
            }
            MessageBundle messages = effective.messages();
            Set<String> english = new TreeSet<>(messages.keys("en"));
            english.addAll(messages.keys(""));
            String englishFile = texts.containsKey("en") || !texts.containsKey("") ? "messages_en.properties" : "messages.properties";
            for (String tag : texts.keySet()) {
                String language = tag.isEmpty() ? "en" : tag.split("-")[0].toLowerCase(Locale.ROOT);
                if (language.equals("en")) {
                    continue;
                }
                String file = "messages_" + tag.replace('-', '_') + ".properties";
                String name = languageName(tag);
                Set<String> mine = keysFor(own.messages(), tag);
                for (String id : ownIds) {
                    for (String part : List.of("title", "explanation")) {
                        String key = id + "." + part;
                        if (english.contains(key) && !mine.contains(key)) {
                            problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " " + part
                                    + " for finding " + id + " (key " + key + "); English is shown instead"));
                        } else if (english.contains(key) && hasDefault(effective.messageTexts(), List.of("en", ""), key)
                                && !hasDefault(texts, chain(tag), key)) {
                            // a key's variants all come from one language: French conditions that all fail give no text
                            problems.add(new PackProblem(file, lineOf(bundleTexts.get(file), key), 0, PackProblem.Level.WARNING, "the "
                                    + name + " " + part + " of finding " + id + " has only variants with conditions (key "
                                    + key + "[...]); when none holds, " + name + " readers get "
                                    + (part.equals("title") ? "the finding id as its title" : "no explanation")
                                    + " (English has one without conditions, but is not used for a key " + name + " has)"));
                        }
                    }
                    SortedSet<Integer> enSteps = steps(english, id);
                    SortedSet<Integer> steps = steps(mine, id);
                    if (!enSteps.isEmpty() && steps.isEmpty()) {
                        problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " remediation for finding " + id
                                + " (keys " + id + ".remediation." + enSteps.first()
                                + (enSteps.size() > 1 ? ".." + enSteps.last() : "") + "); English is shown instead"));
                    } else if (!steps.isEmpty()) {
                        for (int n : enSteps) {
                            if (!steps.contains(n)) {
                                problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " remediation step " + n
                                        + " for finding " + id + " (key " + id + ".remediation." + n + "); English has it, so "
                                        + name + " shows fewer steps"));
                            }
                        }
                    }
                }
                for (String key : own.messages().keys(tag)) {
                    if (!english.contains(key)) {
                        problems.add(new PackProblem(file, lineOf(bundleTexts.get(file), key), 0, PackProblem.Level.WARNING, "key " + key
                                + " is not in " + englishFile + " (a typo?)"));
                    }
                }
            }
        }

        /** A tag and the tags it falls back to before English: {@code fr-CA}, {@code fr}. */
        private static List<String> chain(String tag) {
            List<String> out = new ArrayList<>();
            for (String t = tag; !t.isEmpty(); t = t.lastIndexOf('-') < 0 ? "" : t.substring(0, t.lastIndexOf('-'))) {
                out.add(t);
            }
            return out;
        }

        /**
         * True when the first bundle of {@code tags} that has {@code key} (in any variant) has a variant of it without
         * conditions: the variants of a key are all taken from that one bundle.
         */
        private static boolean hasDefault(Map<String, Map<String, String>> texts, List<String> tags, String key) {
            for (String tag : tags) {
                Map<String, String> bundle = null;
                for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(tag)) {
                        bundle = e.getValue();
                    }
                }
                if (bundle != null && bundle.keySet().stream().anyMatch(k -> base(k).equals(key))) {
                    return bundle.keySet().stream().anyMatch(k -> k.trim().equals(key));
                }
            }
            return false;
        }

        /** The base keys of a language and of the languages it falls back to before English ({@code fr-ca}, {@code fr}). */
        private static Set<String> keysFor(MessageBundle messages, String tag) {
            Set<String> out = new TreeSet<>();
            String t = tag.toLowerCase(Locale.ROOT);
            while (!t.isEmpty()) {
                out.addAll(messages.keys(t));
                int dash = t.lastIndexOf('-');
                t = dash < 0 ? "" : t.substring(0, dash);
            }
            return out;
        }

        private static SortedSet<Integer> steps(Set<String> keys, String id) {
            SortedSet<Integer> out = new TreeSet<>();
            for (String k : keys) {
                Matcher m = STEP.matcher(k);
                if (m.matches() && m.group(1).equals(id)) {
                    out.add(Integer.parseInt(m.group(2)));
                }
            }
            return out;
        }

        /** {@code French}, {@code French (Canada)}; the tag itself for a language Java does not know. */
        static String languageName(String tag) {
            Locale locale = Locale.forLanguageTag(tag);
            String name = locale.getDisplayName(Locale.ENGLISH);
            return name.isBlank() || name.equalsIgnoreCase(tag) || name.equalsIgnoreCase(locale.getLanguage())
                    ? "'" + tag + "'" : name;
        }

        private static String base(String key) {
            int bracket = key.indexOf('[');
            return (bracket < 0 ? key : key.substring(0, bracket)).trim();
        }

        /** The 1-based line of the first entry of base key {@code key} in a properties text, or 0. */
        static int lineOf(String text, String key) {
            if (text == null) {
                return 0;
            }
            String[] lines = text.split("\\r\\n|\\r|\\n", -1);
            boolean continued = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                boolean wasContinued = continued;
                int trailing = 0;
                for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
                    trailing++;
                }
                String stripped = line.stripLeading();
                continued = trailing % 2 == 1 && !stripped.startsWith("#") && !stripped.startsWith("!");
                if (wasContinued || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                    continue;
                }
                StringBuilder k = new StringBuilder();
                for (int j = 0; j < stripped.length(); j++) {
                    char c = stripped.charAt(j);
                    if (c == '\\' && j + 1 < stripped.length()) {
                        k.append(stripped.charAt(++j));
                    } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                        break;
                    } else {
                        k.append(c);
                    }
                }
                if (base(k.toString()).equals(key)) {
                    return i + 1;
                }
            }
            return 0;
        }
    }
}
