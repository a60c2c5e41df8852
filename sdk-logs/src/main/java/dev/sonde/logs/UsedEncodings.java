package dev.sonde.logs;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

/** The encodings {@link LogLines} read an input's text lines in, in order of first use, and how it names them. */
final class UsedEncodings {

    private final Set<LineEncoding> used = new LinkedHashSet<>();
    /** The encoding last added: a line in the same one adds nothing (a set's add costs a hash, once per line). */
    private LineEncoding last;
    /** Some 8-bit lines were not UTF-8 and were read as Windows-1252. */
    boolean fallback;

    void add(LineEncoding e) {
        if (e != last) {
            used.add(e);
            last = e;
        }
    }

    /** The encodings joined by {@code +} ({@code UTF-8/windows-1252} for 8-bit with fallback); {@code start} if none. */
    String label(LineEncoding start) {
        StringJoiner j = new StringJoiner("+");
        for (LineEncoding e : used.isEmpty() ? Set.of(start) : used) {
            j.add(e == LineEncoding.EIGHT_BIT && fallback ? e.label + "/windows-1252" : e.label);
        }
        return j.toString();
    }
}
