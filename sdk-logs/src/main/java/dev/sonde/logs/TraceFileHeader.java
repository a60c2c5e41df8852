package dev.sonde.logs;

import dev.sonde.Source;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.LogTime;
import java.util.Locale;
import java.util.Set;

/**
 * The header block a trace file may start with, before its first record:
 *
 * <pre>
 * Configuration:
 *   ...
 * Exe name: outlook.exe
 * Exe version: 4.3.68.0
 * Product version: 4.3.68.0
 * OS Version: 10.0.19045
 * Process Id: 4242
 * </pre>
 *
 * gives {@code ClientInfo("GWSMO", "outlook.exe", "4.3.68.0")}. Once a known key starts the block,
 * every line up to the first record belongs to it. Without a header, the product is taken from the
 * first record whose location names a known executable ({@code ClientMigration!WinHttp::...} → GWMMO).
 */
final class TraceFileHeader {

    private static final Set<String> KEYS = Set.of(
            "configuration", "exe name", "exe version", "exe path", "product version", "product name", "product",
            "os version", "process id", "command line", "application", "application name", "version");

    private boolean active;
    private int keys;
    private String exe = "";
    private String exeVersion = "";
    private String productVersion = "";
    private String productName = "";
    private long sourceLine;
    private String sourceText = "";

    /** Takes a line seen before the first record; false when it is not part of a header block. */
    boolean accept(long number, String line) {
        int colon = line.indexOf(':');
        int eq = line.indexOf('=');
        int sep = colon < 0 ? eq : eq < 0 ? colon : Math.min(colon, eq);
        String key = sep > 0 ? key(line.substring(0, sep)) : "";
        boolean known = KEYS.contains(key);
        if (!active && !known) {
            return false;
        }
        if (!active) {
            active = true;
            sourceLine = number;
            sourceText = line;
        }
        if (known) {
            keys++;
            String value = line.substring(sep + 1).strip();
            switch (key) {
                case "exe name", "application", "application name", "exe path" -> {
                    if (exe.isEmpty() || key.equals("exe name")) {
                        exe = value;
                        sourceLine = number;
                        sourceText = line;
                    }
                }
                case "exe version" -> exeVersion = value;
                case "product version", "version" -> productVersion = value;
                case "product name", "product" -> productName = value;
                default -> {
                }
            }
        }
        return true;
    }

    /** A header key in the form of {@link #KEYS}: {@code ProductVersion}, {@code product_version} and {@code Product Version } are "product version". */
    private static String key(String raw) {
        String k = raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
        if (k.indexOf(' ') < 0) {
            for (String known : KEYS) {
                if (known.indexOf(' ') > 0 && known.replace(" ", "").equals(k)) {
                    return known;
                }
            }
        }
        return k;
    }

    /** True when the file began with a header block (two known keys at least). */
    boolean present() {
        return keys >= 2 || (keys >= 1 && !exe.isEmpty());
    }

    /** The client the header names; {@code fallbackProduct}/{@code fallbackExe} fill what it leaves out. */
    ClientInfo clientInfo(String file, String fallbackProduct, String fallbackExe, LogTime time) {
        String product = product(exe);
        if (product.isEmpty()) {
            product = product(productName);
        }
        if (product.isEmpty()) {
            product = fallbackProduct;
        }
        String exeName = exe.isEmpty() ? fallbackExe : baseName(exe);
        // GWSMO runs inside Outlook: OUTLOOK.EXE's own version (16.0...) is Outlook's, not the product's
        boolean host = exeName.toLowerCase(Locale.ROOT).startsWith("outlook");
        String version = !productVersion.isEmpty() ? productVersion : host ? "" : exeVersion;
        return new ClientInfo(product, exeName, version, time, "", new Source(file, sourceLine, sourceText));
    }

    private static String baseName(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String s = cut >= 0 ? path.substring(cut + 1) : path;
        return s.replace("\"", "").strip();
    }

    /** The product an executable or product name belongs to: GWSMO, GWMMO, GSMME, GAPS, or {@code ""}. */
    static String product(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.isBlank()) {
            return "";
        }
        if (n.contains("passwordsync") || n.contains("password sync")) {
            return "GAPS";
        }
        if (n.contains("exchangemigration") || n.contains("exchange migration") || n.contains("migration for microsoft exchange")) {
            return "GSMME";
        }
        if (n.contains("clientmigration") || n.contains("client migration") || n.contains("migration for microsoft outlook")
                || n.contains("apps migration")) {
            return "GWMMO";
        }
        if (n.contains("outlook") || n.contains("profileeditor") || n.contains("google workspace sync")
                || n.contains("google apps sync")) {
            return "GWSMO";
        }
        return "";
    }
}
