package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Arrays;

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
     * Returns a negative number when this client is older, 0 when equal or unknown. The parts are what
     * {@code split("[^0-9]+")} gives (a version starting with a non-digit has an empty, 0, first part), read by hand:
     * rules call this for every client on every analysis, and the regex was compiled at each call.
     */
    public int compareVersion(String other) {
        if (version.isBlank()) {
            return 0;
        }
        long[] a = parts(version);
        long[] b = parts(other);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /** The numbers of a version's runs of ASCII digits; a 0 first when it starts with something else. */
    static long[] parts(String version) {
        long[] out = new long[version.length() / 2 + 2];
        int n = 0;
        int i = 0;
        int length = version.length();
        if (length > 0 && !isDigit(version.charAt(0))) {
            out[n++] = 0; // the empty part before the first separator
        }
        while (true) {
            while (i < length && !isDigit(version.charAt(i))) {
                i++;
            }
            if (i == length) {
                return Arrays.copyOf(out, n);
            }
            int start = i;
            long value = 0;
            for (; i < length && isDigit(version.charAt(i)); i++) {
                value = value * 10 + (version.charAt(i) - '0');
            }
            out[n++] = i - start > 12 ? Long.MAX_VALUE : value;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when the version is known and older than {@code minimum}. */
    public boolean olderThan(String minimum) {
        return !version.isBlank() && compareVersion(minimum) < 0;
    }
}
