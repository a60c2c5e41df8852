package dev.sonde.testsupport;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * {@code reg query} outputs as QuickTheories generators, with the facts they must read as: the user's and the
 * policy's Internet Settings (any value order, missing values, per-scheme proxy lists, {@code DefaultConnectionSettings}
 * of any width, look-alike values in other subkeys) and uninstall keys of Google and other products. Rendered with
 * any column spacing (runs of spaces or tabs), CRLF or LF, and garbage lines between: English and French messages,
 * {@code End of search}, junk.
 */
public final class RegQueryOutputs {

    /** The messages {@code reg query} prints around keys, in English and French. */
    public static final List<String> MESSAGES = List.of(
            "ERROR: The system was unable to find the specified registry key or value.",
            "ERREUR : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.",
            "End of search: 12 match(es) found.",
            "Fin de la recherche : 12 correspondance(s) trouvée(s).",
            "~ garbage REG_SZ 0x1 ProxyEnable",
            "(Default)    REG_SZ    (value not set)",
            "\u0000\uFFFD REG_DWORD",
            "ProxyServer    REG_SZ    unindented.example:1");

    private RegQueryOutputs() {
    }

    /** One value line: name, type, data. */
    public record Value(String name, String type, String data) {
    }

    /** One key and its values. */
    public record Key(String path, List<Value> values) {
    }

    /** A rendered output: its lines, and the whole text. */
    public record Output(List<Key> keys, String text) {
    }

    /** The settings of one origin as generated, and what they must read as. */
    public record Settings(Integer enable, String server, String expectedProxy, String override, String url,
            int connectionWidth, int flags) {

        /** The proxy the reader must find, or {@code null}. */
        public String proxy() {
            return enable != null && enable == 1 ? expectedProxy : null;
        }

        /** True when auto-detect must read as on. */
        public boolean autoDetect() {
            return connectionWidth > 8 && (flags & 0x08) != 0;
        }

        /** True when a ProxyScriptSetting must be read. */
        public boolean script() {
            return (url != null && !url.isBlank()) || autoDetect();
        }
    }

    /** Generated Internet Settings for the user. */
    public static Gen<Settings> settings() {
        return in -> {
            int e = integers().between(0, 3).generate(in);
            Integer enable = e == 0 ? null : e == 1 ? 0 : 1;
            int kind = integers().between(0, 4).generate(in);
            String server;
            String expected;
            int port = integers().between(1, 65535).generate(in);
            switch (kind) {
                case 0 -> { server = null; expected = null; }
                case 1 -> { server = ""; expected = null; }
                case 2 -> { server = "proxy" + port + ".corp.example:" + port; expected = server; }
                case 3 -> { server = "http=web.corp.example:3128;https=tls" + port + ".corp.example:" + port + ";ftp=ftp.corp.example:21";
                    expected = "tls" + port + ".corp.example:" + port; }
                default -> { server = "ftp=ftp.corp.example:21;http=web" + port + ".corp.example"; expected = "web" + port + ".corp.example:80"; }
            }
            if (kind == 3 && integers().between(0, 1).generate(in) == 1) { // the https entry first
                server = "https=tls" + port + ".corp.example:" + port + ";http=web.corp.example:3128";
            }
            String override = integers().between(0, 1).generate(in) == 0 ? null : "<local>;*.corp.example;10.*";
            int u = integers().between(0, 2).generate(in);
            String url = u == 0 ? null : u == 1 ? "" : "http://pac" + port + ".corp.example/proxy.pac";
            int width = integers().between(-1, 40).generate(in);
            int flags = integers().between(0, 15).generate(in);
            return new Settings(enable, server, expected, override, url, width, flags);
        };
    }

