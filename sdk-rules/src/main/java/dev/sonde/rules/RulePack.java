package dev.sonde.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.SondeException;
import dev.sonde.rules.model.Endpoint;
import dev.sonde.rules.model.GoogleHost;
import dev.sonde.rules.model.GoogleIpRange;
import dev.sonde.rules.model.GoogleIssuer;
import dev.sonde.rules.model.Interceptor;
import dev.sonde.rules.model.MinimumVersion;
import dev.sonde.rules.model.TrustAnchorData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A rule pack read into memory: {@code pack.json}, its {@code *.drl} files, its data files
 * ({@code *.json}: sections of records that become facts in every session) and its message bundles
 * ({@code messages_<lang>.properties}, UTF-8). {@code cases/} (golden cases) is not part of what the
 * engine loads. The built-in pack is read exactly like a vendor's folder or archive.
 *
 * <p>Data file sections and the records they become: {@code googleIssuers} → {@link GoogleIssuer},
 * {@code googleHosts} → {@link GoogleHost}, {@code interceptors} → {@link Interceptor},
 * {@code minimumVersions} → {@link MinimumVersion}, {@code endpoints} → {@link Endpoint},
 * {@code trustAnchors} → {@link TrustAnchorData}. Keys starting
 * with {@code _} or {@code $} are comments.
 */
public final class RulePack {

