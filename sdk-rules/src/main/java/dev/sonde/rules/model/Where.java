package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the cause of an {@link Explains} row must have been seen for it to explain the consequence on one of the
 * consequence's targets ({@code "where"} in {@code explains.json}). The engine checks it per target after the rules
 * have fired. In data it is written in lower case ({@code "connection"}); any letter case is read.
 */
public enum Where {
    /** Anywhere: the cause explains the consequence on every target (the rows of packs before issue 10). */
    ANY,
    /** The cause is about this computer as a whole ({@link dev.sonde.Target#MACHINE}: a wrong clock). */
    MACHINE,
    /** The cause was seen on the proxy the consequence's traffic went through (its address, or traffic through it). */
    PROXY,
    /** The cause was seen in the same connection attempt, or on the same address and port. */
    CONNECTION,
    /** The cause was seen on the same host name or the same address and port. */
    TARGET;

    /** The value named {@code name}, in any letter case; {@code null} or blank is {@link #ANY}. */
    @JsonCreator
    public static Where of(String name) {
        if (name == null || name.isBlank()) {
            return ANY;
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Where w : values()) {
            if (w.name().equals(n)) {
                return w;
            }
        }
        throw new IllegalArgumentException("'where' must be one of " + Arrays.stream(values())
                .map(w -> w.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", was " + name);
    }
}
