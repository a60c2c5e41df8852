package dev.sonde.rules.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.RulePack;
import java.nio.file.Path;
import java.util.List;

/** A pack's file read as text or JSON for checking: what prevents it becomes a problem instead of an exception. */
final class PackText {

    /** Lenient on repeated keys: the loader, which refuses them, says so with its own problem. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private PackText() {
    }

    /** The file as text ({@link RulePack#text(Path, String)}), or null after adding why it cannot be read. */
    static String read(Path file, String rel, List<PackProblem> problems) {
        try {
            return RulePack.text(file, rel);
        } catch (SondeException e) {
            problems.addAll(problemsOf(e));
            return null;
        }
    }

    /** The text as JSON, or null after adding where and why it is not valid JSON. */
    static JsonNode json(String rel, String text, List<PackProblem> problems) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                problems.add(PackProblem.error(rel, "not valid JSON: the file is empty"));
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

    /**
     * The problems an exception carries ({@link RulePackException#problems()}), each on one line; an exception of
     * another kind is one problem of the whole pack.
     */
    static List<PackProblem> problemsOf(SondeException e) {
        if (e instanceof RulePackException r) {
            return r.problems().stream().map(p -> new PackProblem(p.file(), p.line(), p.column(), p.level(),
                    oneLine(p.message()))).toList();
        }
        return List.of(PackProblem.error(".", oneLine(e.getMessage())));
    }

    static String oneLine(String message) {
        return message == null ? "unknown problem" : message.replaceAll("\\s+", " ");
    }
}
