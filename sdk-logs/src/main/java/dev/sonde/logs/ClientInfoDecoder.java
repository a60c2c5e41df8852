package dev.sonde.logs;

import dev.sonde.Evidence;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.LogTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link ClientInfo} of a file: which product wrote it, and which version. From the header block a trace
 * file may start with, before its first record, else from the executable the first records name. Sample
 * ({@link #SAMPLE}; read back in {@code ClientInfoDecoderTest}):
 *
 * <pre>
 * Configuration:
 *   Log level: verbose
 * Exe name: outlook.exe
 * Exe version: 16.0.4849.1000
 * Product version: 4.3.68.0
 * OS Version: 10.0.19045
 * Process Id: 4242
 * 2024-03-05T09:15:22.481+01:00 0f3c I:Sync outlook!SyncEngine::Run @ 12 ()&gt; Starting
 * </pre>
 *
 * reads as {@code ClientInfo("GWSMO", "outlook.exe", "4.3.68.0")} quoting line 3 ({@code Exe name: outlook.exe}),
 * at the first record's time. Once a known key starts the block, every line up to the first record belongs to it;
 * keys may be spelled {@code ProductVersion}, {@code product_version} or {@code Product-Version}. GWSMO runs inside
 * Outlook: {@code OUTLOOK.EXE}'s own version (16.0...) is Outlook's, so only a {@code Product version} counts
 * there. Without a header, the product is taken from the first record whose location names a known executable
 * ({@code ClientMigration!WinHttp::...} → {@code ClientInfo("GWMMO", "ClientMigration", "")}). At most one per
 * file.
 *
 * <p>One per input read, fed in order: {@link #acceptHeader} for each line before the first record,
 * {@link #atRecord} for each record start, {@link #atEnd} once.
 */
final class ClientInfoDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Configuration:
              Log level: verbose
            Exe name: outlook.exe
            Exe version: 16.0.4849.1000
            Product version: 4.3.68.0
            OS Version: 10.0.19045
            Process Id: 4242
            2024-03-05T09:15:22.481+01:00 0f3c I:Sync outlook!SyncEngine::Run @ 12 ()> Starting
            """;

    private static final Set<String> KEYS = Set.of(
            "configuration", "exe name", "exe version", "exe path", "product version", "product name", "product",
            "os version", "process id", "command line", "application", "application name", "version");

    private final String file;
    private boolean active;
    private int keys;
    private String exe = "";
    private String exeVersion = "";
    private String productVersion = "";
    private String productName = "";
    private long sourceLine;
    private String sourceText = "";
    private boolean done;

    /** A decoder for one input, named {@code file} in evidence. */
    ClientInfoDecoder(String file) {
        this.file = file;
    }

    /** Takes a line seen before the first record; false when it is not part of a header block. */
    boolean acceptHeader(long number, String line) {
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
        String k = raw.strip().toLowerCase(Locale.ROOT);
        if (needsSpacing(k)) {
            k = WHITESPACE.matcher(k.replace('_', ' ').replace('-', ' ')).replaceAll(" ");
        }
        if (k.indexOf(' ') < 0) {
            String known = BY_COMPACT_FORM.get(k);
            if (known != null) {
                return known;
            }
        }
        return k;
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** The keys of {@link #KEYS} with a space, by their form without spaces ({@code productversion}). */
    private static final Map<String, String> BY_COMPACT_FORM = KEYS.stream().filter(k -> k.indexOf(' ') > 0)
            .collect(java.util.stream.Collectors.toUnmodifiableMap(k -> k.replace(" ", ""), k -> k));

    /** True unless the key is already in its form: no {@code _}, {@code -}, run of spaces or other white space. */
    private static boolean needsSpacing(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '_' || c == '-' || (c != ' ' && Ascii.isSpace(c))
                    || (c == ' ' && i + 1 < k.length() && k.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** True when the file began with a header block (two known keys at least, or an executable's name). */
    boolean headerPresent() {
        return keys >= 2 || (keys >= 1 && !exe.isEmpty());
    }

    /** True once the client is known (or cannot be any more): {@link #atRecord} has nothing left to find. */
    boolean done() {
        return done;
    }

    /** The client, when this record start (line {@code number}, {@code text}) is the first to tell it. */
    Optional<ClientInfo> atRecord(RecordStart start, long number, String text) {
        if (done) {
            return Optional.empty();
        }
        String startExe = start.exe();
        String product = product(startExe);
        if (headerPresent()) {
            done = true;
            return Optional.of(fromHeader(product, startExe, start.time()));
        }
        if (!product.isEmpty()) {
            done = true;
            return Optional.of(new ClientInfo(product, startExe, "", start.time(), "", new Evidence(file, number, text)));
        }
        return Optional.empty();
    }

    /** The client a header names when no record told it (a file of a header only, or one cut short). */
    Optional<ClientInfo> atEnd() {
        if (done || !headerPresent()) {
            return Optional.empty();
        }
        done = true;
        return Optional.of(fromHeader("", "", LogTime.UNKNOWN));
    }

    /** The client the header names; {@code fallbackProduct}/{@code fallbackExe} fill what it leaves out. */
    private ClientInfo fromHeader(String fallbackProduct, String fallbackExe, LogTime time) {
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
        return new ClientInfo(product, exeName, version, time, "", new Evidence(file, sourceLine, sourceText));
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
