package dev.sonde.rules.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.GoldenCase;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pack's golden cases: each expectation file (valid JSON, an object, known keys, readable as an expectation), each
 * recorded probes file, and, once the rules compiled, finding ids a case names that no rule can raise.
 */
final class CaseLint {

    private static final Set<String> CASE_KEYS = Set.of("description", "top", "present", "absent", "include",
            "exclude", "explainedBy", "rootCause", "params", "maxSeverity", "state", "targets");

    private CaseLint() {
    }

    /** True for a case's expectation file ({@code cases/NAME/expect.json} or {@code expected.json}). */
    static boolean isExpectation(String rel) {
        String lower = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return rel.startsWith("cases/") && (lower.equals("expect.json") || lower.equals("expected.json"));
    }

    /** A file under {@code cases/}: an expectation file or recorded probes are checked, other files are the logs. */
    static void checkFile(String rel, Path file, List<PackProblem> problems) {
        if (isExpectation(rel)) {
            checkExpectation(rel, file, problems);
        } else if (rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).equals(RecordedProbes.FILE)) {
            checkRecordedProbes(rel, file, problems);
        }
    }

    /** An expectation file: valid JSON, an object, known keys. */
    private static void checkExpectation(String rel, Path file, List<PackProblem> problems) {
        String text = PackText.read(file, rel, problems);
        JsonNode node = text == null ? null : PackText.json(rel, text, problems);
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add(new PackProblem(rel, 1, 0, PackProblem.Level.ERROR, "expected an object such as {\"top\": \"CLOCK_SKEW\"}"));
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) {
                problems.add(PackProblem.warning(rel, "unknown key '" + k + "' (known: "
                        + String.join(", ", new TreeSet<>(CASE_KEYS)) + ")"));
            }
        });
        try {
            GoldenCase.read(file);
        } catch (RulePackException e) { // a value refused at its line and column
            e.problems().forEach(p -> problems.add(new PackProblem(rel, p.line(), p.column(), p.level(), p.message())));
        } catch (RuntimeException e) {
            problems.add(PackProblem.error(rel, String.valueOf(e.getMessage())));
        }
    }

    /** A recorded probes file, read as {@code sonde rules test} reads it. */
    private static void checkRecordedProbes(String rel, Path file, List<PackProblem> problems) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RecordedProbes.read(in, rel);
        } catch (SondeException | IOException | UncheckedIOException e) {
            // the reader names the file first ("cases/x/probes.json: facts[0] ..."): the problem names it already
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            problems.add(PackProblem.error(rel, m.startsWith(rel + ": ") ? m.substring(rel.length() + 2) : m));
        }
    }

    /** A case expecting a finding id that no rule can raise can never pass (or checks nothing). */
    static void checkIds(Path root, List<Path> files, Set<String> ids, List<PackProblem> problems) {
        for (Path file : files) {
            String rel = PackCheck.relative(root, file);
            if (!isExpectation(rel)) {
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
            named.addAll(e.rootCause());
            named.addAll(e.params().keySet());
            for (String id : named) {
                if (!ids.contains(id)) {
                    problems.add(PackProblem.warning(rel, "finding id " + id + " is not raised by any rule of the pack"));
                }
            }
        }
    }
}
