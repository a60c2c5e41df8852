package dev.sonde.rules.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule pack's {@code pack.json}.
 *
 * @param id          short name, lower case ({@code gwsmo}); prefixes the pack's files in messages
 * @param version     the pack's own version
 * @param apiVersion  the Sonde rule API version the pack is written for
 * @param description one line for people
 * @param disables    names of rules of earlier packs this pack removes when packs are layered
 * @param extendsPacks ids of the packs this pack is layered over ({@code "extends"} in {@code pack.json}); the
 *                    built-in pack's id ({@code gwsmo}) loads it first
 */
public record PackManifest(String id, String version, int apiVersion, String description, List<String> disables,
        List<String> extendsPacks) implements Serializable {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public PackManifest {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'id' must be lower-case letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        version = Objects.requireNonNullElse(version, "");
        description = Objects.requireNonNullElse(description, "");
        disables = List.copyOf(Objects.requireNonNullElse(disables, List.of()));
        extendsPacks = List.copyOf(Objects.requireNonNullElse(extendsPacks, List.of()));
    }

    /** A manifest that disables and extends nothing. */
    public PackManifest(String id, String version, int apiVersion, String description) {
        this(id, version, apiVersion, description, List.of(), List.of());
    }

    /**
     * Reads a {@code pack.json}: an object with an {@code id}, an {@code apiVersion} this Sonde supports
     * ({@link RulePack#API_VERSION}), and optionally {@code version}, {@code description}, {@code disables} and
     * {@code extends} (each a name or an array of names).
     *
     * @throws RulePackException {@code pack.json: what is wrong} (or, for an API version this Sonde does not support,
     *                        a sentence naming the pack and both versions)
     */
    public static PackManifest read(String json) {
        JsonNode node = parse("pack.json", json);
        try {
            String id = node.path("id").asText(null);
            if (id == null) {
                throw new IllegalArgumentException("'id' is missing");
            }
            if (!node.path("apiVersion").canConvertToInt()) {
                throw new IllegalArgumentException("'apiVersion' is missing or not a whole number");
            }
            int api = node.path("apiVersion").asInt();
            PackManifest m = new PackManifest(id, node.path("version").asText(""), api,
                    node.path("description").asText(""), names(node, "disables"), names(node, "extends"));
            if (api > RulePack.API_VERSION || api < 1) {
                String why = "rule pack '" + id + "' needs rule API version " + api + "; this Sonde supports version "
                        + RulePack.API_VERSION;
                throw new RulePackException(why, List.of(PackProblem.error("pack.json", why)));
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw RulePack.refused("pack.json", e.getMessage(), e);
        }
    }

    /** A string or an array of strings; empty when absent. */
    private static List<String> names(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a name or an array of names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must be a name or an array of names");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static JsonNode parse(String file, String json) {
        try {
            JsonNode node = PackData.JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RulePack.refused(file, "the file is empty; expected a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            int column = line == 0 ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new RulePackException(JsonErrors.prefix(file, e.getLocation()) + JsonErrors.describe(e),
                    List.of(new PackProblem(file, line, column, PackProblem.Level.ERROR, JsonErrors.describe(e))), e);
        }
    }

}
