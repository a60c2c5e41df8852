package dev.sonde;

import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the log files among the paths given to {@link Sonde#analyze}: files as given, folders searched
 * recursively for {@code *.log}, for the saved outputs of {@link HostEvidence} (by their documented names) and for archives ({@code *.zip}, {@code *.gz}: {@link LogArchives} reads them). A folder that cannot be searched (permission denied, a path longer than the
 * system allows, an I/O error) is skipped with a warning and the rest is searched; a {@code *.log} that is
 * not a regular file (a named pipe, a device, a socket) is listed so that it is reported, never opened.
 * Symbolic links to folders are not followed (no loops); links to files are. The search stops, with a
 * warning, when the deadline passes.
 */
final class LogFiles {

    /** How often, in files seen, the search looks at the clock. */
    private static final int CLOCK_EVERY = 256;

    private LogFiles() {
    }

    /** Files as given, folders expanded to their {@code *.log} and host evidence files, sorted, each once. */
    static List<Path> expand(Collection<Path> paths, List<Warning> warnings, Instant deadline) {
        Map<Object, Path> files = new LinkedHashMap<>(); // identity of the file (see key) -> path as found
        for (Path p : paths) {
            Objects.requireNonNull(p, "path");
            if (Instant.now().isAfter(deadline)) {
                warnings.add(Warning.incomplete(p.toString(), 0,
                        "not searched: the analysis deadline passed before it was reached"));
                continue;
            }
            if (Files.isDirectory(p)) {
                search(p, files, warnings, deadline);
            } else {
                files.putIfAbsent(key(p, null), p);
            }
        }
        List<Path> out = new ArrayList<>(files.values());
        out.sort(null);
        return out;
    }

    private static void search(Path folder, Map<Object, Path> files, List<Warning> warnings, Instant deadline) {
        int[] seen = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return late() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++seen[0] % CLOCK_EVERY == 0 && late()) {
                        return FileVisitResult.TERMINATE;
                    }
                    String name = file.getFileName().toString();
                    if ((name.toLowerCase(Locale.ROOT).endsWith(".log") || LogArchives.isArchive(name)
                            || HostEvidence.ofFile(name).isPresent())
                            && !Files.isDirectory(file)) {
                        files.putIfAbsent(key(file, attrs), file); // a special file is refused, with a warning, later
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnings.add(Warning.incomplete(file.toString(), 0, "not searched: " + InputFiles.reason(e)
                            + "; the rest of " + folder + " was"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        warnings.add(Warning.incomplete(dir.toString(), 0, "not searched completely: "
                                + InputFiles.reason(e) + "; the rest of " + folder + " was"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean late() {
                    if (Instant.now().isAfter(deadline)) {
                        warnings.add(Warning.incomplete(folder.toString(), 0, "not searched completely: the analysis "
                                + "deadline passed while looking for *.log files and archives (" + files.size() + " found so far)"));
                        return true;
                    }
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            warnings.add(Warning.incomplete(folder.toString(), 0, "could not be searched completely: "
                    + (e instanceof IOException io ? InputFiles.reason(io) : String.valueOf(e.getMessage()))));
        }
    }

    /**
     * What makes two paths the same file: the file system's key (device and inode) of a regular file met in a search,
     * which costs nothing more; else (links, files given by name) the real path, which costs a system call or more.
     */
    private static Object key(Path p, BasicFileAttributes attrs) {
        if (attrs != null && attrs.isRegularFile() && attrs.fileKey() != null) {
            return attrs.fileKey();
        }
        try {
            Path real = p.toRealPath();
            Object fileKey = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
            return fileKey != null ? fileKey : real;
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
