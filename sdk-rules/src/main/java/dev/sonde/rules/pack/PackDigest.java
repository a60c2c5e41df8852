package dev.sonde.rules.pack;

import dev.sonde.SondeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What "the content of a pack" is, said once: the SHA-256 of each file, from one bounded reading of the pack
 * ({@link PackFiles}), and a digest over (path, SHA-256) of a <em>named selection</em> of those files. Each user
 * names its selection and why:
 *
 * <ul>
 * <li>{@link Selection#SIGNED}, the signature: every file, golden cases included, since the signer vouches for all
 *     of it ({@code pack.sig} itself aside, which holds the signature);</li>
 * <li>{@link Selection#ENGINE}, hot reload: the files the engine reads ({@code .drl}, {@code .json},
 *     {@code .properties} outside {@code cases/}), so that a golden case, a README or an editor's swap file never
 *     reloads ({@code docs/hot-reload.md});</li>
 * <li>{@link Selection#DRL}, the compile cache: the DRL the rules are compiled from (the classes it imports, the
 *     Java and Drools versions are the rest of the cache key).</li>
 * </ul>
 */
public final class PackDigest {

    /** A named choice of a pack's files. */
    public enum Selection {
        /** Every file but {@code pack.sig}: what a signature covers. */
        SIGNED(path -> !path.equals(SIGNATURE_FILE)),
        /** Rules, data, bundles and the manifest: {@code .drl}, {@code .json}, {@code .properties} outside {@code cases/}. */
        ENGINE(path -> !path.startsWith("cases/") && hasExtension(path, ".drl", ".json", ".properties")),
        /** The DRL files outside {@code cases/}. */
        DRL(path -> !path.startsWith("cases/") && hasExtension(path, ".drl"));

        private final Predicate<String> test;

        Selection(Predicate<String> test) {
            this.test = test;
        }

        /** True when the file at {@code path} (inside the pack, with {@code /}) belongs to this selection. */
        public boolean includes(String path) {
            return test.test(path);
        }
    }

    /** The signature file at a pack's root (never part of what it signs). */
    public static final String SIGNATURE_FILE = "pack.sig";
    /** What a pack folder and a missing pack add to {@link #engineInput} (an archive adds its SHA-256). */
    private static final byte[] FOLDER = {1};
    private static final byte[] MISSING = {0};

    private PackDigest() {
    }

    /** The SHA-256 of each file of {@code files} in {@code selection}, by path (sorted). */
    public static SortedMap<String, byte[]> select(PackFiles files, Selection selection) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.files().forEach((path, f) -> {
            if (selection.includes(path)) {
                out.put(path, f.sha256());
            }
        });
        return out;
    }

    /** The digest of a selection: hex SHA-256 over each (path, SHA-256), in path order. */
    public static String of(SortedMap<String, byte[]> sha256ByPath) {
        MessageDigest md = PackFiles.sha256();
        sha256ByPath.forEach((path, sha) -> {
            entry(md, path);
            md.update(sha);
        });
        return HexFormat.of().formatHex(md.digest());
    }

    /** The digest of a selection of a pack's files. */
    public static String of(PackFiles files, Selection selection) {
        return of(select(files, selection));
    }

    /**
     * The {@link Selection#DRL} digest of a pack as it is compiled: each DRL text (UTF-8) by its path. A layered
     * pack's DRL is what layering made of its packs' files, which is what the compiler sees.
     */
    public static String drl(RulePack pack) {
        SortedMap<String, byte[]> sha = new TreeMap<>();
        for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
            sha.put(drl.getKey(), PackFiles.sha256().digest(drl.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return of(sha);
    }

    /**
     * The {@link Selection#ENGINE} digest of packs in layering order, for a reload to tell whether they changed: per
     * pack its place, then, for a folder, the engine's files read as a pack is read; for an archive, its bytes (the
     * engine reads every entry of an archive, inside the pack's folder or not); for a missing pack, that it is
     * missing.
     *
     * @return the digest, or null when a pack cannot be read (it breaks a limit, holds a link, a file vanished while
     *         read): the caller cannot tell, and compiles
     */
    public static String engineInput(List<Path> packs) {
        SortedMap<String, byte[]> all = new TreeMap<>();
        try {
            for (int i = 0; i < packs.size(); i++) {
                Path pack = packs.get(i);
                // the index keeps the order of the packs, the path which pack it is
                String at = String.format(Locale.ROOT, "%04d %s/", i, pack.toAbsolutePath().normalize());
                if (Files.isDirectory(pack)) {
                    all.put(at, FOLDER);
                    select(PackFiles.readTree(pack, pack.toString(), false), Selection.ENGINE)
                            .forEach((path, sha) -> all.put(at + path, sha));
                } else if (Files.isRegularFile(pack)) {
                    if (Files.size(pack) > PackFiles.MAX_TOTAL_BYTES) {
                        return null; // refused by the engine anyway; not worth reading on every file event
                    }
                    all.put(at, sha256(pack));
                } else {
                    all.put(at, MISSING); // a state of its own
                }
            }
        } catch (SondeException | IOException e) {
            return null;
        }
        return of(all);
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest md = PackFiles.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }

    /** A length-prefixed string: no two sequences of entries give the same bytes to hash. */
    private static void entry(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
    }

    private static boolean hasExtension(String path, String... extensions) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (lower.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
