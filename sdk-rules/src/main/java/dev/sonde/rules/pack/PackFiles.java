package dev.sonde.rules.pack;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.spi.InputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of one rule pack, read once into memory: path (relative to the pack root, with {@code /}) →
 * SHA-256 and, outside {@code cases/}, the bytes. Signature checks and the {@link RulePack} built from a pack
 * use the same snapshot, so what is verified is what is compiled: a file changed on disk in between is
 * never read.
 *
 * <p>Reading is bounded before and while it happens, never by sizes an archive declares: at most
 * {@value #MAX_ENTRIES} files and folders, {@link #MAX_FILE_BYTES} per file and {@link #MAX_TOTAL_BYTES} in
 * all (an archive file itself at most {@link #MAX_TOTAL_BYTES}), folders at most {@value #MAX_DEPTH} deep.
 * Inside a pack folder only regular files and folders are read: a symbolic link, a pipe, a device or a socket
 * refuses the pack (the pack folder given may itself be a link). Every path must be {@linkplain PackPaths#whyBadPath
 * portable and unambiguous}; in an archive, two entries that name the same file (after {@code \} → {@code /},
 * {@code ./} dropped, letter case ignored), an absolute path or a {@code ..} segment refuse the archive.
 */
public final class PackFiles {

    /** Files and folders a pack (or a pack archive, entries outside the pack included) may hold. */
    public static final int MAX_ENTRIES = 4096;
    /** The largest file of a pack, unpacked. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    /** All files of a pack together, unpacked; also the largest pack archive file. */
    public static final long MAX_TOTAL_BYTES = 64L << 20;
    /** Folders inside a pack, nested. */
    public static final int MAX_DEPTH = 16;

    /** One file: its SHA-256, and its bytes unless it is under {@code cases/} (hashed for the signature only). */
    public record File(byte[] sha256, byte[] bytes) {
    }

    private final String origin;
    private final String archiveRoot;
    private final SortedMap<String, File> files;

    private PackFiles(String origin, String archiveRoot, SortedMap<String, File> files) {
        this.origin = origin;
        this.archiveRoot = archiveRoot;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /** Where the pack was read from, as messages show it. */
    public String origin() {
        return origin;
    }

    /** In an archive, the pack's folder ({@code ""} at the root, {@code acme-1.0/}); null for a folder pack. */
    public String archiveRoot() {
        return archiveRoot;
    }

    /** Every file of the pack by path, sorted ({@value dev.sonde.rules.trust.PackSignature#FILE} included). */
    public SortedMap<String, File> files() {
        return files;
    }

    /** The bytes of a file outside {@code cases/}, or empty when there is no such file. */
    public Optional<byte[]> bytes(String path) {
        File f = files.get(path);
        return f == null || f.bytes() == null ? Optional.empty() : Optional.of(f.bytes());
    }

    /**
     * Reads the pack in a folder, or in a {@code .zip}/{@code .jar} holding it at its root or in one top folder.
     *
     * @throws RulePackException one sentence naming the pack (and entry or file) when it cannot be read or breaks a limit
     */
    public static PackFiles read(Path folderOrArchive) {
        if (Files.isDirectory(folderOrArchive)) {
            return readTree(folderOrArchive, folderOrArchive.toString());
        }
        if (!Files.isRegularFile(folderOrArchive)) {
            Optional<String> why = InputFiles.notRegular(folderOrArchive);
            throw new RulePackException("rule pack " + folderOrArchive + ": "
                    + (why.isEmpty() || why.get().startsWith("no such") ? "no such folder or archive" : why.get()));
        }
        return readArchive(folderOrArchive);
    }

    /**
     * Reads the pack whose root folder is {@code root} (on any file system, a zip file system included).
     *
     * @param origin the pack as messages name it
     */
    public static PackFiles readTree(Path root, String origin) {
        return readTree(root, origin, true);
    }

    /**
     * {@link #readTree(Path, String)}, leaving {@code cases/} out when {@code withCases} is false: for the built-in
     * pack, which is part of Sonde and never signature-checked, reading its golden cases would only cost time.
     */
    static PackFiles readTree(Path root, String origin, boolean withCases) {
        Path real;
        try {
            real = root.toRealPath(); // the pack folder given may be a link; nothing inside it is followed
        } catch (IOException e) {
            throw new RulePackException("rule pack " + origin + " cannot be read (" + InputFiles.reason(e) + ")", e);
        }
        SortedMap<String, File> out = new TreeMap<>();
        Budget budget = new Budget(origin);
        Map<String, String> folded = new HashMap<>();
        try {
            Files.walkFileTree(real, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH + 1,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(real)) {
                                String rel = relative(real, dir);
                                if (!withCases && rel.equals("cases")) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                budget.entry(rel);
                                PackPaths.checkPath(origin, rel, "folder");
                                PackPaths.unique(origin, folded, rel, rel);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            String rel = relative(real, file);
                            if (attrs.isDirectory()) {
                                throw new RulePackException("rule pack " + origin + ": " + PackPaths.shown(rel) + " is more than "
                                        + MAX_DEPTH + " folders deep; a pack may nest folders " + MAX_DEPTH + " deep at most");
                            }
                            if (attrs.isSymbolicLink()) {
                                throw new RulePackException("rule pack " + origin + ": " + PackPaths.shown(rel)
                                        + " is a symbolic link; links inside a pack are not followed, so the pack is refused"
                                        + " (put the file itself into the pack)");
                            }
                            if (!attrs.isRegularFile()) {
                                throw new RulePackException("rule pack " + origin + ": " + PackPaths.shown(rel) + " is "
                                        + InputFiles.notRegular(file).map(w -> w.replaceFirst("^it is ", ""))
                                                .orElse("not a regular file")
                                        + "; a pack may hold only files and folders");
                            }
                            budget.entry(rel);
                            PackPaths.checkPath(origin, rel, "file");
                            PackPaths.unique(origin, folded, rel, rel);
                            try (InputStream in = open(file)) {
                                out.put(rel, budget.read(rel, in, keepBytes(rel)));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            throw new RulePackException("rule pack " + origin + ": " + PackPaths.shown(relative(real, file))
                                    + " cannot be read (" + InputFiles.reason(e) + ")", e);
                        }
                    });
        } catch (IOException e) {
            throw new RulePackException("rule pack " + origin + " cannot be read (" + InputFiles.reason(e) + ")", e);
        }
        return new PackFiles(origin, null, out);
    }

    /** Opens a file without following a link (where the file system can say so). */
    private static InputStream open(Path file) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }
        return Files.newInputStream(file);
    }

    private static PackFiles readArchive(Path archive) {
        String origin = archive.toString();
        try {
            long size = Files.size(archive);
            if (size > MAX_TOTAL_BYTES) {
                throw new RulePackException("rule pack " + origin + " is larger than " + InputFiles.size(MAX_TOTAL_BYTES)
                        + ", the most a pack archive may be");
            }
        } catch (IOException e) {
            throw new RulePackException("rule pack " + origin + " cannot be read (" + InputFiles.reason(e) + ")", e);
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            Map<String, String> seen = new HashMap<>(); // lower-case name (a folder with its '/') → the entry's name
            Map<String, String> folders = new HashMap<>(); // lower-case folder path, given or implied → an entry in it
            Map<ZipEntry, String> normal = new HashMap<>();
            Budget budget = new Budget(origin);
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                budget.entry(e.getName());
                String name = PackPaths.normalise(origin, e.getName());
                if (name.isEmpty()) {
                    continue; // "./": the archive's root itself
                }
                PackPaths.unique(origin, seen, name, e.getName());
                boolean folder = name.endsWith("/");
                String path = folder ? name.substring(0, name.length() - 1) : name;
                PackPaths.checkPath(origin, path, "entry");
                String lower = path.toLowerCase(Locale.ROOT);
                if (folder) {
                    folders.putIfAbsent(lower, e.getName());
                } else {
                    entries.add(e);
                    normal.put(e, path);
                }
                for (int slash = lower.indexOf('/'); slash > 0; slash = lower.indexOf('/', slash + 1)) {
                    folders.putIfAbsent(lower.substring(0, slash), e.getName());
                }
            }
            for (ZipEntry e : entries) { // a file and a folder of the same name: which wins depends on the unpacker
                String clash = folders.get(normal.get(e).toLowerCase(Locale.ROOT));
                if (clash != null) {
                    throw new RulePackException("rule pack " + origin + ": entry " + PackPaths.shown(e.getName())
                            + " is a file, and " + PackPaths.shown(clash) + " makes it a folder too; such an archive is refused");
                }
            }
            String root = rootOf(normal.values());
            SortedMap<String, File> out = new TreeMap<>();
            for (ZipEntry e : entries) {
                String path = normal.get(e);
                boolean inPack = path.startsWith(root);
                String rel = inPack ? path.substring(root.length()) : path;
                try (InputStream in = zip.getInputStream(e)) {
                    File f = budget.read(e.getName(), in, inPack && keepBytes(rel)); // every entry counts
                    if (inPack) {
                        out.put(rel, f);
                    }
                }
            }
            return new PackFiles(origin, root, out);
        } catch (ZipException e) {
            throw unreadableArchive(origin, e);
        } catch (IOException e) {
            throw new RulePackException("rule pack " + origin + " cannot be read (" + InputFiles.reason(e) + ")", e);
        }
    }

    /** Golden cases are hashed for the signature but not kept: the engine never reads them. */
    private static boolean keepBytes(String rel) {
        return !rel.startsWith("cases/");
    }

    /** The pack's folder in an archive: the root when it holds pack.json, else the one top folder that does. */
    private static String rootOf(java.util.Collection<String> paths) {
        if (paths.contains("pack.json")) {
            return "";
        }
        List<String> tops = paths.stream().filter(p -> p.endsWith("/pack.json") && p.indexOf('/') == p.length() - 10)
                .map(p -> p.substring(0, p.length() - 9)).toList();
        return tops.size() == 1 ? tops.get(0) : "";
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Counts entries and bytes against the limits while reading. */
    private static final class Budget {
        private final String origin;
        private int entries;
        private long total;

        Budget(String origin) {
            this.origin = origin;
        }

        void entry(String name) {
            if (++entries > MAX_ENTRIES) {
                throw new RulePackException("rule pack " + origin + " holds more than " + MAX_ENTRIES
                        + " files and folders (at " + PackPaths.shown(name) + "), the most a pack may hold");
            }
        }

        /** Reads and hashes one file; keeps its bytes when {@code keep}. */
        File read(String name, InputStream in, boolean keep) throws IOException {
            MessageDigest sha = sha256();
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long size = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                size += n;
                total += n;
                if (size > MAX_FILE_BYTES) {
                    throw new RulePackException("rule pack " + origin + ": " + PackPaths.shown(name) + " is larger than "
                            + InputFiles.size(MAX_FILE_BYTES) + ", the most one file of a pack may hold");
                }
                if (total > MAX_TOTAL_BYTES) {
                    throw new RulePackException("rule pack " + origin + " holds more than " + InputFiles.size(MAX_TOTAL_BYTES)
                            + " once unpacked (at " + PackPaths.shown(name) + "), the most a pack may hold");
                }
                sha.update(buf, 0, n);
                if (keep) {
                    kept.write(buf, 0, n);
                }
            }
            return new File(sha.digest(), keep ? kept.toByteArray() : null);
        }
    }

    /**
     * The refusal of a file that is neither a folder nor an archive that can be opened. Its one problem names the
     * file itself ({@code origin}), not a file inside a pack: there is no pack to speak of.
     */
    static RulePackException unreadableArchive(String origin, Exception e) {
        String why = "neither a folder nor a readable .zip/.jar: " + e.getMessage();
        return new RulePackException("rule pack " + origin + " is " + why, List.of(PackProblem.error(origin, why)), e);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
