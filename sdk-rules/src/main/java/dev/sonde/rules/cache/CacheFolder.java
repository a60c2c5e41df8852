package dev.sonde.rules.cache;

import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compile cache's folder, and the secret key that authenticates its entries. Entries are code (see
 * {@link CompileCache}), so a folder is used only when the user running Sonde owns it and no one else may
 * write to it, and its key file is this user's and readable by no one else:
 *
 * <ul>
 * <li>POSIX file systems: the folder, the key file and every entry read are owned by the current user
 *     (the owner of a file this process creates), the folder and entries are not writable by group or
 *     others, and the key file has no group or other permission at all; the key file and entries must be
 *     regular files, not symbolic links;</li>
 * <li>other file systems (Windows): the same owner checks, where the file system reports an owner;
 *     access lists are not read: a folder under {@code %LOCALAPPDATA%} inherits the profile's, which only the
 *     user, SYSTEM and administrators may write.</li>
 * </ul>
 *
 * <p>A folder that fails a check is not used, and {@link Opened#trouble()} says why in plain words.
 */
final class CacheFolder {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFolder.class);
    /** The secret key's file in the folder: 32 random bytes, owner-only. */
    static final String KEY_FILE = "sonde-cache.key";
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_WRITE = Set.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static volatile UserPrincipal currentUser;

    private final Path dir;

    CacheFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * A cache folder's check: its secret key when the folder can be used, else why not as one sentence a user
     * reads (or neither: nothing to use yet).
     */
    record Opened(Optional<byte[]> key, Optional<String> trouble) {
        static Opened absent() {
            return new Opened(Optional.empty(), Optional.empty());
        }

        static Opened refused(String sentence) {
            return new Opened(Optional.empty(), Optional.of(sentence));
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Checks the folder and reads its key. With {@code create}, a missing folder is created owner-only and a
     * missing key is made; without, a missing folder or key is simply nothing to read ({@link Opened#absent()}).
     */
    Opened open(boolean create) {
        String step = "read";
        try {
            if (!Files.exists(dir)) {
                if (!create) {
                    return Opened.absent();
                }
                step = "created";
                if (posix(dir)) {
                    Files.createDirectories(dir, OWNER_ONLY_FOLDER);
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (!Files.isDirectory(dir)) {
                return Opened.refused(what() + " is not used: it is not a folder");
            }
            Optional<String> foreign = notPrivate(dir, false, "it");
            if (foreign.isPresent()) {
                return Opened.refused(what() + " is not used: " + foreign.get());
            }
            Path keyFile = dir.resolve(KEY_FILE);
            if (!Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) {
                if (!create) {
                    return Opened.absent();
                }
                step = "written to";
                makeKey(keyFile);
                step = "read";
            }
            Optional<String> badKey = notPrivate(keyFile, true, "its key file " + keyFile);
            if (badKey.isPresent()) {
                return Opened.refused(what() + " is not used: " + badKey.get());
            }
            byte[] key;
            try (InputStream in = Files.newInputStream(keyFile, LinkOption.NOFOLLOW_LINKS)) {
                key = in.readNBytes(KEY_BYTES + 1);
            }
            if (key.length != KEY_BYTES) {
                return Opened.refused(what() + " is not used: its key file " + keyFile + " is damaged (delete it,"
                        + " and the cache is started again)");
            }
            return new Opened(Optional.of(key), Optional.empty());
        } catch (IOException | RuntimeException e) {
            LOG.debug("compile cache {} not usable", dir, e);
            return Opened.refused(what() + " is not used: it cannot be " + step + " (" + reason(e) + ")");
        }
    }

    /**
     * Why {@code path} may not be trusted, or empty: not owned by the current user, writable by others (for a
     * file {@code secret}: any permission for others), or, for a file, not a regular file.
     */
    Optional<String> notPrivate(Path path, boolean secret, String name) throws IOException {
        boolean file = secret || !path.equals(dir);
        LinkOption[] links = file ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, links);
        if (file && !basic.isRegularFile()) {
            return Optional.of(name + " is not a regular file");
        }
        Optional<UserPrincipal> me = currentUser();
        UserPrincipal owner;
        try {
            owner = Files.getOwner(path, links);
        } catch (UnsupportedOperationException e) {
            owner = null; // a file system without owners (FAT): nothing to compare
        }
        if (owner != null && me.isEmpty()) {
            return Optional.of("the user running Sonde cannot be told (no file can be created in the temporary folder)");
        }
        if (owner != null && !owner.equals(me.get())) {
            return Optional.of(name + " belongs to " + owner.getName() + ", not to " + me.get().getName()
                    + " who runs Sonde");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, links);
        if (view != null) {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (secret && perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return Optional.of(name + " may be read by other users (chmod 600 it, or delete it and the cache)");
            }
            if (perms.stream().anyMatch(GROUP_OR_OTHERS_WRITE::contains)) {
                return Optional.of(name + " may be written by other users (chmod go-w it)");
            }
        }
        return Optional.empty();
    }

    /** Makes the key atomically, owner-only from its creation: an unfinished key is never seen under its name. */
    private void makeKey(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = posix(dir) ? Files.createTempFile(dir, "sonde-key-", ".tmp", OWNER_ONLY_FILE)
                : Files.createTempFile(dir, "sonde-key-", ".tmp");
        try {
            Files.write(tmp, key);
            try {
                Files.createLink(keyFile, tmp); // never replaces: when two starts race, the first key wins
            } catch (FileAlreadyExistsException e) {
                // another Sonde made it first: use theirs
            } catch (UnsupportedOperationException | IOException e) {
                try {
                    Files.move(tmp, keyFile); // no hard links here: a move that refuses to replace
                } catch (FileAlreadyExistsException raced) {
                    // another Sonde made it first
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The user running Sonde: the owner of a file this process creates (once per process), else the user named
     * by {@code user.name}; empty when neither can be found.
     */
    static Optional<UserPrincipal> currentUser() {
        UserPrincipal known = currentUser;
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Path probe = probeFile();
            try {
                known = Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot tell the current user from a temporary file", e);
            try {
                known = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name", ""));
            } catch (IOException | RuntimeException again) {
                return Optional.empty();
            }
        }
        currentUser = known;
        return Optional.of(known);
    }

    /**
     * A new empty file in the temporary folder, for its owner. {@code createFile} never opens an
     * existing file nor follows a link (O_EXCL), so the name need not be secret: not {@code createTempFile}, whose
     * SecureRandom costs a cold start milliseconds.
     */
    private static Path probeFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; ; attempt++) {
            Path probe = tmp.resolve("sonde-owner-" + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.createFile(probe);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 3) {
                    continue;
                }
                throw e;
            }
            return probe;
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private String what() {
        return "the compile cache " + dir;
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? InputFiles.reason(io) : "an unexpected problem, logged at debug level";
    }
}
