package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sonde} launcher's class-data archive (AppCDS, or the AOT cache on Java 25+): made in the background
 * after a run, in the cache folder, and used by the next runs only when the folder and the archive are this user's
 * and writable by no one else and the archive has the size it was made with; never in a folder others may write
 * to; never with {@code SONDE_CDS=0}. The launcher runs from a copy of the checkout's layout holding only the
 * script, the packaged jar and a sample, so that it never builds (it finds no sources to be newer than the jar).
 */
class LauncherArchiveIT {

    @TempDir
    Path tmp;

    @Test
    void theArchiveIsMadeOnceInAPrivateFolderUsedAfterwardsAndRefusedWhenOthersMayWriteIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isExecutable(Path.of("/usr/bin/stat")),
                "a Linux shell");
        Path root = checkoutCopy();
        Path shared = tmp.resolve("shared");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwx---"));
        assertThat(run(root, shared)).doesNotContain("class-data archive");
        Thread.sleep(2_000);
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files.toList()).as("nothing made in a folder the group may write to").isEmpty();
        }

        Path cache = tmp.resolve("cache");
        assertThat(run(root, cache)).doesNotContain("class-data archive");
        Path archive = awaitArchive(cache);
        String used = run(root, cache);
        assertThat(used).contains("class-data archive " + archive + " (mapped)");
        assertThat(run(root, cache, "SONDE_CDS", "0")).doesNotContain("class-data archive");

        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(run(root, cache)).as("writable by others").doesNotContain("class-data archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(run(root, cache)).contains("class-data archive " + archive + " (mapped)");

        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-------"));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(run(root, cache)).as("truncated").doesNotContain("class-data archive");
    }

    /** The launcher, the jar and its libraries, and the sample the archive is trained on, in a folder of its own. */
    private Path checkoutCopy() throws IOException {
        Path root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("sdk-cli"));
        Files.createDirectories(root.resolve("sdk-examples"));
        Files.copy(Path.of("..", "sonde"), root.resolve("sonde"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(root.resolve("sdk-cli").resolve("target"), Path.of("target").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("sdk-examples").resolve("samples"),
                Path.of("..", "sdk-examples", "samples").toAbsolutePath().normalize());
        return root;
    }

    /** Runs {@code sonde analyze} on a sample with SONDE_TIMING=1 and returns its stderr. */
    private String run(Path root, Path cache, String... env) throws Exception {
        File err = File.createTempFile("sonde-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/bash", root.resolve("sonde").toString(), "analyze",
                    root.resolve("sdk-examples/samples/fiddler-interception").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err);
            builder.environment().put("SONDE_CACHE_DIR", cache.toString());
            builder.environment().put("SONDE_TIMING", "1");
            builder.environment().remove("SONDE_CDS");
            for (int i = 0; i + 1 < env.length; i += 2) {
                builder.environment().put(env[i], env[i + 1]);
            }
            Process p = builder.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sonde finished within 2 minutes").isTrue();
            String text = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isEqualTo(1);
            assertThat(text).contains("sonde timing:");
            return text;
        } finally {
            err.delete();
        }
    }

    /** The archive the launcher makes in the background, once it is there (within 2 minutes). */
    private static Path awaitArchive(Path cache) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < end) {
            Optional<Path> archive;
            boolean training;
            try (Stream<Path> files = Files.list(cache)) {
                List<Path> all = files.toList();
                archive = all.stream().filter(f -> f.toString().matches(".*/sonde-(jsa|aot)-\\d+-\\d+\\.(jsa|aot)"))
                        .findFirst();
                training = all.stream().anyMatch(f -> f.toString().endsWith(".lock"));
            }
            if (archive.isPresent() && !training) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
                return archive.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no class-data archive in " + cache + " after 2 minutes");
    }
}
