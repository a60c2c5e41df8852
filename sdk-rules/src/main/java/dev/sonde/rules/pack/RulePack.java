package dev.sonde.rules.pack;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A rule pack read into memory: {@code pack.json}, its {@code *.drl} files, its data files
 * ({@code *.json}: sections of records that become facts in every session) and its message bundles
 * ({@code messages_<lang>.properties}, UTF-8). {@code cases/} (golden cases) is not part of what the
 * engine loads. The built-in pack is read exactly like a vendor's folder or archive.
 *
 * <p>Data file sections and the records they become: see {@link PackData}. A pack is read once into memory
 * ({@link PackFiles}: bounded, regular files only, portable names), and built from those bytes.
 */
public final class RulePack {

    /** The rule API version this engine implements; a pack needing a newer one is refused. */
    public static final int API_VERSION = 1;
    /** Where the built-in pack lives on the class path. */
    public static final String BUILT_IN = "dev/sonde/packs/gwsmo/";


    private final PackManifest manifest;
    private final Map<String, String> drl;
    private final Map<String, List<Object>> dataFiles;
    private final List<Object> data;
    private final Map<String, Map<String, String>> messageTexts;
    private final MessageBundle messages;
    private final String origin;
    private final boolean layered;
    private final List<String> loadSummary;
    private final List<String> packs;
    /** Each DRL file as Drools' parser reads it, parsed on first use. */
    private final Map<String, DrlOutline> outlines = new ConcurrentHashMap<>();

    /**
     * @param dataFiles    data records by file path, in file order
     * @param messageTexts message bundles: language tag → key → text, keys in file order
     * @param layered      DRL paths already name their pack ({@code gwsmo/certificates.drl})
     */
    RulePack(PackManifest manifest, Map<String, String> drl, Map<String, List<Object>> dataFiles,
            Map<String, Map<String, String>> messageTexts, String origin, boolean layered, List<String> loadSummary,
            List<String> packs) {
        this.manifest = manifest;
        this.drl = Collections.unmodifiableMap(new TreeMap<>(drl));
        Map<String, List<Object>> files = new LinkedHashMap<>();
        dataFiles.forEach((k, v) -> files.put(k, List.copyOf(v)));
        this.dataFiles = Collections.unmodifiableMap(files);
        this.data = files.values().stream().flatMap(List::stream).toList();
        Map<String, Map<String, String>> texts = new TreeMap<>();
        messageTexts.forEach((k, v) -> texts.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.messageTexts = Collections.unmodifiableMap(texts);
        this.messages = new MessageBundle(manifest.id(), texts);
        this.origin = origin;
        this.layered = layered;
        this.loadSummary = List.copyOf(loadSummary);
        this.packs = List.copyOf(packs);
    }

    /**
     * Loads one or more packs, later ones layered over earlier ones: a rule of a later pack replaces an earlier
     * rule of the same name (other rules add to the earlier ones, also for an existing finding id);
     * {@code disables} in a {@code pack.json} removes earlier rules by name; a data file replaces an earlier one
     * of the same path; the texts of a finding id (all languages and variants) come from the last pack that has
     * any. A pack whose {@code extends} names the
     * built-in pack ({@code gwsmo}) is layered over it when no earlier pack has that id. What was overridden is
     * in {@link #loadSummary()}. One pack that extends nothing is read as is.
     *
     * @throws SondeException when a pack cannot be read, has two rules of the same name, or extends a pack that
     *                        is not loaded before it
     */
    public static RulePack load(List<Path> packs) {
        Objects.requireNonNull(packs, "packs");
        return layered(packs.stream().map(RulePack::open).toList());
    }

    /**
     * Layers packs already read (see {@link #load(List)}): one pack that extends and disables nothing is returned
     * as is.
     *
     * @throws SondeException when two rules of a pack have the same name, or a pack extends one that is not before it
     */
    public static RulePack layered(List<RulePack> packs) {
        if (packs.isEmpty()) {
            return builtIn();
        }
        if (packs.size() == 1 && packs.get(0).manifest().extendsPacks().isEmpty()
                && packs.get(0).manifest().disables().isEmpty()) {
            return packs.get(0);
        }
        return PackLayers.merge(packs);
    }

    /** The data records by file path (file order). */
    Map<String, List<Object>> dataFiles() {
        return dataFiles;
    }

    /** The raw bundles: language tag → key → text. */
    public Map<String, Map<String, String>> messageTexts() {
        return messageTexts;
    }

    /** True when this pack was merged from several: DRL paths start with their pack's id. */
    public boolean layered() {
        return layered;
    }

    /** How the pack was put together: one line per pack loaded and per rule, finding or file overridden. */
    public List<String> loadSummary() {
        return loadSummary;
    }

    /** The packs this one is made of, in layering order, as {@code "id version"} ({@code "gwsmo 1.0.0"}). */
    public List<String> packs() {
        return packs;
    }

    /** A DRL (or other) path of this pack as messages show it: {@code gwsmo/certificates.drl}. */
    public String displayPath(String path) {
        return layered ? path : manifest.id() + "/" + path;
    }

    /** The pack's manifest. */
    public PackManifest manifest() {
        return manifest;
    }

    /** DRL sources by path inside the pack ({@code certificates.drl}), sorted. */
    public Map<String, String> drl() {
        return drl;
    }

    /**
     * What Drools' parser reads in the DRL file at {@code path} (a key of {@link #drl()}): its package, imports and
     * rules. Parsed once, on first use.
     *
     * @throws IllegalArgumentException when the pack has no such DRL file
     */
    public DrlOutline outline(String path) {
        String text = drl.get(path);
        if (text == null) {
            throw new IllegalArgumentException("rule pack " + manifest.id() + " has no DRL file " + path);
        }
        return outlines.computeIfAbsent(path, p -> DrlOutline.of(text));
    }

    /** The data records, in file and section order; inserted as facts into every session. */
    public List<Object> data() {
        return data;
    }

    /** The message bundles. */
    public MessageBundle messages() {
        return messages;
    }

    /** Where the pack was read from, for logs. */
    public String origin() {
        return origin;
    }

    /** The built-in GWSMO pack, from the class path (a folder in development, a jar entry when packaged). */
    public static RulePack builtIn() {
        return builtIn(ParsedJson.NONE);
    }

    /**
     * The built-in pack, taking from {@code known} what it holds of its JSON files as they are (see
     * {@link ParsedJson}): the same pack as {@link #builtIn()}, read faster.
     */
    public static RulePack builtIn(ParsedJson known) {
        return BuiltInPack.read(Objects.requireNonNull(known, "known"));
    }

    /**
     * Writes the built-in pack's files (DRL, data, bundles, {@code cases/}) into {@code target}, keeping their
     * layout, so that they can be edited and loaded as a pack folder. Existing files of the same name are
     * replaced; others are left alone.
     *
     * @return how many files were written
     * @throws SondeException when the built-in pack cannot be read or a file cannot be written
     */
    public static int exportBuiltIn(Path target) {
        Objects.requireNonNull(target, "target");
        return BuiltInPack.export(target);
    }

    /**
     * A pack folder, or a {@code .zip}/{@code .jar} holding the pack at its root or in one top folder, read once
     * into memory within the limits of {@code docs/rule-packs.md}.
     *
     * @throws SondeException when it cannot be read or is not a valid pack, saying what and where
     */
    public static RulePack open(Path folderOrArchive) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        return of(PackFiles.read(folderOrArchive));
    }

