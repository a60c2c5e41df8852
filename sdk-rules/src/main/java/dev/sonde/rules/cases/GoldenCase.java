package dev.sonde.rules.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonde.Finding;
import dev.sonde.PackProblem;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.RulePackException;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.JsonErrors;
import dev.sonde.rules.pack.PackData;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One golden case of a rule pack: a folder {@code cases/<name>/} holding log files (searched
 * recursively, so {@code Identity/} sub-folders work), recorded probe results ({@code probes.json}, see
 * {@link RecordedProbes}), or both, and {@code expect.json}:
 *
 * <pre>{@code
 * {
 *   "description": "what the case shows",
 *   "top": "CLOCK_SKEW",                               // the rank-1 finding
 *   "present": ["REVOCATION_CHECK_FAILED"],            // must be found
 *   "absent": ["TLS_INTERCEPTION"],                    // must not be found
 *   "explainedBy": {"REVOCATION_CHECK_FAILED": "CLOCK_SKEW", "PORT_BLOCKED": null},  // null: a root cause
 *   "rootCause": ["CLOCK_SKEW"],                      // must be found, explained by nothing
 *   "params": {"CLOCK_SKEW": {"clock": "ahead"}},      // the parameter must contain this text
 *   "maxSeverity": "low",                              // nothing worse than this may be found
 *   "state": {"CERT_EXPIRED": "resolved"},             // the finding's state (TargetExpectations)
 *   "targets": {"CERT_NAME_MISMATCH": [{"address": "203.0.113.7", "explainedBy": null}]}  // one target matches each
 * }
 * }</pre>
 *
 * Every key is optional; an empty {@code present} with {@code "maxSeverity": "low"} describes a
 * healthy log. A root cause is a finding with no {@code explainedBy}; {@code "explainedBy": {"X": null}} says the
 * same as {@code "rootCause": ["X"]}. Any other value than a finding id or {@code null} in {@code explainedBy}, and
 * anything but a list of finding ids in {@code rootCause}, is refused with the file, line and column. {@code expected.json}, {@code include} and {@code exclude} are read as aliases of
 * {@code expect.json}, {@code present} and {@code absent}.
 *
 * <p>{@link #run(RuleEngine)} gives the report to {@link #check}: the logs are analyzed and, when the
 * folder holds {@code probes.json}, its facts are played back as the live probes of a
 * {@link Sonde#diagnose} run, so logs and recorded probes meet in one session (as with
 * {@code sonde diagnose}). A case may hold only {@code probes.json}.
 *
 * @param name   the folder's name
 * @param folder the folder (the input to analyze)
 * @param expect what the analysis must give
 */
public record GoldenCase(String name, Path folder, Expectation expect) {

    /** The largest expectation file read: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = PackData.JSON;

    /** What a case expects. */
    public record Expectation(String description, Optional<String> top, List<String> present, List<String> absent,
            Map<String, String> explainedBy, List<String> rootCause, Map<String, Map<String, String>> params,
            Optional<Severity> maxSeverity, TargetExpectations targets) {

        /** Copies the collections, unmodifiable, in the order given (the order problems are said in). */
        public Expectation {
            present = List.copyOf(present);
            absent = List.copyOf(absent);
            rootCause = List.copyOf(rootCause);
            explainedBy = Collections.unmodifiableMap(new LinkedHashMap<>(explainedBy));
            Map<String, Map<String, String>> byId = new LinkedHashMap<>();
            params.forEach((id, values) -> byId.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
            params = Collections.unmodifiableMap(byId);
            targets = java.util.Objects.requireNonNullElse(targets, TargetExpectations.NONE);
        }
    }

    public GoldenCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * Every case in a {@code cases/} folder, sorted by name, those with recorded probes included; folders
     * without an expectation file are skipped. Run each with {@link #run(RuleEngine)}.
     */
    public static List<GoldenCase> load(Path casesFolder) {
        List<GoldenCase> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(casesFolder)) {
            // a link to a folder is not a case: a pack's cases are its own folders (links refuse a pack anyway)
            for (Path dir : dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                Path file = dir.resolve("expect.json");
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    file = dir.resolve("expected.json");
                }
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new GoldenCase(dir.getFileName().toString(), dir, read(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + casesFolder, e);
        }
        return out;
    }

    /** The case's recorded probes ({@code probes.json} in its folder), if it has them. */
    public Optional<Path> probes() {
        Path file = folder.resolve(RecordedProbes.FILE);
        // present but not a regular file (a pipe, a device): given to the reader, which refuses it by name
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Runs the case with {@code engine}'s rules: {@code Sonde.analyze} of its folder, or, when it has
     * {@linkplain #probes() recorded probes}, {@code Sonde.diagnose} of its folder with a prober playing them
     * back ({@link RecordedProbes#prober(Path)}), so that the logs and the recorded facts go into one session.
     * Log files are found and read by the {@code LogReader} on the class path, as {@link Sonde} does.
     *
     * @throws SondeException when the recorded probes file is not valid (the message names the file and the fact)
     */
    public Report run(RuleEngine engine) {
        Objects.requireNonNull(engine, "engine");
        Sonde.Builder builder = Sonde.builder().engine(engine);
        Optional<Path> recorded = probes();
        if (recorded.isEmpty()) {
            return builder.build().analyze(folder);
        }
        return builder.prober(RecordedProbes.prober(recorded.get())).build()
                .diagnose(ProbeOptions.defaults(), List.of(folder));
    }

    /**
     * Reads an expectation file: a regular file of at most {@value #MAX_BYTES} bytes holding a JSON object.
     *
     * @throws SondeException one sentence naming the file (and, for JSON syntax, line and column) when it cannot
     *                        be read or is not an expectation
     */
    public static Expectation read(Path file) {
        String text = RulePack.readText(file, MAX_BYTES, "the expectation file");
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SondeException(JsonErrors.prefix(file.toString(), e.getLocation()) + JsonErrors.describe(e), e);
        }
        if (n == null || !n.isObject()) {
            throw new SondeException(file + ": expected an object such as {\"top\": \"CLOCK_SKEW\"}");
        }
        Map<String, String> explained = new LinkedHashMap<>();
        List<String> rootCause = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : n.path("explainedBy").properties()) {
            JsonNode cause = e.getValue();
            if (cause.isNull()) {
                rootCause.add(e.getKey()); // {"X": null}: X is explained by nothing
            } else if (cause.isTextual()) {
                explained.put(e.getKey(), cause.asText());
            } else {
                throw refused(file, text, List.of("explainedBy", e.getKey()), "explainedBy." + e.getKey()
                        + " must be the id of the finding that explains it, or null when it must be a root cause, not "
                        + kind(cause));
            }
        }
        JsonNode roots = n.path("rootCause");
        if (!roots.isMissingNode() && !roots.isArray()) {
            throw refused(file, text, List.of("rootCause"), "rootCause must be a list of finding ids, not " + kind(roots));
        }
        for (int i = 0; i < roots.size(); i++) {
            if (!roots.get(i).isTextual()) {
                throw refused(file, text, List.of("rootCause", i), "rootCause[" + i + "] must be a finding id, not "
                        + kind(roots.get(i)));
            }
            if (!rootCause.contains(roots.get(i).asText())) {
                rootCause.add(roots.get(i).asText());
            }
        }
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("params").properties()) {
            Map<String, String> p = new LinkedHashMap<>();
            e.getValue().properties().forEach(kv -> p.put(kv.getKey(), kv.getValue().asText()));
            params.put(e.getKey(), p);
        }
        String max = n.path("maxSeverity").asText("");
        return new Expectation(n.path("description").asText(""),
                n.hasNonNull("top") ? Optional.of(n.get("top").asText()) : Optional.empty(),
                strings(n.has("present") ? n.get("present") : n.path("include")),
                strings(n.has("absent") ? n.get("absent") : n.path("exclude")),
                explained, rootCause, params, max.isEmpty() ? Optional.empty() : Optional.of(Severity.fromLabel(max)),
                TargetExpectations.read(n));
    }

    /** What a JSON value is, in words. */
    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case NUMBER -> "a number (" + v.asText() + ")";
            case BOOLEAN -> v.asText();
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a text";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A refused expectation: the problem at the place of the value at {@code path} (keys and indexes) in {@code text}. */
    private static RulePackException refused(Path file, String text, List<Object> path, String message) {
        JsonLocation at = JsonPlaces.locate(text, path);
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        PackProblem problem = new PackProblem(file.toString(), line, column, PackProblem.Level.ERROR, message);
        return new RulePackException(problem.located(), List.of(problem));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** What in the report contradicts the expectation; empty when the case passes. */
    public List<String> check(Report report) {
        List<String> problems = new ArrayList<>();
        List<String> ids = report.findings().stream().map(Finding::id).toList();
        expect.top().ifPresent(top -> {
            String actual = report.top().map(Finding::id).orElse("(no finding)");
            if (!top.equals(actual)) {
                problems.add("top finding is " + actual + ", expected " + top);
            }
        });
        for (String id : expect.present()) {
            if (!ids.contains(id)) {
                problems.add(id + " is missing");
            }
        }
        for (String id : expect.absent()) {
            if (ids.contains(id)) {
                problems.add(id + " must not be found");
            }
        }
        for (String id : expect.rootCause()) {
            Optional<Finding> f = report.finding(id);
            if (f.isEmpty()) {
                problems.add(id + " is missing (expected to be a root cause)");
            } else if (f.get().explainedBy().isPresent()) {
                problems.add(id + " is explained by " + f.get().explainedBy().get() + ", expected to be a root cause");
            }
        }
        expect.explainedBy().forEach((effect, cause) -> {
            Optional<Finding> f = report.finding(effect);
            if (f.isEmpty()) {
                problems.add(effect + " is missing (expected to be explained by " + cause + ")");
            } else if (!f.get().explainedBy().equals(Optional.of(cause))) {
                problems.add(effect + " is explained by " + f.get().explainedBy().orElse("nothing") + ", expected " + cause);
            }
        });
        expect.params().forEach((id, expected) -> {
            Optional<Finding> f = report.finding(id);
            if (f.isEmpty()) {
                problems.add(id + " is missing (expected parameters " + expected + ")");
                return;
            }
            expected.forEach((k, v) -> {
                String actual = f.get().params().get(k);
                if (actual == null || !actual.contains(v)) {
                    problems.add(id + " parameter " + k + " is " + (actual == null ? "missing" : "'" + actual + "'")
                            + ", expected to contain '" + v + "'");
                }
            });
        });
        expect.maxSeverity().ifPresent(max -> report.findings().stream()
                .filter(f -> f.severity().compareTo(max) < 0)
                .forEach(f -> problems.add(f.id() + " is " + f.severity().label() + ", worse than the allowed "
                        + max.label())));
        expect.targets().check(report, problems);
        return problems;
    }

    @Override
    public String toString() {
        return name;
    }
}
