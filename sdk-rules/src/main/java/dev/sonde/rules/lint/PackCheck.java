package dev.sonde.rules.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackManifest;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks a rule pack the way {@code sonde rules check} does, and returns every problem found instead of
 * stopping at the first: {@code pack.json} (valid JSON, an id, an API version this Sonde supports), every
 * data file (valid JSON, known sections, valid records), every message bundle, every golden case's
 * expectation file, then, when all of that is sound, the DRL (compiled once) and the message keys of every
 * finding id a rule can raise. Nothing is loaded anywhere: the caller decides what to do with the result.
 *
 * <p>Beyond what loading the pack would refuse, it reports each trust anchor whose PEM certificate is broken
 * with the line of the anchor in its data file ({@link TrustAnchorLint}), and warns about texts missing from a
 * non-English bundle and keys of a non-English bundle that the English one lacks ({@link TranslationLint}), and about
 * finding ids a golden case names that no rule raises ({@link CaseLint}), and checks the rows of data that rules apply
 * as knowledge ({@code explains}, {@code networkErrors}) against each other and the ids the rules raise
 * ({@link DataLint}), and reports a rule whose {@code @message} names a text the bundles lack ({@link MessageLint}).
 *
 * <pre>{@code
 * for (PackProblem p : PackCheck.check(Path.of("my-pack"))) {
 *     System.out.println(p);   // certificates.drl:12:4: error: [ERR 102] Line 12:4 mismatched input ...
 * }
 * }</pre>
 */
public final class PackCheck {

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
     * @throws RulePackException when an archive cannot be read at all: it breaks the limits of
     *                           {@code docs/rule-packs.md} or holds ambiguous names
     */
    public static List<PackProblem> check(Path folderOrArchive) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        List<PackProblem> problems = new ArrayList<>();
        String origin = folderOrArchive.toString();
        if (Files.isDirectory(folderOrArchive)) {
            checkRoot(folderOrArchive, origin, problems);
            return problems;
        }
        if (!Files.isRegularFile(folderOrArchive)) {
            problems.add(PackProblem.error(origin, "no such folder or archive"));
            return problems;
        }
        try {
            RulePack.atRoot(folderOrArchive, root -> {
                checkRoot(root, origin, problems);
                return null;
            });
        } catch (RulePackException e) {
            // a file that is no archive at all is a problem of that file; an archive beyond the limits is refused
            if (e.problems().stream().noneMatch(p -> p.file().equals(origin))) {
                throw e;
            }
            problems.addAll(e.problems());
        }
        return problems;
    }

    private static void checkRoot(Path root, String origin, List<PackProblem> problems) {
        Path manifestFile = root.resolve("pack.json");
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(PackProblem.error("pack.json", "missing: every pack needs a pack.json"));
            return;
        }
        String manifestText = PackText.read(manifestFile, "pack.json", problems);
        if (manifestText == null || PackText.json("pack.json", manifestText, problems) == null) {
            return;
        }
        PackManifest manifest;
        try {
            manifest = PackManifest.read(manifestText);
        } catch (SondeException e) {
            problems.addAll(PackText.problemsOf(e));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(PackProblem.error(".", "cannot be listed: " + e.getMessage()));
            return;
        }
        boolean anyDrl = false;
        Map<String, String> bundleTexts = new TreeMap<>();
        Map<String, String> dataTexts = new TreeMap<>();
        for (Path file : files) {
            String rel = relative(root, file);
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (rel.equals("pack.json") || rel.equals(PackSignature.FILE)) {
                continue;
            }
            if (rel.startsWith("cases/")) {
                CaseLint.checkFile(rel, file, problems);
            } else if (lower.endsWith(".drl")) {
                anyDrl = true;
                PackText.read(file, rel, problems);
            } else if (lower.endsWith(".json")) {
                String text = checkData(rel, file, problems);
                if (text != null) {
                    dataTexts.put(rel, text);
                }
            } else if (lower.endsWith(".properties") && lower.startsWith("messages") && !rel.contains("/")) {
                String text = PackText.read(file, rel, problems);
                bundleTexts.put(rel, text);
                if (text != null) {
                    try {
                        RulePack.readProperties(rel, text);
                    } catch (SondeException e) {
                        problems.addAll(PackText.problemsOf(e));
                    }
                }
            }
        }
        if (!anyDrl && manifest.extendsPacks().isEmpty()) {
            problems.add(PackProblem.error(".", "the pack has no .drl file and extends no pack"));
        }
        if (hasErrors(problems)) {
            return; // the DRL is compiled only when everything it relies on is sound
        }
        RulePack asRead;
        try {
            asRead = RulePack.read(root, origin);
        } catch (SondeException e) {
            problems.addAll(PackText.problemsOf(e));
            return;
        }
        Optional<DrlLint.Compiled> compiled = DrlLint.check(asRead, problems);
        if (compiled.isPresent()) {
            CaseLint.checkIds(root, files, compiled.get().findingIds(), problems);
            DataLint.check(dataTexts, compiled.get().findingIds(), problems);
            TranslationLint.check(asRead, compiled.get().effective(), compiled.get().findingIds(), bundleTexts, problems);
            MessageLint.check(asRead, compiled.get().effective(), problems);
        }
    }

    /**
     * A data file: valid JSON, each trust anchor's certificate (with its line), then everything the loader checks.
     * The loader reads the file without the anchors already reported, so that other problems of the file still show;
     * its problems then carry no line, which would be that of the rewritten text.
     */
    private static String checkData(String rel, Path file, List<PackProblem> problems) {
        String text = PackText.read(file, rel, problems);
        JsonNode node = text == null ? null : PackText.json(rel, text, problems);
        if (node == null) {
            return null;
        }
        Set<Integer> reported = TrustAnchorLint.check(rel, text, node, problems);
        try {
            RulePack.readData(rel, reported.isEmpty() ? text : TrustAnchorLint.without(node, reported));
        } catch (SondeException e) {
            for (PackProblem p : PackText.problemsOf(e)) {
                problems.add(reported.isEmpty() ? p : new PackProblem(p.file(), 0, 0, p.level(), p.message()));
            }
        }
        return text;
    }

    /** {@code file}'s path inside the pack, with {@code /}. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
