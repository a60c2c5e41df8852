package dev.sonde.rules.watch;

import dev.sonde.rules.pack.PackDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher of rule packs and the content digest that decides "unchanged", with a counting reload instead of a
 * compile. {@code HotReloadTest} runs the whole thing with Drools.
 */
class RulePackWatcherTest {

    @TempDir
    Path tmp;

    static final long WAIT_SECONDS = 30;

    Path pack(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"t\", \"apiVersion\": 1}");
        Files.writeString(dir.resolve("rules.drl"), "package t;\nrule \"A\" when then end\n");
        Files.writeString(dir.resolve("messages_en.properties"), "A.title=A\n");
        Files.createDirectories(dir.resolve("cases/one"));
        Files.writeString(dir.resolve("cases/one/auth.log"), "x");
        return dir;
    }

    @Test
    void theHashFollowsWhatTheEngineReadsAndNothingElse() throws IOException {
        Path pack = pack("p");
        String before = PackDigest.engineInput(List.of(pack));
        assertThat(before).hasSize(64);
        assertThat(PackDigest.engineInput(List.of(pack))).isEqualTo(before);

        // golden cases, editor swap files and other files are not read by the engine
        Files.writeString(pack.resolve("cases/one/auth.log"), "changed");
        Files.writeString(pack.resolve("cases/one/expect.json"), "{}");
        Files.writeString(pack.resolve(".rules.drl.swp"), "vim");
        Files.writeString(pack.resolve("README.md"), "notes");
        assertThat(PackDigest.engineInput(List.of(pack))).isEqualTo(before);

        // rules, data and bundles are, in sub-folders too
        Files.writeString(pack.resolve("rules.drl"), "package t;\nrule \"B\" when then end\n");
        String edited = PackDigest.engineInput(List.of(pack));
        assertThat(edited).isNotEqualTo(before);
        Files.writeString(pack.resolve("rules.drl"), "package t;\nrule \"A\" when then end\n");
        assertThat(PackDigest.engineInput(List.of(pack))).isEqualTo(before);
        Files.createDirectories(pack.resolve("more"));
        Files.writeString(pack.resolve("more/data.json"), "{}");
        assertThat(PackDigest.engineInput(List.of(pack))).isNotEqualTo(before);
        Files.delete(pack.resolve("more/data.json"));
        assertThat(PackDigest.engineInput(List.of(pack))).isEqualTo(before);
        Files.writeString(pack.resolve("messages_fr.properties"), "A.title=A\n");
        assertThat(PackDigest.engineInput(List.of(pack))).isNotEqualTo(before);

        // moving content between files is a change; so is the order of the packs
        Path a = pack("a");
        Path b = pack("b");
        assertThat(PackDigest.engineInput(List.of(a, b))).isNotEqualTo(PackDigest.engineInput(List.of(b, a)));
        Files.writeString(a.resolve("x.drl"), "ab");
        Files.writeString(a.resolve("y.drl"), "c");
        String split1 = PackDigest.engineInput(List.of(a));
        Files.writeString(a.resolve("x.drl"), "a");
        Files.writeString(a.resolve("y.drl"), "bc");
        assertThat(PackDigest.engineInput(List.of(a))).isNotEqualTo(split1);

        // an archive is its bytes; a missing pack is a state of its own
        Path zip = Files.write(tmp.resolve("p.zip"), new byte[] {1, 2, 3});
        String zipHash = PackDigest.engineInput(List.of(zip));
        Files.write(zip, new byte[] {1, 2, 4});
        assertThat(PackDigest.engineInput(List.of(zip))).isNotEqualTo(zipHash);
        Files.delete(zip);
        assertThat(PackDigest.engineInput(List.of(zip))).hasSize(64).isNotEqualTo(zipHash);
    }

    /**
     * A watcher whose reload counts, and which sees every file event the watcher takes: tests wait for those events
     * (30 s at most, as a failure guard), never for a time.
     */
    static final class Counting {
        final AtomicInteger reloads = new AtomicInteger();
        /** Guarded by {@code this}: the files whose events were taken, and events that change a pack not yet reloaded. */
        private final Set<Path> taken = new HashSet<>();
        private int changesSinceReload;
        private int changes;

        RulePackWatcher watch(List<Path> packs, Duration debounce) {
            RulePackWatcher watcher = new RulePackWatcher(packs, debounce, this::reload, this::taken);
            watcher.start();
            return watcher;
        }

        synchronized void reload() {
            reloads.incrementAndGet();
            changesSinceReload = 0;
            notifyAll();
        }

        synchronized void taken(Path path, boolean changesPack) {
            taken.add(path.toAbsolutePath().normalize());
            if (changesPack) {
                changes++;
                changesSinceReload++;
            }
            notifyAll();
        }

        /** Events taken so far that may change a pack. */
        synchronized int changes() {
            return changes;
        }

        int awaitAtLeast(int n) throws InterruptedException {
            await(() -> reloads.get() >= n);
            return reloads.get();
        }

        /**
         * Waits until the watcher took the events of {@code markers} (files written after the edits that matter, in
         * the same folders: their events come after the edits' events) and every change it took was reloaded.
         *
         * @return the reload count then
         */
        int awaitSettled(Path... markers) throws InterruptedException {
            List<Path> wanted = Stream.of(markers).map(p -> p.toAbsolutePath().normalize()).toList();
            await(() -> taken.containsAll(wanted) && changesSinceReload == 0);
            return reloads.get();
        }

        private synchronized void await(BooleanSupplier done) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!done.getAsBoolean()) {
                if (System.nanoTime() - until >= 0) {
                    throw new AssertionError("the watcher did not get there within " + WAIT_SECONDS + " s: " + reloads
                            + " reloads, " + changesSinceReload + " changes not reloaded, events taken of " + taken);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        }
    }

    /** Waits for the watcher threads to end (their {@code join}), 30 s at most. */
    static void joinWatcherThreads() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(RulePackWatcher.THREAD_NAME)) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        }
    }

    /**
     * Writes a file no pack reads ({@code marker-N.txt}) into {@code folder}: once the watcher took its event, it took
     * every earlier event of that folder.
     */
    private Path marker(Path folder) throws IOException {
        return Files.writeString(folder.resolve("marker-" + markers.incrementAndGet() + ".txt"), "not a pack file");
    }

    private final AtomicInteger markers = new AtomicInteger();

    static boolean watcherThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(RulePackWatcher.THREAD_NAME) && t.isAlive());
    }

    @Test
    void theWatcherSeesEditsInSubFoldersNewAndOldButNotInCases() throws Exception {
        Path pack = pack("w");
        Files.createDirectories(pack.resolve("rules/deep"));
        Counting counting = new Counting();
        RulePackWatcher watcher = counting.watch(List.of(pack), Duration.ofMillis(100));
        try {
            Files.writeString(pack.resolve("rules/deep/x.drl"), "package t;\n");
            assertThat(counting.awaitAtLeast(1)).isEqualTo(1);

            // a folder created later (with a file already in it when it is registered) is watched as well
            Path later = Files.createDirectories(pack.resolve("later/inner"));
            Files.writeString(later.resolve("y.drl"), "package t;\n");
            assertThat(counting.awaitAtLeast(2)).isGreaterThanOrEqualTo(2);
            // late events of that burst have been taken and reloaded
            int settled = counting.awaitSettled(marker(pack), marker(later));
            Files.writeString(later.resolve("y.drl"), "package t; // edited\n");
            assertThat(counting.awaitAtLeast(settled + 1)).isEqualTo(settled + 1);

            // cases/ (even a new case folder) and files the engine does not read start nothing
            int before = counting.awaitSettled(marker(pack), marker(later));
            int changes = counting.changes();
            Files.createDirectories(pack.resolve("cases/two"));
            Files.writeString(pack.resolve("cases/two/expect.json"), "{}");
            Files.writeString(pack.resolve("cases/one/auth.log"), "edited");
            Files.writeString(pack.resolve("notes.txt"), "x");
            // cases/ is not watched at all: only notes.txt (written last) gives an event
            assertThat(counting.awaitSettled(pack.resolve("notes.txt"))).isEqualTo(before);
            assertThat(counting.changes()).isEqualTo(changes);
        } finally {
            watcher.close();
        }
    }

    @Test
    void aBurstOfEventsGivesOneReloadAndCloseEndsTheThread() throws Exception {
        Path pack = pack("burst");
        Counting counting = new Counting();
        RulePackWatcher watcher = counting.watch(List.of(pack), Duration.ofSeconds(2));
        try {
            assertThat(watcherThreadAlive()).isTrue();
            for (int i = 0; i < 10; i++) { // closer together than the quiet time: one burst
                Files.writeString(pack.resolve("rules.drl"), "package t; // " + i + "\n");
                Thread.sleep(100);
            }
            assertThat(counting.awaitAtLeast(1)).isEqualTo(1);
            // every event of the burst taken (the marker's comes after them), and no change left to reload
            assertThat(counting.awaitSettled(marker(pack))).isEqualTo(1);
        } finally {
            watcher.close();
            watcher.close();
        }
        joinWatcherThreads();
        assertThat(watcherThreadAlive()).isFalse();
    }

    @Test
    void anArchiveIsWatchedThroughItsFolderForItsNameOnly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("archives"));
        Path zip = Files.write(dir.resolve("pack.zip"), new byte[] {1});
        Counting counting = new Counting();
        RulePackWatcher watcher = counting.watch(List.of(zip), Duration.ofMillis(100));
        try {
            Files.write(dir.resolve("other.zip"), new byte[] {2});
            Files.writeString(dir.resolve("rules.drl"), "package t;\n");
            assertThat(counting.awaitSettled(dir.resolve("other.zip"), dir.resolve("rules.drl"))).isZero();
            assertThat(counting.changes()).isZero();
            Files.write(zip, new byte[] {3});
            assertThat(counting.awaitAtLeast(1)).isEqualTo(1);
        } finally {
            watcher.close();
        }
    }

    @Test
    void aPackFolderReplacedByAnotherIsWatchedAgain() throws Exception {
        Path pack = pack("live");
        Counting counting = new Counting();
        RulePackWatcher watcher = counting.watch(List.of(pack), Duration.ofMillis(100));
        try {
            Path next = pack("next");
            Files.move(pack, tmp.resolve("old"));
            Files.move(next, pack);
            assertThat(counting.awaitAtLeast(1)).isGreaterThanOrEqualTo(1);
            int settled = counting.awaitSettled(marker(pack)); // the replacement's events taken and reloaded
            Files.writeString(pack.resolve("rules.drl"), "package t; // in the new folder\n");
            assertThat(counting.awaitAtLeast(settled + 1)).isEqualTo(settled + 1);
        } finally {
            watcher.close();
        }
    }
}
