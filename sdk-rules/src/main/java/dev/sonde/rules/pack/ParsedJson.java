package dev.sonde.rules.pack;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pack's JSON files as read: its manifest ({@code pack.json}) and the records of each data file, each with the
 * SHA-256 of the bytes it was read from. The build stores the built-in pack's in its precompiled form
 * ({@link dev.sonde.rules.cache.PrecompiledPack}), so that a start reading the built-in pack takes a file's records
 * from there when the file has the very bytes they were read from, instead of parsing it with Jackson databind (a
 * tenth of a second of a cold start, and 500 classes). A file of other bytes (an edited class folder) is parsed.
 */
public final class ParsedJson {

    /** Nothing known: every file is parsed. */
    public static final ParsedJson NONE = new ParsedJson(Map.of());

    /** Files a pack may hold, at most: more in a stream is not ours. */
    private static final int MAX_FILES = PackFiles.MAX_ENTRIES;

    private record Parsed(byte[] sha256, Object value) {
    }

    private final Map<String, Parsed> files;

    private ParsedJson(Map<String, Parsed> files) {
        this.files = files;
    }

    /** The manifest and data files of {@code pack}, read from {@code files}. */
    static ParsedJson of(PackFiles files, RulePack pack) {
        Map<String, Parsed> out = new LinkedHashMap<>();
        files.files().forEach((path, file) -> {
            if (path.equals("pack.json")) {
                out.put(path, new Parsed(file.sha256(), pack.manifest()));
            } else if (pack.dataFiles().containsKey(path)) {
                out.put(path, new Parsed(file.sha256(), new ArrayList<>(pack.dataFiles().get(path))));
            }
        });
        return new ParsedJson(out);
    }

    /** The built-in pack's, as the build stores them. */
    public static ParsedJson builtIn() {
        return BuiltInPack.parsedJson();
    }

    /** The manifest read from a {@code pack.json} of these bytes' digest, if known. */
    Optional<PackManifest> manifest(byte[] sha256) {
        return known("pack.json", sha256).map(PackManifest.class::cast);
    }

    /** The records read from the data file {@code path} of these bytes' digest, if known. */
    @SuppressWarnings("unchecked")
    Optional<List<Object>> records(String path, byte[] sha256) {
        return known(path, sha256).map(v -> (List<Object>) v);
    }

    private Optional<Object> known(String path, byte[] sha256) {
        Parsed p = files.get(path);
        return p != null && MessageDigest.isEqual(p.sha256(), sha256) ? Optional.of(p.value()) : Optional.empty();
    }

    /** How many files are known. */
    public int size() {
        return files.size();
    }

    /** Writes them: for each file its path, digest and value (Java serialization of the model records). */
    public void write(ObjectOutputStream out) throws IOException {
        out.writeInt(files.size());
        for (Map.Entry<String, Parsed> e : files.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeObject(e.getValue().sha256());
            out.writeObject(e.getValue().value());
        }
    }

    /**
     * Reads what {@link #write} wrote. The caller sets the stream's deserialization filter; a value of the wrong
     * type is refused here.
     *
     * @throws IOException when the stream is not such a list
     */
    public static ParsedJson read(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int n = in.readInt();
        if (n < 0 || n > MAX_FILES) {
            throw new IOException("a list of " + n + " parsed files");
        }
        Map<String, Parsed> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            Object sha = in.readObject();
            Object value = in.readObject();
            boolean valid = sha instanceof byte[] b && b.length == 32 && (path.equals("pack.json")
                    ? value instanceof PackManifest : value instanceof List<?>);
            if (!valid) {
                throw new IOException("parsed file " + path + " is not a digest and " + (path.equals("pack.json")
                        ? "a manifest" : "a list of records"));
            }
            out.put(path, new Parsed((byte[]) sha, path.equals("pack.json") ? value : List.copyOf((List<?>) value)));
        }
        return new ParsedJson(Map.copyOf(out));
    }
}
