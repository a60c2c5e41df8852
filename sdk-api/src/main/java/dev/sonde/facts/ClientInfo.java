package dev.sonde.facts;

import dev.sonde.Evidence;

/**
 * Which Google tool wrote the log, from a trace file's header block ({@code Exe name:},
 * {@code Exe version:}, {@code Product version:}); or, {@link #installed}, which one is installed on the computer,
 * from its uninstall key in the registry ({@code uninstall.txt}: {@code DisplayName}, {@code DisplayVersion}).
 * When both say a version for one product, the log's is the one rules go by.
 *
 * @param product   the product ({@code GWSMO}, {@code GWMMO}, {@code GSMME}, {@code GAPS}) or {@code ""}
 * @param exe       the executable's name, or {@code ""} (always for an installed product)
 * @param version   the product (else exe) version as printed, e.g. {@code 4.3.68.0}, or {@code ""}
 * @param installed true when read from the installed programs (registry uninstall keys), false from a log
 */
public record ClientInfo(String product, String exe, String version, boolean installed, LogTime time, String thread,
        Evidence source) implements Fact {

    /** A client a log names (not {@link #installed}): the form before installed programs were read. */
    public ClientInfo(String product, String exe, String version, LogTime time, String thread, Evidence source) {
        this(product, exe, version, false, time, thread, source);
    }

    /**
     * Compares {@link #version} with a dotted version, numerically part by part (missing parts are 0).
     * Returns a negative number when this client is older, 0 when equal or unknown.
     */
    public int compareVersion(String other) {
        if (version.isBlank()) {
            return 0;
        }
        String[] a = version.split("[^0-9]+");
        String[] b = other.split("[^0-9]+");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length && !a[i].isEmpty() ? parse(a[i]) : 0;
            long y = i < b.length && !b[i].isEmpty() ? parse(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /** True when the version is known and older than {@code minimum}. */
    public boolean olderThan(String minimum) {
        return !version.isBlank() && compareVersion(minimum) < 0;
    }

    private static long parse(String digits) {
        return digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
