package dev.sonde;

import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled rules a {@link Sonde} uses, and how a reload replaces them: the packs are hashed, compiled when they
 * changed, and swapped in as a whole when they compiled, never when they changed again while being compiled (an
 * editor still saving: the reload waits for quiet and reads them again). Whatever compiling throws that can be
 * survived (DRL is code: a stack overflow, an allocation too large, a class that fails to load) rejects the reload
 * and keeps the rules in use. Thread-safe: analyses read {@link #current()} once; reloads never overlap.
 */
final class LiveRules {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    /** Attempts a reload makes to read packs that do not change while they are compiled. */
    static final int RELOAD_ATTEMPTS = 5;

    /** Content hash of "the built-in pack only": it cannot change while Sonde runs. */
    private static final String BUILT_IN_CONTENT = "built-in";

    /**
     * The compiled rules and the probe catalog that goes with them, swapped as one. {@code contentHash} is
     * the hash of the pack files they were compiled from ({@code null} when unknown: never "unchanged").
     */
    record Rules(RuleEngine engine, ProbeCatalog catalog, String contentHash) {
    }

    /** The factory that compiled the packs, used again on reload; {@code null} when an engine was given. */
    private final RuleEngineFactory factory;
    /** What the factory is asked for, at build and on every reload. */
    private final RuleEngineFactory.Request request;
    private final List<Path> rulePacks;
    /** A catalog given to the builder (itself or as a file): kept across reloads; {@code null} otherwise. */
    private final ProbeCatalog fixedCatalog;
    private final Duration debounce;
    private final Object lock = new Object();
    /** Read once at the start of each analysis, replaced as a whole by a reload. */
    private volatile Rules rules;
    /** Content hash of the packs at the last compile attempt, successful or not (guarded by lock). */
    private String lastAttempt;

    /**
     * Compiles the packs of {@code request} with {@code factory}, or uses {@code given} (then nothing can be reloaded).
     * The probe catalog is {@code catalog} when given, else the one read from {@code endpoints} when given, else the
     * rules' own.
     */
    LiveRules(RuleEngineFactory factory, RuleEngineFactory.Request request, RuleEngine given, ProbeCatalog catalog,
            Path endpoints, Duration debounce) {
        this.factory = given != null ? null : factory;
        this.request = request;
        this.rulePacks = request.rulePacks();
        this.debounce = debounce;
        String hash = this.factory == null ? null : contentHash();
        RuleEngine engine = given != null ? given : factory.create(request);
        this.fixedCatalog = catalog != null ? catalog : endpoints != null ? engine.readProbeCatalog(endpoints) : null;
        this.rules = new Rules(engine, fixedCatalog != null ? fixedCatalog : engine.probeCatalog(), hash);
        this.lastAttempt = hash;
    }

    /** The rules in use now. */
    Rules current() {
        return rules;
    }

    /** False when the rules were given, not compiled from packs: they cannot be compiled again. */
    boolean reloadable() {
        return factory != null;
    }

    private String contentHash() {
        return rulePacks.isEmpty() ? BUILT_IN_CONTENT : factory.contentDigest(rulePacks).orElse(null);
    }

    /** Hashes the packs, compiles them when they changed, swaps the rules in when they compiled. */
    RulePackReload reload() {
        synchronized (lock) {
            Instant at = Instant.now();
            long start = System.nanoTime();
            Rules current = rules;
            String hash = contentHash();
            // unchanged only when the rules in use come from exactly these files, so that reverting a
            // rejected edit compiles (and applies) again
            if (hash != null && hash.equals(current.contentHash()) && hash.equals(lastAttempt)) {
                LOG.debug("rule packs {} unchanged: the rules in use stay", rulePacks);
                return new RulePackReload(at, RulePackReload.Status.UNCHANGED, rulePacks, List.of(), since(start));
            }
            Rules next = null;
            for (int attempt = 1; next == null; attempt++) {
                lastAttempt = hash;
                RuleEngine engine;
                try {
                    engine = factory.create(request);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
                    // DRL is code: compiling it may fail in any way that can be survived; the rules in use stay
                    return rejected(at, start, problems(e), e);
                }
                String after = contentHash();
                if (after == null ? hash == null : after.equals(hash)) { // null: the engine cannot tell
                    next = new Rules(engine, fixedCatalog != null ? fixedCatalog : engine.probeCatalog(), hash);
                } else if (attempt >= RELOAD_ATTEMPTS) {
                    return rejected(at, start, List.of("the rule packs kept changing while they were read (" + attempt
                            + " attempts): a file is still being written; the rules in use stay"), null);
                } else {
                    // a file changed while it was read and compiled (an editor still saving): never apply what may
                    // be half-written; wait for quiet and read again
                    LOG.debug("rule packs {} changed while they were compiled; reading them again", rulePacks);
                    if (!pause(debounce)) {
                        return rejected(at, start, List.of("the reload was interrupted"), null);
                    }
                    hash = after;
                }
            }
            rules = next;
            Duration took = since(start);
            LOG.info("rule packs {} reloaded in {} ms: new analyses use the new rules", rulePacks, took.toMillis());
            return new RulePackReload(at, RulePackReload.Status.APPLIED, rulePacks, List.of(), took);
        }
    }

    private RulePackReload rejected(Instant at, long start, List<String> problems, Throwable cause) {
        LOG.warn("rule packs {} changed but were rejected; the previous rules stay in use:\n  {}",
                rulePacks, String.join("\n  ", problems));
        if (cause != null && !(cause instanceof SondeException)) {
            LOG.debug("rule pack reload failure", cause);
        }
        return new RulePackReload(at, RulePackReload.Status.REJECTED, rulePacks, problems, since(start));
    }

    /** Sleeps; false when interrupted (the interrupt is kept). */
    private static boolean pause(Duration time) {
        try {
            Thread.sleep(Math.max(1, time.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    /** The lines of a failure's message (they name file and line), or what happened in words when it has none. */
    static List<String> problems(Throwable e) {
        if (e instanceof StackOverflowError) {
            return List.of("compiling the rule packs recursed too deeply (a rule nested too deeply?)");
        }
        if (e instanceof OutOfMemoryError) {
            return List.of("compiling the rule packs ran out of memory");
        }
        String message = e.getMessage();
        String text = e instanceof SondeException && message != null ? message : e.toString();
        List<String> lines = text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? List.of(e.getClass().getName()) : lines;
    }

}