    /**
     * Runs {@code action} on the root of the pack in a folder, or in a {@code .zip}/{@code .jar} holding it
     * at its root or in one top folder; an archive stays open while {@code action} runs. An archive is read
     * through once first, so that one breaking the limits, or holding ambiguous names, is refused before
     * {@code action} reads anything.
     *
     * @throws SondeException when there is no such folder or archive, the archive cannot be opened (its cause is
     *                        then the I/O error), or it breaks the limits
     */
    public static <T> T atRoot(Path folderOrArchive, Function<Path, T> action) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        if (Files.isDirectory(folderOrArchive)) {
            return action.apply(folderOrArchive);
        }
        String root = PackFiles.read(folderOrArchive).archiveRoot();
        try (FileSystem fs = FileSystems.newFileSystem(folderOrArchive, (ClassLoader) null)) {
            return action.apply(fs.getPath("/" + root));
        } catch (IOException | UnsupportedOperationException | java.nio.file.ProviderNotFoundException e) {
            throw PackFiles.unreadableArchive(folderOrArchive.toString(), e);
        }
    }

    /** Reads the pack whose {@code pack.json} is in {@code root} (a folder of any file system). */
    public static RulePack read(Path root, String origin) {
        return of(PackFiles.readTree(root, origin));
    }

    /** The pack made of these files' bytes: what was read (and verified) is what is compiled. */
    public static RulePack of(PackFiles files) {
        return of(files, ParsedJson.NONE);
    }

    /**
     * {@link #of(PackFiles)}, taking the manifest and data records from {@code known} for each JSON file of the
     * very bytes they were read from (see {@link ParsedJson}).
     */
    static RulePack of(PackFiles files, ParsedJson known) {
        String origin = files.origin();
        byte[] manifestBytes = files.bytes("pack.json")
                .orElseThrow(() -> new RulePackException("rule pack " + origin + " has no pack.json",
                        List.of(PackProblem.error("pack.json", "missing: every pack needs a pack.json"))));
        PackManifest manifest = known.manifest(files.files().get("pack.json").sha256())
                .orElseGet(() -> PackManifest.read(text(manifestBytes, "pack.json")));
        String prefix = manifest.id() + "/";
        Map<String, String> drl = new TreeMap<>();
        Map<String, List<Object>> data = new LinkedHashMap<>();
        Map<String, Map<String, String>> messages = new TreeMap<>();
        for (Map.Entry<String, PackFiles.File> f : files.files().entrySet()) {
            String rel = f.getKey();
            if (rel.startsWith("cases/") || rel.equals("pack.json")) {
                continue;
            }
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            String lower = name.toLowerCase(Locale.ROOT);
            byte[] bytes = f.getValue().bytes();
            try {
                if (lower.endsWith(".drl")) {
                    drl.put(rel, text(bytes, rel));
                } else if (lower.endsWith(".json")) {
                    byte[] sha = f.getValue().sha256();
                    data.put(rel, known.records(rel, sha).orElseGet(() -> PackData.records(rel, text(bytes, rel))));
                } else if (lower.endsWith(".properties") && lower.startsWith("messages") && !rel.contains("/")) {
                    messages.put(languageTag(name), readProperties(rel, text(bytes, rel)));
                }
            } catch (RulePackException e) { // said as loading says it: the file as the pack's id names it, and where
                throw new RulePackException(prefix + e.problems().get(0).located(), e.problems(), e);
            }
        }
        // an overlay may hold only texts, data and cases for the rules of the packs it extends
        if (drl.isEmpty() && manifest.extendsPacks().isEmpty()) {
            throw new RulePackException("rule pack " + origin + " has no .drl file (and extends no pack)",
                    List.of(PackProblem.error(".", "the pack has no .drl file and extends no pack")));
        }
        return new RulePack(manifest, drl, data, messages, origin, false,
                List.of(manifest.id() + " " + manifest.version() + " (" + origin + "): " + drl.size() + " DRL files"),
                List.of((manifest.id() + " " + manifest.version()).strip()));
    }

    /**
     * Reads one data file outside any pack (e.g. an endpoint catalog given with {@code --endpoints}), with
     * the same sections and checks as a pack's data files: a regular file of at most {@value #MAX_DATA_FILE} bytes.
     *
     * @throws SondeException when it cannot be read or is not valid, naming the file, line and column, section
     *                        and index
     */
    public static List<Object> readDataFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return PackData.records(file.toString(), readText(file, MAX_DATA_FILE, "the data file"));
        } catch (RulePackException e) { // a data file outside any pack: said as a file of its own
            throw new SondeException(e.problems().get(0).located(), e);
        }
    }

    /** The largest data file read outside a pack ({@code --endpoints}): 1 MiB. */
    static final int MAX_DATA_FILE = 1 << 20;

    /**
     * A regular file of at most {@code maxBytes}, as strict UTF-8 text (a byte-order mark dropped).
     *
     * @param what what it is, for messages ({@code "the endpoint catalog"})
     */
    public static String readText(Path file, long maxBytes, String what) {
        return text(dev.sonde.spi.InputFiles.read(file, maxBytes, what), file.toString());
    }

    /**
     * The records of a data file ({@link PackData}).
     *
     * @throws RulePackException whose message is {@code file: detail} and whose problem has the line and column
     */
    public static List<Object> readData(String file, String json) {
        return PackData.records(file, json);
    }

    /** {@code messages_fr_CA.properties} → {@code fr-CA}; {@code messages.properties} → {@code ""}. */
    static String languageTag(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".properties".length());
        if (!base.contains("_")) {
            return "";
        }
        return base.substring(base.indexOf('_') + 1).replace('_', '-');
    }

    public static Map<String, String> readProperties(String file, String text) {
        Map<String, String> ordered = new LinkedHashMap<>();
        Properties p = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                ordered.put(key.toString(), value.toString());
                return super.put(key, value);
            }
        };
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw refused(file, "cannot be read as properties: " + e.getMessage(), e);
        }
        return ordered;
    }

    /**
     * A file of a pack as text: a regular file of at most {@link PackFiles#MAX_FILE_BYTES}, strict UTF-8.
     *
     * @throws RulePackException {@code name: why} when it is not a regular file, too large, unreadable or not UTF-8
     */
    public static String text(Path file, String name) {
        java.util.Optional<String> why = dev.sonde.spi.InputFiles.notRegular(file);
        if (why.isPresent()) {
            throw refused(name, "not read: " + why.get(), null);
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) PackFiles.MAX_FILE_BYTES + 1);
            if (bytes.length > PackFiles.MAX_FILE_BYTES) {
                throw refused(name, "larger than " + dev.sonde.spi.InputFiles.size(PackFiles.MAX_FILE_BYTES)
                        + ", the most one file of a pack may hold; not read", null);
            }
            return text(bytes, name);
        } catch (IOException e) {
            throw refused(name, "cannot be read (" + dev.sonde.spi.InputFiles.reason(e) + ")", e);
        }
    }

    /** Strict UTF-8 (a byte-order mark dropped). */
    public static String text(byte[] bytes, String name) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw refused(name, "not valid UTF-8", e);
        }
    }

    /** {@code file: detail}, as one problem of {@code file}. */
    static RulePackException refused(String file, String detail, Throwable cause) {
        return new RulePackException(file + ": " + detail, List.of(PackProblem.error(file, detail)), cause);
    }
}
