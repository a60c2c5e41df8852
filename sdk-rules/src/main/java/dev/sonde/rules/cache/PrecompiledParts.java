package dev.sonde.rules.cache;

import dev.sonde.rules.pack.ParsedJson;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The precompiled resource ({@link PrecompiledPack}) checked (size, SHA-256, format) but not yet decoded: its key,
 * the compiled rules' bytes and the pack's JSON files as the build read them. Decoding the rules (Drools'
 * deserialization and the Rete network) is half a start: {@link #readInBackground} does it on a second core while
 * the caller reads the pack, and {@link #rules} hands it over once the pack read is known to be the one they were
 * compiled from. The resource is part of the jar, as trusted as its classes: decoding it before that check only
 * risks work thrown away. Thread-safe.
 */
public final class PrecompiledParts {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledParts.class);
    /** Classes the parsed JSON files may hold: Java's collections, strings, numbers and patterns, Sonde's records. */
    private static final List<String> JSON_CLASSES = List.of("java.lang.", "java.util.", "java.math.", "dev.sonde.");
    /**
     * How long {@link #rules} waits for a decoding begun on another thread (it takes well under a second): past it,
     * the rules are compiled as if the resource were damaged. A start never waits without a deadline.
     */
    static final long WAIT_SECONDS = 120;

    private final String key;
    private final List<String> allowed;
    private final byte[] head;
    private final byte[] body;
    private final byte[] json;
    private final long t0;
    /** The decoding, once begun or asked for, and the options it was begun with (guarded by this). */
    private FutureTask<CompileCache.Entry> reading;
    private Properties readingOptions;
    /** The JSON files, deserialized on first use (guarded by this); null until then. */
    private ParsedJson parsedJson;
    /** Set when a part could not be read back: the rules are then compiled (guarded by this). */
    private boolean damaged;

    PrecompiledParts(String key, List<String> allowed, byte[] head, byte[] body, byte[] json, long t0) {
        this.key = key;
        this.allowed = List.copyOf(allowed);
        this.head = head;
        this.body = body;
        this.json = json;
        this.t0 = t0;
    }

    /**
     * The pack's JSON files as the build read them (see {@link RulePack#builtIn(ParsedJson)}), deserialized through
     * the JEP 290 filter on first use; {@link ParsedJson#NONE} (every file is parsed, and the rules compiled) when
     * they cannot be read back, with a warning.
     */
    public synchronized ParsedJson json() {
        if (parsedJson == null) {
            try {
                parsedJson = readJson();
            } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | StackOverflowError e) {
                damaged = true;
                parsedJson = ParsedJson.NONE;
                PrecompiledPack.damaged(e);
            }
        }
        return parsedJson;
    }

    /** The JSON files deserialized, through the JEP 290 filter; throws when they cannot be read back. */
    ParsedJson readJson() throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(json))) {
            in.setObjectInputFilter(CompileCache.filter(JSON_CLASSES, json.length));
            return ParsedJson.read(in);
        }
    }

    /**
     * Begins decoding the rules on a short-lived daemon thread, unless it has begun: {@link #rules} then waits for
     * it, or decodes them itself when the thread has not started yet.
     */
    public PrecompiledParts readInBackground(ClassLoader loader, Properties options) {
        FutureTask<CompileCache.Entry> task;
        synchronized (this) {
            if (reading != null) {
                return this;
            }
            task = task(loader, options);
        }
        Thread t = new Thread(task, "sonde-rules-read");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private FutureTask<CompileCache.Entry> task(ClassLoader loader, Properties options) {
        Properties copy = new Properties();
        copy.putAll(options);
        readingOptions = copy;
        reading = new FutureTask<>(() -> CompiledForm.read(head, body, allowed, loader, copy));
        return reading;
    }

    /** True when the rules are for {@code pack} compiled with {@code options}. */
    boolean of(RulePack pack, Properties options) {
        return key.equals(PrecompiledPack.key(pack, options));
    }

    /**
     * The rules of {@code pack}, when the resource holds them for this very DRL and these options; empty (the
     * caller compiles) when they are of another DRL or cannot be read back (a warning is logged). Waits at most
     * {@link #WAIT_SECONDS} for a decoding begun on another thread. Never throws.
     */
    public Optional<CompileCache.Entry> rules(RulePack pack, ClassLoader loader, Properties options) {
        if (!of(pack, options)) {
            // expected when the pack is not the one built (an edited copy of it): never a stale compilation
            LOG.debug("the precompiled rules are of another DRL than rule pack {}; it is compiled", pack.manifest().id());
            return Optional.empty();
        }
        FutureTask<CompileCache.Entry> task;
        synchronized (this) {
            if (damaged) {
                return Optional.empty();
            }
            task = reading == null || !readingOptions.equals(options) ? task(loader, options) : reading;
        }
        task.run(); // decodes them here unless another thread has begun (then nothing)
        try {
            CompileCache.Entry entry = task.get(WAIT_SECONDS, TimeUnit.SECONDS);
            LOG.debug("rule pack {}: precompiled rules read in {} ms", pack.manifest().id(),
                    (System.nanoTime() - t0) / 1_000_000);
            return Optional.of(entry);
        } catch (ExecutionException e) {
            return PrecompiledPack.damaged(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warn("the precompiled rules {} were not read within {} s; the rules are compiled",
                    PrecompiledPack.RESOURCE, WAIT_SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Decodes every part on this thread, whatever the pack (for {@link PrecompiledPack#decode}): the rules; throws
     * when a part is damaged.
     */
    CompileCache.Entry decode(ClassLoader loader, Properties options) throws IOException, ClassNotFoundException {
        readJson();
        return CompiledForm.read(head, body, allowed, loader, options);
    }
}
