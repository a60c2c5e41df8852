package dev.sonde.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.SondeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a rule pack the way {@code sonde rules check} does, and returns every problem found instead of
 * stopping at the first: {@code pack.json} (valid JSON, an id, an API version this Sonde supports), every
 * data file (valid JSON, known sections, valid records), every message bundle, every golden case's
 * expectation file, then, when all of that is sound, the DRL (compiled once) and the message keys of every
 * finding id a rule can raise. Nothing is loaded anywhere: the caller decides what to do with the result.
 *
 * <pre>{@code
 * for (PackCheck.Problem p : PackCheck.check(Path.of("my-pack"))) {
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

    /** How bad a problem is: an error means the pack would be refused. */
    public enum Severity {
        ERROR, WARNING;

        /** {@code error} or {@code warning}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One problem of a pack.
     *
     * @param file     path inside the pack, with {@code /} ({@code certificates.drl}, {@code cases/x/expect.json})
     * @param line     1-based line, or 0 when unknown
     * @param column   1-based column, or 0 when unknown
     * @param severity error or warning
     * @param message  what is wrong, on one line
     */
    public record Problem(String file, int line, int column, Severity severity, String message) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
        }

        /** True for an error. */
        public boolean isError() {
            return severity == Severity.ERROR;
        }

        /** {@code file:line:col: error: message}, the line and column left out when unknown. */
        @Override
        public String toString() {
            return format(file);
        }

        /** Like {@link #toString()} with {@code file} written as given (e.g. prefixed with the pack's folder). */
        public String format(String shownFile) {
            StringBuilder sb = new StringBuilder(shownFile);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            return sb.append(": ").append(severity.label()).append(": ").append(message).toString();
        }
    }

    /** True when any problem is an error. */
    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * Checks the pack in a folder, or in a {@code .zip}/{@code .jar} (at its root or in one top folder).
     *
     * @return the problems, in file order; empty when the pack is sound
     */
    public static List<Problem> check(Path folderOrArchive) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        List<Problem> problems = new ArrayList<>();
        if (Files.isDirectory(folderOrArchive)) {
            checkRoot(folderOrArchive, folderOrArchive.toString(), problems);
            return problems;
        }
        if (!Files.isRegularFile(folderOrArchive)) {
            problems.add(new Problem(folderOrArchive.toString(), 0, 0, Severity.ERROR, "no such folder or archive"));
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
            problems.add(new Problem(folderOrArchive.toString(), 0, 0, Severity.ERROR,
                    "neither a folder nor a readable .zip/.jar: " + e.getCause().getMessage()));
        }
        return problems;
    }

    private static void checkRoot(Path root, String origin, List<Problem> problems) {
        Path manifestFile = root.resolve("pack.json");
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(new Problem("pack.json", 0, 0, Severity.ERROR, "missing: every pack needs a pack.json"));
            return;
        }
        String manifestText = text(manifestFile, "pack.json", problems);
        if (manifestText == null || json("pack.json", manifestText, problems) == null) {
            return;
        }
        try {
            RulePack.readManifest(manifestText);
        } catch (SondeException e) {
            problems.add(new Problem("pack.json", 0, 0, Severity.ERROR, strip("pack.json", e.getMessage())));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(".", 0, 0, Severity.ERROR, "cannot be listed: " + e.getMessage()));
            return;
        }
        boolean anyDrl = false;
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
                }
                continue;
            }
            if (lower.endsWith(".drl")) {
                anyDrl = true;
                text(file, rel, problems);
            } else if (lower.endsWith(".json")) {
                String text = text(file, rel, problems);
                if (text != null && json(rel, text, problems) != null) {
                    try {
                        RulePack.readData(rel, text);
                    } catch (SondeException e) {
                        problems.add(new Problem(rel, 0, 0, Severity.ERROR, strip(rel, e.getMessage())));
                    }
                }
            } else if (lower.endsWith(".properties") && lower.startsWith("messages") && !rel.contains("/")) {
                String text = text(file, rel, problems);
                if (text != null) {
                    try {
                        RulePack.readProperties(rel, text);
                    } catch (SondeException e) {
                        problems.add(new Problem(rel, 0, 0, Severity.ERROR, strip(rel, e.getMessage())));
                    }
                }
            }
        }
        if (!anyDrl) {
            problems.add(new Problem(".", 0, 0, Severity.ERROR, "the pack has no .drl file"));
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
        if (!pack.manifest().extendsPacks().isEmpty() || !pack.manifest().disables().isEmpty()) {
            try {
                pack = PackLayers.merge(List.of(pack)); // compiled over the pack it extends, as it will be used
            } catch (SondeException e) {
                problems.add(new Problem("pack.json", 0, 0, Severity.ERROR, e.getMessage()));
                return;
            }
            pack.loadSummary().stream().filter(l -> l.contains("(nothing removed)"))
                    .forEach(l -> problems.add(new Problem("pack.json", 0, 0, Severity.WARNING, l)));
        }
        List<Problem> compileProblems = new ArrayList<>();
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, compileProblems);
        String own = pack.layered() ? pack.manifest().id() + "/" : "";
        for (Problem p : compileProblems) {
            problems.add(!own.isEmpty() && p.file().startsWith(own)
                    ? new Problem(p.file().substring(own.length()), p.line(), p.column(), p.severity(), p.message()) : p);
        }
        if (compiled != null) {
            checkCaseIds(root, files, compiled.findingIds(), problems);
        }
    }

    /** An expectation file: valid JSON, an object, known keys. */
    private static void checkCase(String rel, Path file, List<Problem> problems) {
        String text = text(file, rel, problems);
        JsonNode node = text == null ? null : json(rel, text, problems);
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add(new Problem(rel, 1, 0, Severity.ERROR, "expected an object such as {\"top\": \"CLOCK_SKEW\"}"));
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) {
                problems.add(new Problem(rel, 0, 0, Severity.WARNING, "unknown key '" + k + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(CASE_KEYS)) + ")"));
            }
        });
        try {
            GoldenCase.read(file);
        } catch (RuntimeException e) {
            problems.add(new Problem(rel, 0, 0, Severity.ERROR, e.getMessage()));
        }
    }

    /** A case expecting a finding id that no rule can raise can never pass (or checks nothing). */
    private static void checkCaseIds(Path root, List<Path> files, Set<String> ids, List<Problem> problems) {
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
            Set<String> named = new java.util.TreeSet<>();
            e.top().ifPresent(named::add);
            named.addAll(e.present());
            named.addAll(e.absent());
            named.addAll(e.explainedBy().keySet());
            named.addAll(e.explainedBy().values());
            named.addAll(e.params().keySet());
            for (String id : named) {
                if (!ids.contains(id)) {
                    problems.add(new Problem(rel, 0, 0, Severity.WARNING, "finding id " + id
                            + " is not raised by any rule of the pack"));
                }
            }
        }
    }

    private static String pack(Path root) {
        try {
            return RulePack.readManifest(Files.readString(root.resolve("pack.json"))).id();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A {@link SondeException} message {@code id/file: text} or {@code id/file line 3: text} as a problem. */
    private static Problem problemOf(String packId, String message) {
        String m = message == null ? "unknown problem" : message;
        String prefix = packId.isEmpty() ? "" : packId + "/";
        java.util.regex.Matcher fm = java.util.regex.Pattern.compile("^(\\S+?)(?: line (\\d+))?: (.*)$",
                java.util.regex.Pattern.DOTALL).matcher(m);
        if (!prefix.isEmpty() && m.startsWith(prefix) && fm.matches()) {
            return new Problem(fm.group(1).substring(prefix.length()), fm.group(2) == null ? 0 : Integer.parseInt(fm.group(2)),
                    0, Severity.ERROR, fm.group(3).replaceAll("\\s+", " "));
        }
        return new Problem(".", 0, 0, Severity.ERROR, m.replaceAll("\\s+", " "));
    }

    private static String text(Path file, String rel, List<Problem> problems) {
        try {
            return RulePack.text(file, rel);
        } catch (SondeException e) {
            problems.add(new Problem(rel, 0, 0, Severity.ERROR, strip(rel, e.getMessage())));
            return null;
        }
    }

    private static JsonNode json(String rel, String text, List<Problem> problems) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                problems.add(new Problem(rel, 0, 0, Severity.ERROR, "not valid JSON: the file is empty"));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new Problem(rel, Math.max(0, line), Math.max(0, column), Severity.ERROR,
                    "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ")));
            return null;
        }
    }

    private static String strip(String rel, String message) {
        String m = message == null ? "unknown problem" : message;
        return (m.startsWith(rel + ": ") ? m.substring(rel.length() + 2) : m).replaceAll("\\s+", " ");
    }
}
