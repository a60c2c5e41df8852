package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Google sync and migration products installed on the computer, and their versions, from the saved output of
 * {@code reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall /s} and of the same query under
 * {@code WOW6432Node}, concatenated ({@value #FILE}). Sample ({@link #SAMPLE}; read back in
 * {@code UninstallOutputTest}):
 *
 * <pre>
 *
 * HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{6A4B3F2E-1C0D-4E5F-8A9B-0C1D2E3F4A5B}
 *     DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook
 *     DisplayVersion    REG_SZ    4.3.58.0
 *     Publisher    REG_SZ    Google LLC
 *     InstallDate    REG_SZ    20230412
 *
 * HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\Mozilla Firefox 115.0 (x64 en-US)
 *     DisplayName    REG_SZ    Mozilla Firefox (x64 en-US)
 *     DisplayVersion    REG_SZ    115.0
 * </pre>
 *
 * reads as {@code ClientInfo("GWSMO", "", "4.3.58.0", installed)} quoting the {@code DisplayName} line; Firefox is
 * not a Google sync product. A key counts when its {@code DisplayName} starts with a product's name, current or
 * former ({@link #PRODUCTS}: Google Workspace / G Suite / Google Apps Sync for Microsoft Outlook → {@code GWSMO};
 * ... Migration for Microsoft Outlook → {@code GWMMO}; ... Migration for Microsoft Exchange and {@code GSMME} →
 * {@code GSMME}; ... Password Sync → {@code GAPS}: the names the log readers give); its version is
 * {@code DisplayVersion} ({@code ""} when missing). Each product and version once (both registry views may list
 * it), at most {@value #MAX_FACTS} facts. Messages around the keys are localized and skipped (see
 * {@link RegQueryLines}); no time ({@link LogTime#UNKNOWN}).
 */
public final class UninstallOutput {

    /** The documented file name. */
    public static final String FILE = "uninstall.txt";
    /** Most facts one file gives. */
    public static final int MAX_FACTS = 10_000;
    /** Longest version kept, in characters. */
    static final int MAX_VERSION = 64;

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """

            HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{6A4B3F2E-1C0D-4E5F-8A9B-0C1D2E3F4A5B}
                DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook
                DisplayVersion    REG_SZ    4.3.58.0
                Publisher    REG_SZ    Google LLC
                InstallDate    REG_SZ    20230412

            HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Mozilla Firefox 115.0 (x64 en-US)
                DisplayName    REG_SZ    Mozilla Firefox (x64 en-US)
                DisplayVersion    REG_SZ    115.0
            """;

    /** Display names (lower case, as they start) → the product, as {@link ClientInfo#product()} names it. */
    static final Map<String, String> PRODUCTS = Map.ofEntries(
            Map.entry("google workspace sync for microsoft outlook", "GWSMO"),
            Map.entry("g suite sync for microsoft outlook", "GWSMO"),
            Map.entry("google apps sync for microsoft outlook", "GWSMO"),
            Map.entry("google workspace migration for microsoft outlook", "GWMMO"),
            Map.entry("g suite migration for microsoft outlook", "GWMMO"),
            Map.entry("google apps migration for microsoft outlook", "GWMMO"),
            Map.entry("google workspace migration for microsoft exchange", "GSMME"),
            Map.entry("g suite migration for microsoft exchange", "GSMME"),
            Map.entry("google apps migration for microsoft exchange", "GSMME"),
            Map.entry("gsmme", "GSMME"),
            Map.entry("google workspace password sync", "GAPS"),
            Map.entry("g suite password sync", "GAPS"),
            Map.entry("google apps password sync", "GAPS"));

    private static final String DISPLAY_NAME = "DisplayName";
    private static final String DISPLAY_VERSION = "DisplayVersion";

    private UninstallOutput() {
    }

    /**
     * The Google products the output lists, as installed {@link ClientInfo}s. Never throws on content.
     *
     * @param file  the file's name, as evidence names it
     * @param lines its lines, decoded
     */
    public static List<Fact> parse(String file, List<String> lines) {
        List<Fact> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        RegValue name = null;
        RegValue version = null;
        long key = -1;
        for (RegValue v : RegQueryLines.values(lines, v -> v.named(DISPLAY_NAME) || v.named(DISPLAY_VERSION))) {
            if (v.keyLine() != key) {
                add(file, name, version, seen, out);
                name = null;
                version = null;
                key = v.keyLine();
            }
            if (v.named(DISPLAY_NAME)) {
                name = v;
            } else {
                version = v;
            }
        }
        add(file, name, version, seen, out);
        return out;
    }

    private static void add(String file, RegValue name, RegValue version, Set<String> seen, List<Fact> out) {
        if (name == null || out.size() >= MAX_FACTS) {
            return;
        }
        String product = product(name.data());
        String v = version == null ? "" : version.data();
        v = v.length() > MAX_VERSION ? v.substring(0, MAX_VERSION) : v;
        if (!product.isEmpty() && seen.add(product + " " + v)) {
            out.add(new ClientInfo(product, "", v, true, LogTime.UNKNOWN, "", new Evidence(file, name.line(), name.text())));
        }
    }

    /** The product a display name starts with, or {@code ""}. */
    static String product(String displayName) {
        String n = displayName.strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : PRODUCTS.entrySet()) {
            if (n.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "";
    }
}
