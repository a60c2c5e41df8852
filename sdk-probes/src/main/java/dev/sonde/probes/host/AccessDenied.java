package dev.sonde.probes.host;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Whether a command's output is Windows' access-denied message ({@code ERROR: Access is denied.},
 * {@code Accès refusé.}, {@code Zugriff verweigert}, "The requested operation requires elevation"). The output is in
 * the console's code page or UTF-16 (PowerShell), so it is looked at both ways; accented letters are not relied on.
 */
final class AccessDenied {

    /** Lower-case ASCII phrases; "acc" + any letter + "s refus" is French "accès refusé" in any code page. */
    private static final List<String> PHRASES = List.of("access is denied", "access denied", "zugriff verweigert",
            "requires elevation", "erh\u00f6hte rechte");

    private AccessDenied() {
    }

    /** True when the bytes of {@code output} from {@code from} on say that access was denied. */
    static boolean saidIn(byte[] output, int from) {
        int length = Math.max(0, output.length - from);
        String latin = new String(output, from, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        String wide = new String(output, from, length - (length & 1), StandardCharsets.UTF_16LE).toLowerCase(Locale.ROOT);
        return said(latin) || said(wide);
    }

    private static boolean said(String text) {
        if (PHRASES.stream().anyMatch(text::contains)) {
            return true;
        }
        for (int i = text.indexOf("acc"); i >= 0 && i + 11 <= text.length(); i = text.indexOf("acc", i + 1)) {
            if (text.startsWith("s refus", i + 4)) {
                return true;
            }
        }
        return false;
    }
}
