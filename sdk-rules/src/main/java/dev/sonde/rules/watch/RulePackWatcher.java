package dev.sonde.rules.watch;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.spi.RuleEngineFactory;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches pack folders (recursively, without their {@code cases/}), pack archives (through their parent
 * folder) and the pack folders themselves (through their parent folder, so that a folder replaced by
 * another one is watched again), and runs {@code reload} on its own thread once no relevant event came for
 * the debounce time. All its maps are used by the watcher thread only, once {@link #start()} ran.
 */
public final class RulePackWatcher implements RuleEngineFactory.PackWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RulePackWatcher.class);

    public static final String THREAD_NAME = "sonde-rule-pack-watcher";
    /** How often a missing pack folder (or parent folder) is looked for while nothing happens. */
    private static final long IDLE_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final List<Path> folders = new ArrayList<>();
    private final List<Path> archives = new ArrayList<>();
    /** The parents of packs: watched alone, for the pack folder or archive names only. */
    private final Set<Path> parents = new LinkedHashSet<>();
    /** The parents of archives: an archive is watched through them only, so they must be watchable. */
    private final Set<Path> archiveParents = new LinkedHashSet<>();
    private final WatchService service;
    private final Map<WatchKey, Path> dirOf = new HashMap<>();
    private final Map<Path, WatchKey> keyOf = new HashMap<>();
    private final long debounceNanos;
    private final Runnable reload;
    private final EventObserver observer;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Registers the folders now, on the calling thread.
     *
     * @throws SondeException when a folder that exists cannot be watched
     */
    public RulePackWatcher(List<Path> packs, Duration debounce, Runnable reload) {
        this(packs, debounce, reload, (path, relevant) -> { });
    }

    /** Like the public constructor; {@code observer} is told of every file event taken (for tests). */
    RulePackWatcher(List<Path> packs, Duration debounce, Runnable reload, EventObserver observer) {
        this.debounceNanos = debounce.toNanos();
        this.reload = reload;
        this.observer = observer;
        for (Path pack : packs) {
            Path p = pack.toAbsolutePath().normalize();
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean archive = Files.isRegularFile(p) || (!Files.isDirectory(p) && (name.endsWith(".zip") || name.endsWith(".jar")));
            (archive ? archives : folders).add(p);
            if (p.getParent() != null) {
                parents.add(p.getParent());
                if (archive) {
                    archiveParents.add(p.getParent());
                }
            }
        }
        try {
            this.service = (folders.isEmpty() ? archives : folders).get(0).getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            throw new SondeException("cannot watch the rule packs " + packs + ": " + e.getMessage(), e);
        }
        try {
            attachMissing(true);
        } catch (RuntimeException e) {
            closeService();
            throw e;
        }
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("the rule pack watcher stopped: {}", e.toString(), e));
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Ends the thread (waiting for a reload in progress, for a while) and releases the watches; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeService(); // wakes the thread out of poll
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.debug("the rule pack watcher is still finishing a reload; it ends after it");
            }
        }
    }

    private void closeService() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the rule pack watch service: {}", e.toString());
        }
    }

    private void loop() {
        long due = 0;
        boolean pending = false;
        try {
            while (!closed) {
                long wait = pending ? Math.max(0, due - System.nanoTime()) : IDLE_POLL_NANOS;
                WatchKey key = service.poll(wait, TimeUnit.NANOSECONDS);
                boolean relevant = false;
                if (key != null) {
                    relevant = handle(key);
                }
                relevant |= attachMissing(false);
                if (relevant) {
                    pending = true;
                    due = System.nanoTime() + debounceNanos;
                }
                if (pending && System.nanoTime() - due >= 0 && !closed) {
                    pending = false;
                    try {
                        reload.run();
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
                        // DRL is code and compiling it can fail in any way: whatever survives, the watch goes on
                        LOG.warn("rule pack reload failed unexpectedly ({}); still watching", e.toString());
                        LOG.debug("rule pack reload failure", e);
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            // close() was called
        } catch (InterruptedException e) {
            if (!closed) {
                LOG.warn("the rule pack watcher was interrupted: rule packs are no longer watched");
            }
        }
        LOG.debug("stopped watching rule packs");
    }

    /** Takes a key's events; true when one of them may change a pack. */
    private boolean handle(WatchKey key) {
        Path dir = dirOf.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) { // events were lost: start afresh
                new ArrayList<>(folders).forEach(this::detach);
                attachMissing(false);
                relevant = true;
            } else if (dir != null && event.context() instanceof Path name) {
                boolean changesPack = onEvent(event.kind(), dir.resolve(name));
                observer.taken(dir.resolve(name), changesPack);
                relevant |= changesPack;
            }
        }
        if (!key.reset()) { // the folder is gone
            Path gone = dirOf.remove(key);
            if (gone != null) {
                keyOf.remove(gone, key);
            }
        }
        return relevant;
    }

    private boolean onEvent(WatchEvent.Kind<?> kind, Path path) {
        boolean relevant = false;
        if (folders.contains(path) && kind != StandardWatchEventKinds.ENTRY_MODIFY) {
            // the pack folder itself was created, deleted or replaced (renamed over): watch it afresh
            detach(path);
            if (Files.isDirectory(path)) {
                attachTree(path, false);
            }
            relevant = true;
        }
        if (archives.contains(path)) {
            relevant = true;
        }
        for (Path folder : folders) {
            if (!path.startsWith(folder) || path.equals(folder) || path.startsWith(folder.resolve("cases"))) {
                continue;
            }
            if (kind == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                attachTree(path, false); // a new sub-folder: watch it and what it already holds
                relevant = true;
            } else if (isPackFile(folder, path) || keyOf.containsKey(path)) {
                relevant = true; // a pack file, or a watched sub-folder deleted or moved away
            }
        }
        return relevant;
    }

    /** Watches the pack folders and parents not watched yet that exist now; true when one was added. */
    private boolean attachMissing(boolean strict) {
        boolean added = false;
        for (Path parent : parents) {
            if (!keyOf.containsKey(parent) && Files.isDirectory(parent)) {
                // a pack folder's parent only helps to see the folder replaced: not being able to watch it is no error
                added |= register(parent, strict && archiveParents.contains(parent));
            }
        }
        for (Path folder : folders) {
            if (!keyOf.containsKey(folder) && Files.isDirectory(folder)) {
                added |= attachTree(folder, strict);
            }
        }
        return added;
    }

    /** Watches {@code top} and its sub-folders, except a pack's {@code cases/}; true when any was added. */
    private boolean attachTree(Path top, boolean strict) {
        boolean[] added = {false};
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (folders.stream().anyMatch(f -> dir.equals(f.resolve("cases")))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    added[0] |= register(dir, strict);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // gone meanwhile; a folder that cannot be listed is registered or reported
                }
            });
        } catch (IOException e) {
            failed(top, e, strict);
        }
        return added[0];
    }

    private boolean register(Path dir, boolean strict) {
        if (keyOf.containsKey(dir)) {
            return false;
        }
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            dirOf.put(key, dir);
            keyOf.put(dir, key);
            return true;
        } catch (NoSuchFileException e) {
            return false; // deleted meanwhile; looked for again later
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            failed(dir, e, strict);
            return false;
        }
    }

    private static void failed(Path dir, Exception e, boolean strict) {
        if (strict) {
            throw new SondeException("cannot watch the rule pack folder " + dir + ": " + e.getMessage(), e);
        }
        LOG.warn("cannot watch the rule pack folder {}: {}; its changes may be missed", dir, e.toString());
    }

    /** Stops watching {@code top} and the folders under it (its parent, if watched, stays watched). */
    private void detach(Path top) {
        for (Iterator<Map.Entry<Path, WatchKey>> it = keyOf.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, WatchKey> e = it.next();
            if (e.getKey().startsWith(top) && !parents.contains(e.getKey())) {
                e.getValue().cancel();
                dirOf.remove(e.getValue());
                it.remove();
            }
        }
    }

    /**
     * Told, on the watcher thread, of every file event the watcher takes and whether it may change a pack (then a
     * reload follows after the debounce time). Events of one folder are taken in the order they happened, so a test
     * can write a file nobody reads after its real edits and wait until that file's event is taken: every earlier
     * event of that folder has been judged by then. Tests wait for events this way, never for a time.
     */
    @FunctionalInterface
    interface EventObserver {
        void taken(Path path, boolean changesPack);
    }

    /** A file the engine reads (see {@link PackDigest.Selection#ENGINE}), by its path inside its pack folder. */
    private static boolean isPackFile(Path folder, Path file) {
        return PackDigest.Selection.ENGINE.includes(folder.relativize(file).toString().replace('\\', '/'));
    }
}
