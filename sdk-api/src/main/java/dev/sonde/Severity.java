package dev.sonde;

import java.util.Locale;

/** How bad a finding is, from {@link #CRITICAL} (nothing works until it is fixed) down to {@link #INFO}. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /** The lower-case name used in JSON and rule metadata ({@code "critical"}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label case-insensitively; throws {@link IllegalArgumentException} naming the bad value. */
    public static Severity fromLabel(String label) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "' (expected critical, high, medium, low or info)");
    }
}