    /** The keys these settings are written in, under {@code root} (a user or policy Internet Settings key). */
    public static List<Key> keys(String root, Settings s, long seed) {
        Random r = new Random(seed);
        List<Value> values = new ArrayList<>();
        values.add(new Value("User Agent", "REG_SZ", "Mozilla/4.0 (compatible; MSIE 8.0; Win32)"));
        values.add(new Value("CertificateRevocation", "REG_DWORD", "0x1"));
        values.add(new Value("ZonesSecurityUpgrade", "REG_BINARY", "F2B1B9C4D3E5A601"));
        if (s.enable() != null) {
            values.add(new Value("ProxyEnable", "REG_DWORD", "0x" + Integer.toHexString(s.enable())));
        }
        if (s.server() != null) {
            values.add(new Value("ProxyServer", "REG_SZ", s.server()));
        }
        if (s.override() != null) {
            values.add(new Value("ProxyOverride", "REG_SZ", s.override()));
        }
        if (s.url() != null) {
            values.add(new Value("AutoConfigURL", "REG_SZ", s.url()));
        }
        Collections.shuffle(values, r);
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(root, values));
        // look-alikes under other subkeys: never the proxy's
        keys.add(new Key(root + "\\ZoneMap", List.of(new Value("AutoDetect", "REG_DWORD", "0x1"),
                new Value("ProxyEnable", "REG_DWORD", "0x1"), new Value("ProxyServer", "REG_SZ", "zonemap.example:1"))));
        if (s.connectionWidth() >= 0) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < s.connectionWidth(); i++) {
                hex.append(String.format("%02X", i == 8 ? s.flags() : r.nextInt(256)));
            }
            keys.add(new Key(root + "\\Connections", List.of(new Value("DefaultConnectionSettings", "REG_BINARY", hex.toString()),
                    new Value("SavedLegacySettings", "REG_BINARY", "460000000F0000000F"))));
        }
        if (r.nextBoolean()) {
            Collections.swap(keys, 1, keys.size() - 1);
        }
        return keys;
    }

    /** Keys rendered as {@code reg query} prints them, with random spacing, line ends and garbage between. */
    public static String render(List<Key> keys, long seed) {
        Random r = new Random(seed);
        String eol = r.nextBoolean() ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        for (Key k : keys) {
            garbage(out, r, eol);
            out.append(eol).append(k.path()).append(eol);
            for (Value v : k.values()) {
                out.append(gap(r, true)).append(v.name()).append(gap(r, false)).append(v.type());
                if (!v.data().isEmpty() || r.nextBoolean()) {
                    out.append(gap(r, false)).append(v.data());
                }
                out.append(eol);
                if (r.nextInt(6) == 0) {
                    out.append(eol); // a blank line between values
                }
                if (r.nextInt(8) == 0) {
                    garbage(out, r, eol); // a message, or junk, between values
                }
            }
        }
        garbage(out, r, eol);
        return out.toString();
    }

    private static void garbage(StringBuilder out, Random r, String eol) {
        if (r.nextInt(3) == 0) {
            out.append(MESSAGES.get(r.nextInt(MESSAGES.size()))).append(eol);
        }
    }

    /** Columns are runs of spaces (four, as reg prints them) or tabs; an indent is never empty. */
    private static String gap(Random r, boolean indent) {
        return switch (r.nextInt(4)) {
            case 0 -> "\t";
            case 1 -> " ".repeat(1 + r.nextInt(8));
            default -> "    ";
        };
    }

    /** An uninstall key: the display name, whether it is a Google product ({@code product}, else {@code ""}), the version. */
    public record Installed(String displayName, String product, String version) {
    }

    /** Generated uninstall keys: Google products under current and former names, and others. */
    public static Gen<List<Installed>> installed() {
        List<Installed> names = List.of(
                new Installed("Google Workspace Sync for Microsoft Outlook", "GWSMO", ""),
                new Installed("Google Apps Sync for Microsoft Outlook", "GWSMO", ""),
                new Installed("GOOGLE WORKSPACE SYNC FOR MICROSOFT OUTLOOK", "GWSMO", ""),
                new Installed("Google Workspace Migration for Microsoft Outlook", "GWMMO", ""),
                new Installed("Google Apps Migration for Microsoft Outlook", "GWMMO", ""),
                new Installed("Google Workspace Migration for Microsoft Exchange", "GSMME", ""),
                new Installed("GSMME", "GSMME", ""),
                new Installed("Google Workspace Password Sync", "GAPS", ""),
                new Installed("G Suite Password Sync", "GAPS", ""),
                new Installed("Microsoft Outlook 2016", "", ""),
                new Installed("Microsoft Office Professional Plus 2019", "", ""),
                new Installed("Google Chrome", "", ""),
                new Installed("Google Drive", "", ""),
                new Installed("Sync for Microsoft Outlook by Someone Else", "", ""));
        return in -> {
            int n = integers().between(0, 25).generate(in);
            List<Installed> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Installed pick = names.get(integers().between(0, names.size() - 1).generate(in));
                int v = integers().between(0, 5).generate(in);
                String version = v == 0 ? "" : "4." + integers().between(0, 3).generate(in) + "." + integers().between(0, 90).generate(in) + ".0";
                out.add(new Installed(pick.displayName(), pick.product(), version));
            }
            return out;
        };
    }

    /** The uninstall keys these entries are written in, half of them under WOW6432Node, in random value order. */
    public static List<Key> uninstallKeys(List<Installed> entries, long seed) {
        Random r = new Random(seed);
        List<Key> keys = new ArrayList<>();
        int i = 0;
        for (Installed e : entries) {
            String view = r.nextBoolean() ? "SOFTWARE\\WOW6432Node" : "SOFTWARE";
            List<Value> values = new ArrayList<>();
            values.add(new Value("DisplayName", "REG_SZ", e.displayName()));
            if (!e.version().isEmpty()) {
                values.add(new Value("DisplayVersion", "REG_SZ", e.version()));
            }
            values.add(new Value("Publisher", "REG_SZ", "Someone"));
            values.add(new Value("EstimatedSize", "REG_DWORD", "0x" + Integer.toHexString(r.nextInt(100000))));
            values.add(new Value("NoModify", "REG_DWORD", "0x1"));
            Collections.shuffle(values, r);
            keys.add(new Key("HKEY_LOCAL_MACHINE\\" + view + "\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{" + (i++) + "-" + r.nextInt(1000) + "}", values));
        }
        return keys;
    }
}
