package dev.sonde.spi;

import dev.sonde.SondeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Opens files that come from untrusted places (logs, catalogs, saved proxy settings, rule packs) the one safe
 * way: only regular files are opened, never a named pipe, a device or a socket (opening a FIFO blocks until
 * someone writes to it; {@code /dev/zero} never ends), whatever name or symbolic link leads to them; and
 * whole-file reads stop at a size cap instead of running out of memory.
 *
 * <p>The check and the open are two steps: a local user who can replace a file between them is outside
 * Sonde's threat model ({@code docs/security.md}); everything else is refused before a byte is read.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Why {@code path} must not be opened as a file, or empty when it is a regular file (symbolic links
     * followed): {@code "it is a folder"}, {@code "it is a named pipe (FIFO)"}, {@code "it is a device"},
     * {@code "it is a socket"}, {@code "no such file"}, ...
     */
    public static Optional<String> notRegular(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of("no such file or folder");
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (IOException | RuntimeException e) {
            return Optional.of("its attributes cannot be read (" + reason(e) + ")");
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("it is a folder, not a file");
        }
        return Optional.of("it is " + special(path) + ", not a regular file");
    }

    /** What kind of special file this is, in words (POSIX file type when the platform tells it). */
    private static String special(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "a named pipe (FIFO)";
                    case 0020000:
                        return "a character device";
                    case 0060000:
                        return "a block device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no unix view: say what we know
        }
        return "a special file (a pipe, device or socket)";
    }

    /**
     * Opens a regular file for reading.
     *
     * @throws IOException naming the file and why ({@link java.nio.file.FileSystemException#getReason()}: "it is a
     *                     named pipe (FIFO), not a regular file"), when it is not a regular file or cannot be opened
     */
    public static InputStream open(Path file) throws IOException {
        Optional<String> why = notRegular(file);
        if (why.isPresent()) {
            // the file system's own exception type: its reason reads without the path (see reason below)
            throw new java.nio.file.FileSystemException(file.toString(), null, why.get());
        }
        return Files.newInputStream(file);
    }

    /**
     * Reads a whole regular file of at most {@code maxBytes} bytes.
     *
     * @param what what the file is, for the message ({@code "the endpoint catalog"})
     * @throws SondeException one sentence naming the file and why, when it is not a regular file, is larger
     *                        than {@code maxBytes} (checked while reading, not trusted from its size) or
     *                        cannot be read
     */
    public static byte[] read(Path file, long maxBytes, String what) {
        Optional<String> why = notRegular(file);
        if (why.isPresent()) {
            throw new SondeException(what + " " + file + " cannot be read: " + why.get());
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new SondeException(what + " " + file + " is larger than " + size(maxBytes)
                            + "; it was not read");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new SondeException(what + " " + file + " cannot be read (" + reason(e) + ")", e);
        }
    }

    /** {@link #read} as UTF-8 text (a byte-order mark is dropped; malformed bytes become U+FFFD). */
    public static String readUtf8(Path file, long maxBytes, String what) {
        byte[] bytes = read(file, maxBytes, what);
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    /** A size in words: {@code "1 MiB"}, {@code "64 KiB"}, {@code "100 bytes"}. */
    public static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** An I/O failure in words, without Java class names: "permission denied", "no such file" ... */
    public static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason(); // "File name too long", "Not a directory": without the paths it names
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : m;
    }
}
