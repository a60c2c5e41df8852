package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which sizes must agree for an {@link Explains} row to hold on a target ({@code "magnitude"} in
 * {@code explains.json}). Written in lower case with dashes ({@code "clock-vs-validity"}); any letter case is read.
 */
public enum Magnitude {
    /** No size is compared. */
    NONE,
    /**
     * The clock's offset brings the time the certificate was seen back inside its validity: the certificate was seen
     * outside its validity on the same side as the clock's error (after its end for a clock ahead, before its start
     * for a clock behind) and by at most the offset plus a day. A clock 3 hours ahead explains a certificate expired
     * an hour ago, never one expired 30 days ago. When either size is unknown, the row holds (nothing disproves it).
     */
    CLOCK_VS_VALIDITY;

    /** The value named {@code name} ({@code clock-vs-validity}), in any letter case; {@code null} or blank is {@link #NONE}. */
    @JsonCreator
    public static Magnitude of(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Magnitude m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'magnitude' must be one of " + Arrays.stream(values())
                .map(Magnitude::text).collect(Collectors.joining(", ")) + ", was " + name);
    }

    /** As written in data: {@code none}, {@code clock-vs-validity}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