    /** The rule API version this engine implements; a pack needing a newer one is refused. */
    public static final int API_VERSION = 1;
    /** Where the built-in pack lives on the class path. */
    public static final String BUILT_IN = "dev/sonde/packs/gwsmo/";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<?>> SECTIONS = Map.of(
            "googleIssuers", GoogleIssuer.class,
            "googleHosts", GoogleHost.class,
            "googleIpRanges", GoogleIpRange.class,
            "interceptors", Interceptor.class,
            "minimumVersions", MinimumVersion.class,
            "endpoints", Endpoint.class,
            "trustAnchors", TrustAnchorData.class);
    private static final Object ARCHIVE_LOCK = new Object();

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
        if (packs.isEmpty()) {
            return builtIn();
        }
        List<RulePack> read = new ArrayList<>();
        for (Path p : packs) {
            read.add(open(p));
        }
        if (read.size() == 1 && read.get(0).manifest().extendsPacks().isEmpty()
                && read.get(0).manifest().disables().isEmpty()) {
            return read.get(0);
        }
        return PackLayers.merge(read);
    }

    /** The data records by file path (file order). */
    Map<String, List<Object>> dataFiles() {
        return dataFiles;
    }

    /** The raw bundles: language tag → key → text. */
    Map<String, Map<String, String>> messageTexts() {
        return messageTexts;
    }

    /** True when this pack was merged from several: DRL paths start with their pack's id. */
    boolean layered() {
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
    String displayPath(String path) {
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
        return onBuiltIn((root, origin) -> read(root, origin));
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
        return onBuiltIn((root, origin) -> {
            int count = 0;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new SondeException("the built-in rule pack cannot be listed: " + e.getMessage(), e);
            }
            for (Path file : files) {
                String rel = relative(root, file);
                Path out = target.resolve(rel.replace("/", target.getFileSystem().getSeparator()));
                try {
                    Files.createDirectories(out.getParent());
                    Files.write(out, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new SondeException("cannot write " + out + ": " + e.getMessage(), e);
                }
                count++;
            }
            return count;
        });
    }

    /** Runs {@code action} on the built-in pack's root folder (on the file system, or inside a jar). */
    private static <T> T onBuiltIn(java.util.function.BiFunction<Path, String, T> action) {
        URL url = RulePack.class.getClassLoader().getResource(BUILT_IN + "pack.json");
        if (url == null) {
            throw new SondeException("the built-in rule pack is missing from the class path (" + BUILT_IN + "pack.json)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new SondeException("the built-in rule pack's location cannot be read: " + url, e);
        }
        String origin = "built-in pack (" + url + ")";
        if ("file".equals(uri.getScheme())) {
            return action.apply(Path.of(uri).getParent(), origin);
        }
        if ("jar".equals(uri.getScheme())) {
            String spec = uri.getRawSchemeSpecificPart();
            int bang = spec.indexOf("!/");
            if (bang > 0 && spec.startsWith("file:")) {
                Path jar = Path.of(URI.create(spec.substring(0, bang)));
                try (FileSystem fs = FileSystems.newFileSystem(jar, (ClassLoader) null)) {
                    return action.apply(fs.getPath("/" + BUILT_IN), origin);
                } catch (IOException e) {
                    throw new SondeException("the built-in rule pack cannot be read from " + jar + ": " + e.getMessage(), e);
                }
            }
            synchronized (ARCHIVE_LOCK) { // a jar inside a jar: share the provider's file system
                FileSystem fs;
                boolean opened = false;
                try {
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                        opened = true;
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    try {
                        return action.apply(fs.provider().getPath(uri).getParent(), origin);
                    } finally {
                        if (opened) {
                            fs.close();
                        }
                    }
                } catch (IOException e) {
                    throw new SondeException("the built-in rule pack cannot be read from " + url + ": " + e.getMessage(), e);
                }
            }
        }
        throw new SondeException("the built-in rule pack cannot be read from " + url + " (unsupported location)");
    }

    /**
     * A pack folder, or a {@code .zip}/{@code .jar} holding the pack at its root or in one top folder.
     *
     * @throws SondeException when it cannot be read or is not a valid pack, saying what and where
     */
    public static RulePack open(Path folderOrArchive) {
        return atRoot(folderOrArchive, root -> read(root, folderOrArchive.toString()));
    }

    /**
     * Runs {@code action} on the root of the pack in a folder, or in a {@code .zip}/{@code .jar} holding it
     * at its root or in one top folder; an archive stays open while {@code action} runs.
     *
     * @throws SondeException when there is no such folder or archive, or the archive cannot be opened
     *                        (its cause is then the I/O error)
     */
    public static <T> T atRoot(Path folderOrArchive, Function<Path, T> action) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        if (Files.isDirectory(folderOrArchive)) {
            return action.apply(folderOrArchive);
        }
        if (!Files.isRegularFile(folderOrArchive)) {
            throw new SondeException("rule pack " + folderOrArchive + ": no such folder or archive");
        }
        try (FileSystem fs = FileSystems.newFileSystem(folderOrArchive, (ClassLoader) null)) {
            Path root = fs.getPath("/");
            if (!Files.exists(root.resolve("pack.json"))) {
                try (Stream<Path> top = Files.list(root)) {
                    List<Path> withManifest = top.filter(p -> Files.exists(p.resolve("pack.json"))).toList();
                    if (withManifest.size() == 1) {
                        root = withManifest.get(0);
                    }
                }
            }
            return action.apply(root);
        } catch (IOException | UnsupportedOperationException | java.nio.file.ProviderNotFoundException e) {
            throw new SondeException("rule pack " + folderOrArchive + " is neither a folder nor a readable .zip/.jar: "
                    + e.getMessage(), e);
        }
    }

    /** Reads the pack whose {@code pack.json} is in {@code root}. */
    public static RulePack read(Path root, String origin) {
        Path manifestFile = root.resolve("pack.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new SondeException("rule pack " + origin + " has no pack.json");
        }
        PackManifest manifest = readManifest(text(manifestFile, "pack.json"));
        String prefix = manifest.id() + "/";
        Map<String, String> drl = new TreeMap<>();
        Map<String, String> dataFiles = new TreeMap<>();
        Map<String, String> bundles = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SondeException("rule pack " + origin + " cannot be listed: " + e.getMessage(), e);
        }
        for (Path file : files) {
            String rel = relative(root, file);
            if (rel.startsWith("cases/") || rel.equals("pack.json")) {
                continue;
            }
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".drl")) {
                drl.put(rel, text(file, prefix + rel));
            } else if (lower.endsWith(".json")) {
                dataFiles.put(rel, text(file, prefix + rel));
            } else if (lower.endsWith(".properties") && lower.startsWith("messages") && !rel.contains("/")) {
                bundles.put(name, text(file, prefix + rel));
            }
        }
        if (drl.isEmpty()) {
            throw new SondeException("rule pack " + origin + " has no .drl file");
        }
        Map<String, List<Object>> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : dataFiles.entrySet()) {
            data.put(e.getKey(), readData(prefix + e.getKey(), e.getValue()));
        }
        Map<String, Map<String, String>> messages = new TreeMap<>();
        for (Map.Entry<String, String> e : bundles.entrySet()) {
            messages.put(languageTag(e.getKey()), readProperties(prefix + e.getKey(), e.getValue()));
        }
        return new RulePack(manifest, drl, data, messages, origin, false,
                List.of(manifest.id() + " " + manifest.version() + " (" + origin + "): " + drl.size() + " DRL files"),
                List.of((manifest.id() + " " + manifest.version()).strip()));
    }

    /**
     * Reads one data file outside any pack (e.g. an endpoint catalog given with {@code --endpoints}), with
     * the same sections and checks as a pack's data files.
     *
     * @throws SondeException when it cannot be read or is not valid, naming the file, section and index
     */
    public static List<Object> readDataFile(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new SondeException(file + ": no such file");
        }
        return readData(file.toString(), text(file, file.toString()));
    }

    static PackManifest readManifest(String json) {
        JsonNode node = parse("pack.json", json);
        try {
            String id = node.path("id").asText(null);
            if (id == null) {
                throw new IllegalArgumentException("'id' is missing");
            }
            if (!node.path("apiVersion").canConvertToInt()) {
                throw new IllegalArgumentException("'apiVersion' is missing or not a whole number");
            }
            int api = node.path("apiVersion").asInt();
            PackManifest m = new PackManifest(id, node.path("version").asText(""), api,
                    node.path("description").asText(""), names(node, "disables"), names(node, "extends"));
            if (api > API_VERSION || api < 1) {
                throw new SondeException("rule pack '" + id + "' needs rule API version " + api
                        + "; this Sonde supports version " + API_VERSION);
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new SondeException("pack.json: " + e.getMessage(), e);
        }
    }

    /** A string or an array of strings; empty when absent. */
    private static List<String> names(JsonNode node, String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a name or an array of names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must be a name or an array of names");
            }
            out.add(e.asText());
        }
        return out;
    }

    static List<Object> readData(String file, String json) {
        JsonNode root = parse(file, json);
        if (!root.isObject()) {
            throw new SondeException(file + ": expected an object of sections such as {\"interceptors\": [...]}");
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            String key = section.getKey();
            if (key.startsWith("_") || key.startsWith("$")) {
                continue;
            }
            Class<?> type = SECTIONS.get(key);
            if (type == null) {
                throw new SondeException(file + ": unknown section '" + key + "' (known: "
                        + String.join(", ", new TreeMap<>(SECTIONS).keySet()) + ")");
            }
            if (!section.getValue().isArray()) {
                throw new SondeException(file + ": section '" + key + "' must be an array");
            }
            int i = 0;
            for (JsonNode element : section.getValue()) {
                try {
                    out.add(JSON.treeToValue(element, type));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new SondeException(file + ": " + key + "[" + i + "]: " + rootMessage(e), e);
                }
                i++;
            }
        }
        return out;
    }

    private static JsonNode parse(String file, String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SondeException(file + (line > 0 ? " line " + line : "") + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** {@code messages_fr_CA.properties} → {@code fr-CA}; {@code messages.properties} → {@code ""}. */
    static String languageTag(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".properties".length());
        if (!base.contains("_")) {
            return "";
        }
        return base.substring(base.indexOf('_') + 1).replace('_', '-');
    }

    static Map<String, String> readProperties(String file, String text) {
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
            throw new SondeException(file + ": cannot be read as properties: " + e.getMessage(), e);
        }
        return ordered;
    }

    static String text(Path file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new SondeException(name + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new SondeException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
