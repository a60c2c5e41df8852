package dev.sonde.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates {@link RuleEngine}s; discovered with {@link java.util.ServiceLoader} so that the API
 * module does not depend on Drools.
 */
public interface RuleEngineFactory {

    /**
     * Compiles a rule pack: the folder or archive at {@code rulePack}, or the built-in pack when empty.
     *
     * @throws dev.sonde.SondeException when the pack cannot be read or does not compile, saying where
     */
    RuleEngine create(Optional<Path> rulePack);

    /**
     * Compiles several rule packs layered in order (later packs add to and override earlier ones), or the
     * built-in pack when the list is empty. The default accepts at most one pack.
     *
     * @throws dev.sonde.SondeException when a pack cannot be read, does not compile, or the engine cannot layer packs
     */
    default RuleEngine create(List<Path> rulePacks) {
        Objects.requireNonNull(rulePacks, "rulePacks");
        if (rulePacks.size() > 1) {
            throw new dev.sonde.SondeException("this rule engine loads one rule pack at a time; " + rulePacks.size()
                    + " were given");
        }
        return create(rulePacks.stream().findFirst());
    }

    /**
     * What to load: the packs (empty: the built-in one), where compiled packs may be cached, and the public key
     * every pack must be signed with.
     *
     * @param rulePacks        pack folders or archives, layered in order; empty for the built-in pack
     * @param compileCache     a folder this engine owns, where it may keep compiled packs keyed by a hash of their
     *                         content so that the next start with unchanged packs skips compiling; a cache entry
     *                         that cannot be read or written never fails loading
     * @param trustedPublicKey a public key (PEM); when present, every pack must carry a valid signature by it
     *                         over its unchanged files, checked before anything of it is compiled
     */
    record Request(List<Path> rulePacks, Optional<Path> compileCache, Optional<String> trustedPublicKey) {
        /** Checks and copies the values. */
        public Request {
            rulePacks = List.copyOf(rulePacks);
            Objects.requireNonNull(compileCache, "compileCache");
            Objects.requireNonNull(trustedPublicKey, "trustedPublicKey");
        }
    }

    /**
     * A digest of what this engine compiles from {@code rulePacks} (the files it reads, in order), so that a reload
     * whose packs did not change compiles nothing; empty when it cannot tell, or a file cannot be read (a reload
     * then compiles). The default cannot tell.
     */
    default Optional<String> contentDigest(List<Path> rulePacks) {
        return Optional.empty();
    }

    /**
     * Watches {@code rulePacks} for changes to what this engine reads; once no change came for {@code debounce},
     * {@code onChange} runs on the watch's own thread. Events are collected from the call on; the thread runs from
     * {@link PackWatch#start()} until {@link PackWatch#close()}.
     *
     * @throws dev.sonde.SondeException when the packs cannot be watched, or this engine cannot watch them (the default)
     */
    default PackWatch watch(List<Path> rulePacks, java.time.Duration debounce, Runnable onChange) {
        throw new dev.sonde.SondeException("this rule engine cannot watch rule packs");
    }

    /** A watch on rule packs (see {@link #watch}). */
    interface PackWatch extends AutoCloseable {
        /** Starts the watch's thread. */
        void start();

        /** Stops the thread (waiting a while for a reload it runs) and releases the watches; idempotent. */
        @Override
        void close();
    }

    /**
     * Loads what {@code request} says. The default handles neither caches nor signatures: it refuses a request
     * with a trusted key (it cannot check it) and ignores the cache.
     *
     * @throws dev.sonde.SondeException when a pack is refused, cannot be read or does not compile, saying where
     */
    default RuleEngine create(Request request) {
        if (request.trustedPublicKey().isPresent()) {
            throw new dev.sonde.SondeException("this rule engine cannot check rule pack signatures");
        }
        return create(request.rulePacks());
    }

    /**
     * Runs the golden cases of one pack ({@code cases/NAME/} with logs and/or recorded probes and an
     * {@code expect.json}, as {@code sonde rules test} does) on that pack's own rules, layered over the packs it
     * extends: the pack is loaded once (checked against {@code trustedPublicKey} first, when given) and every case
     * runs, in name order. A case that cannot run (its recorded probes are not valid) is a result with a problem, not
     * an exception. The default cannot run cases.
     *
     * @throws dev.sonde.SondeException when the pack cannot be read, is refused or does not compile, or an
     *                                  expectation file cannot be read, saying where
     */
    default List<CaseResult> runGoldenCases(Path rulePack, Optional<String> trustedPublicKey) {
        throw new dev.sonde.SondeException("this rule engine cannot run golden cases");
    }

    /**
     * What one golden case gave.
     *
     * @param name        the case's folder name
     * @param description what the case is about ({@code description} in its expectation file; may be empty)
     * @param source      where the case's folder is (a {@code file:} or {@code jar:} URI)
     * @param report      the report of the case's run; empty when it could not run
     * @param problems    what in the report contradicts the expectation, one sentence each; empty when it passed
     */
    record CaseResult(String name, String description, java.net.URI source, Optional<dev.sonde.Report> report,
            List<String> problems) {
        /** Checks and copies the values. */
        public CaseResult {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(report, "report");
            problems = List.copyOf(problems);
        }

        /** True when the report met the expectation. */
        public boolean passed() {
            return report.isPresent() && problems.isEmpty();
        }
    }
}
