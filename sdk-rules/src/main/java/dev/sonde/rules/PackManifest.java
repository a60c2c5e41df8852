package dev.sonde.rules;

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
        List<String> extendsPacks) {

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
}
