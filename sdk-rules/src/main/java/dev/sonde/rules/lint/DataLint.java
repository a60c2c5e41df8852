package dev.sonde.rules.lint;

import dev.sonde.PackProblem;
import dev.sonde.SondeException;
import dev.sonde.facts.NetworkErrorKind;
import dev.sonde.rules.model.Explains;
import dev.sonde.rules.model.NetworkErrorFinding;
import dev.sonde.rules.model.WebFilter;
import dev.sonde.rules.pack.PackData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a pack's data that rules apply as knowledge, checked against each other and against what the
 * pack's rules raise, each problem at its row's line: an {@code explains} row naming a finding no rule raises
 * never applies (warning), the same link twice is a warning, and two {@code networkErrors} rows for one kind
 * would raise two findings for one logged error (error). A {@code webFilters} pattern that matches an empty value
 * would name every filter, whatever its headers say (error); two rows for one product are a warning (the second
 * adds nothing a wider pattern in the first would not).
 */
final class DataLint {

    private DataLint() {
    }

    /**
     * @param dataTexts  each data file's path in the pack and its text (files that failed to read are left out)
     * @param findingIds the finding ids the pack's rules can raise
     */
    static void check(Map<String, String> dataTexts, Set<String> findingIds, List<PackProblem> problems) {
        Map<NetworkErrorKind, String> kinds = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        Map<String, String> products = new HashMap<>();
        dataTexts.forEach((file, text) -> {
            List<PackData.Located> rows;
            try {
                rows = PackData.located(file, text);
            } catch (SondeException e) {
                return; // already reported by the loader's check
            }
            for (PackData.Located row : rows) {
                String here = file + ":" + row.line();
                String name = row.section() + "[" + row.index() + "]";
                if (row.record() instanceof Explains x) {
                    for (String id : List.of(x.cause(), x.consequence())) {
                        if (!findingIds.contains(id)) {
                            problems.add(at(file, row, PackProblem.Level.WARNING, name + ": no rule of the pack raises " + id
                                    + ", so this row never applies"));
                        }
                    }
                    String before = links.putIfAbsent(x.cause() + " " + x.consequence() + " " + x.scope(), here);
                    if (before != null) {
                        problems.add(at(file, row, PackProblem.Level.WARNING, name + ": the same link as " + before));
                    }
                } else if (row.record() instanceof WebFilter w) {
                    if (w.pattern().matcher("").find()) {
                        problems.add(at(file, row, PackProblem.Level.ERROR, name + ": pattern '" + w.pattern().pattern()
                                + "' matches an empty value, so it would name " + w.product() + " for every filter"));
                    }
                    String before = products.putIfAbsent(w.product().strip().toLowerCase(java.util.Locale.ROOT), here);
                    if (before != null) {
                        problems.add(at(file, row, PackProblem.Level.WARNING, name + ": " + w.product()
                                + " already has a row (" + before + "): one row with both patterns says the same"));
                    }
                } else if (row.record() instanceof NetworkErrorFinding n) {
                    String before = kinds.putIfAbsent(n.kind(), here);
                    if (before != null) {
                        problems.add(at(file, row, PackProblem.Level.ERROR, name + ": kind " + n.kind() + " already has a row ("
                                + before + "): one logged error would raise two findings"));
                    }
                }
            }
        });
    }

    private static PackProblem at(String file, PackData.Located row, PackProblem.Level level, String message) {
        return new PackProblem(file, row.line(), row.column(), level, message);
    }
}
