package dev.sonde;

import dev.sonde.spi.LogReader;
import dev.sonde.spi.Prober;
import dev.sonde.spi.Redaction;
import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sonde's entry point: give it the logs of a machine where Google Workspace Sync cannot reach
 * Google, get back ranked findings, root cause first.
 *
 * <pre>{@code
 * Sonde sonde = Sonde.builder().build();          // compiles the rule pack: build once, share
 * Report report = sonde.analyze(Path.of("logs")); // files or folders (searched for *.log)
 * report.top().ifPresent(f -> System.out.println(f.id() + ": " + f.title()));
 * }</pre>
 *
 * <p>A {@code Sonde} is thread-safe: build it once (about two seconds on a cold JVM, mostly compiling the rules;
 * docs/performance.md) and call {@code analyze} from any number of threads; each call runs its own short
 * session. Its settings never change; its rules change only when its rule packs are reloaded (below). Bad log content never throws;
 * it shows up as {@link Report#warnings()} and in {@link Report#inputs()}.
 *
 * <p>Live probes ({@link #probe()}, and {@link #diagnose} for probes and logs in one report) check the
 * machine's network now: DNS, TCP 443/80, the chain each host serves against the catalog's trust
 * anchors, the allow-listed URLs, revocation (CRL/OCSP), proxies and the clock. Their results are facts
 * in the same rule session as log facts, so one report ranks both. Each probe family appears in
 * {@link Report#inputs()} as {@code probe:<family>} (probes run / not run), and every probe that could
 * not run is a warning saying why.
 *
 * <p><b>Hot reload.</b> With {@link Builder#watchRulePacks}, a {@code Sonde} watches the pack folders given
 * to {@link Builder#rulePack}/{@link Builder#rulePacks}; when their files change it recompiles them on its
 * own thread and swaps the new rules in atomically. Each analysis uses the rules in use when it started
 * until it ends; an edit that does not compile is rejected and the previous rules keep serving.
 * {@link #reloadRulePacks()} does the same on demand. See {@code docs/hot-reload.md}.
 *
 * <p>A {@code Sonde} that watches holds a thread and should be {@linkplain #close() closed} when no longer
 * needed; one that does not watch holds nothing and needs no closing.
 */
public final class Sonde implements AutoCloseable {

    /** Default time limit of one analysis. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    /** The longest time limit an analysis accepts. */
    public static final Duration MAX_DEADLINE = Duration.ofHours(24);

    /** The least time the rules get to fire, taken from the end of the deadline (reading stops before). */
    static final Duration MIN_FIRING_SHARE = Duration.ofMillis(100);
    /** The most time reserved for the rules to fire at the end of the deadline. */
    static final Duration MAX_FIRING_SHARE = Duration.ofSeconds(5);
    /** Default quiet time after the last file event before a watching {@code Sonde} reloads its packs. */
    public static final Duration DEFAULT_RELOAD_DEBOUNCE = Duration.ofMillis(300);

    private static final Logger LOG = LoggerFactory.getLogger(Sonde.class);

    /** The rules in use, and their reloads. */
    private final LiveRules rules;

    /** How an analysis, probe run or diagnosis runs: reader, prober, locale, deadline, redaction. */
    private final Analysis analysis;
    private final ProbeOptions probeOptions;

    private final List<Path> rulePacks;
    private final Consumer<RulePackReload> reloadListener;
    private final RuleEngineFactory.PackWatch watcher;

    private Sonde(Builder b) {
        this.probeOptions = b.probeOptions;
        this.rulePacks = b.rulePacks;
        RuleEngineFactory.Request request = new RuleEngineFactory.Request(rulePacks, Optional.ofNullable(b.compileCache),
                Optional.ofNullable(b.trustedPublicKey));
        if (b.trustedPublicKey != null && (b.engine != null || rulePacks.isEmpty())) {
            throw new IllegalStateException("trustedPublicKey checks the packs given with rulePack(s); "
                    + (b.engine != null ? "an engine given with engine(...) is not checked" : "no pack was given"));
        }
        this.reloadListener = b.reloadListener;
        if (b.engine != null && b.reloadListener != null) {
            throw new IllegalStateException("watchRulePacks cannot be combined with engine(...): "
                    + "only rule packs Sonde compiles itself can be reloaded");
        }
        RuleEngineFactory factory = b.engine != null ? null : Services.ruleEngineFactory();
        // watch first, then hash, then compile: an edit made meanwhile is seen as a change afterwards
        this.watcher = factory != null && b.reloadListener != null && !rulePacks.isEmpty()
                ? factory.watch(rulePacks, b.reloadDebounce, this::reloadFromWatcher) : null;
        try {
            this.rules = new LiveRules(factory, request, b.engine, b.catalog, b.endpoints, b.reloadDebounce);
            this.analysis = new Analysis(b.reader != null ? b.reader : Services.logReader(),
                    b.prober != null ? b.prober : Services.prober().orElse(null), b.locale, b.deadline, b.anonymize);
        } catch (RuntimeException | Error e) {
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
        if (watcher != null) {
            watcher.start();
            LOG.debug("watching rule packs {} for changes", rulePacks);
        } else if (b.reloadListener != null) {
            LOG.debug("watchRulePacks: only the built-in rule pack is in use, nothing to watch");
        }
    }

    /** This library's version as built (e.g. {@code 0.1.0}), or {@code "unknown"} (logged once, with why) outside a Maven build. */
    public static String version() {
        return SondeVersion.get();
    }

    /** A builder with the defaults: built-in rule pack, English, {@link #DEFAULT_DEADLINE}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Analyzes log files and folders together (folders are searched recursively for {@code *.log}); {@code .zip} and
     * {@code .gz} files, given or found, are read as archives of logs (limits: {@code docs/security.md}).
     */
    public Report analyze(Path... paths) {
        return analyze(Arrays.asList(paths));
    }

    /** Analyzes log files and folders together (folders are searched recursively for {@code *.log}). */
    public Report analyze(Collection<Path> paths) {
        return analysis.run(rules, paths, null);
    }

    /** Analyzes logs given as files, streams or text, together. */
    public Report analyze(LogInput... inputs) {
        return analysis.run(rules, Arrays.asList(inputs));
    }

    /** Analyzes one log held in a string; {@code name} is what evidence quotes. */
    public Report analyzeText(String name, String text) {
        return analyze(LogInput.ofText(name, text));
    }

    /**
     * Probes this machine's network now with the catalog and the builder's {@link ProbeOptions}, and
     * ranks what the probes found.
     *
     * @throws SondeException when no prober is on the class path (add {@code dev.sonde:sdk-probes})
     */
    public Report probe() {
        return probe(probeOptions);
    }

    /** Probes with these options (see {@link #probe()}). */
    public Report probe(ProbeOptions options) {
        return diagnose(options, List.of());
    }

    /** Probes the network and analyzes these logs together: one session, one ranked report. */
    public Report diagnose(Path... paths) {
        return diagnose(probeOptions, Arrays.asList(paths));
    }

    /** Probes the network and analyzes these logs together: one session, one ranked report. */
    public Report diagnose(Collection<Path> paths) {
        return diagnose(probeOptions, paths);
    }

    /** Probes with {@code options} and analyzes {@code paths} together: one session, one ranked report. */
    public Report diagnose(ProbeOptions options, Collection<Path> paths) {
        Objects.requireNonNull(options, "options");
        if (!analysis.canProbe()) {
            throw new SondeException("no Sonde prober on the class path: add the dev.sonde:sdk-probes dependency");
        }
        return analysis.run(rules, paths, options);
    }

    /**
     * The live-probe catalog in use: the one given to the builder ({@link Builder#probeCatalog} or
     * {@link Builder#endpoints}, which stays across reloads), or else the current rule packs' (which a reload
     * replaces with the new packs').
     */
    public ProbeCatalog probeCatalog() {
        return rules.current().catalog();
    }

    /**
     * What the person running Sonde should know about how the rules in use were made (see
     * {@link RuleEngine#notes()}): how packs were layered, the compiler's warnings, compile cache trouble; one
     * sentence each, none of which stopped them loading. After a reload, the new rules'.
     */
    public List<String> notes() {
        return rules.current().engine().notes();
    }

    /**
     * Reloads the rule packs now, on the calling thread: when their files changed since the rules in use
     * were compiled, compiles them with the same rule engine factory (and compile cache) as at build and, if
     * that succeeds, swaps the new rules in; analyses already running finish on the rules they started
     * with. When they did not change, nothing is compiled ({@link RulePackReload.Status#UNCHANGED}). When
     * they do not compile, the rules in use stay and the outcome says why
     * ({@link RulePackReload.Status#REJECTED}; also logged at WARN). Works whether or not this {@code Sonde}
     * watches, and after {@link #close()}. The watch listener, if any, is told of the outcome too, on this
     * thread. With only the built-in pack in use, the outcome is always {@code UNCHANGED}.
     *
     * <p>A reload running on the watcher thread is waited for first: reloads never overlap.
     *
     * @return what the reload did
     * @throws IllegalStateException when the builder was given an {@link Builder#engine engine}: Sonde did
     *                               not compile it and cannot compile it again
     */
    public RulePackReload reloadRulePacks() {
        if (!rules.reloadable()) {
            throw new IllegalStateException("this Sonde was given its rule engine (Builder.engine): "
                    + "it has no rule packs to reload");
        }
        RulePackReload outcome = rules.reload();
        tell(outcome);
        return outcome;
    }

    /**
     * Stops watching the rule packs, if this {@code Sonde} watches them: the watcher thread ends (a reload it
     * is running is waited for, up to ten seconds) and starts no more reloads, so the listener is no longer
     * called from it. The rules
     * in use stay: analyses, probes and {@link #reloadRulePacks()} keep working. Calling it again does
     * nothing; a {@code Sonde} that does not watch needs no closing.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Reload run by the watcher thread: the outcome goes to the listener. */
    private void reloadFromWatcher() {
        tell(rules.reload());
    }

    private void tell(RulePackReload outcome) {
        if (reloadListener == null) {
            return;
        }
        try {
            reloadListener.accept(outcome);
        } catch (RuntimeException e) {
            LOG.warn("the rule pack reload listener failed on a {} reload of {}", outcome.status(), rulePacks, e);
        }
    }

    /**
     * Configures a {@link Sonde}. Not thread-safe; {@link #build()} compiles the rule pack and fails
     * fast, with a message saying what and where, when it cannot.
     */
    public static final class Builder {
        private List<Path> rulePacks = List.of();
        private Locale locale = Locale.ENGLISH;
        private Duration deadline = DEFAULT_DEADLINE;
        private RuleEngine engine;
        private LogReader reader;
        private Prober prober;
        private Path endpoints;
        private ProbeCatalog catalog;
        private ProbeOptions probeOptions = ProbeOptions.defaults();
        private Consumer<RulePackReload> reloadListener;
        private Duration reloadDebounce = DEFAULT_RELOAD_DEBOUNCE;
        private Path compileCache;
        private String trustedPublicKey;
        private boolean anonymize;

        private Builder() {
        }

        /** Uses the rule pack in this folder (or .zip/.jar) instead of the built-in one. */
        public Builder rulePack(Path folderOrArchive) {
            this.rulePacks = List.of(Objects.requireNonNull(folderOrArchive, "rulePack"));
            return this;
        }

        /**
         * Uses these rule packs, layered in order, instead of the built-in one (an empty list: the built-in one).
         * A later pack's rule replaces an earlier rule of the same name (other rules add to the earlier ones); a
         * pack's {@code disables} removes earlier rules by name; the texts of a finding id come from the last pack
         * that has any; a pack that {@code extends} the built-in pack is layered over it. See
         * {@code docs/rule-packs.md}.
         */
        public Builder rulePacks(List<Path> foldersOrArchives) {
            Objects.requireNonNull(foldersOrArchives, "rulePacks");
            foldersOrArchives.forEach(p -> Objects.requireNonNull(p, "rulePacks element"));
            this.rulePacks = List.copyOf(foldersOrArchives);
            return this;
        }

        /** Language of titles, explanations and remediation (default English). */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Time limit of one analysis (default 5 minutes, at most {@link Sonde#MAX_DEADLINE}), covering everything:
         * finding the files, reading them, and firing the rules (which get the last fifth of it, between 100 ms
         * and 5 s, whatever reading took). What was found by then is reported and the report's outcome is
         * {@link Report.Outcome#INCOMPLETE}, naming what was not analyzed.
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
                throw new IllegalArgumentException("deadline must be positive and at most " + MAX_DEADLINE.toHours()
                        + " hours, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /** Uses this engine instead of discovering one (advanced; mostly for tests and embedding). */
        public Builder engine(RuleEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Uses this log reader instead of discovering one (advanced). */
        public Builder logReader(LogReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Replaces the live-probe catalog with this file (the pack's data format: sections
         * {@code endpoints} and, optionally, {@code trustAnchors}); read when {@link #build()} runs.
         */
        public Builder endpoints(Path catalogFile) {
            this.endpoints = Objects.requireNonNull(catalogFile, "endpoints");
            return this;
        }

        /** Replaces the live-probe catalog with this one (wins over {@link #endpoints}). */
        public Builder probeCatalog(ProbeCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** How {@link Sonde#probe()} and {@link Sonde#diagnose} run probes (default {@link ProbeOptions#defaults()}). */
        public Builder probeOptions(ProbeOptions options) {
            this.probeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Uses this prober instead of discovering one (advanced). */
        public Builder prober(Prober prober) {
            this.prober = Objects.requireNonNull(prober, "prober");
            return this;
        }

        /**
         * Watches the pack folders and archives given with {@link #rulePack}/{@link #rulePacks} and reloads
         * them when they change (see {@link Sonde#reloadRulePacks()}): a folder is watched with its
         * sub-folders, including those created later, except its {@code cases/} folder (golden cases are not
         * part of the rules); an archive is watched through its parent folder, for that file only. The built-in
         * pack is never watched (with no pack given, nothing is). Once no file event came for the
         * {@linkplain #reloadDebounce debounce} time, the watcher thread ({@code sonde-rule-pack-watcher}, a
         * daemon) hashes the packs' files, and recompiles and swaps the rules in when they changed.
         *
         * <p>{@code listener} is told of every reload on that thread (and of each
         * {@link Sonde#reloadRulePacks()} on its caller's thread): applied, unchanged, or rejected with the
         * problems. It should return quickly; what it throws is logged and ignored. Swaps are also logged at
         * INFO, rejections at WARN with the problems.
         *
         * <p>A watching {@code Sonde} must be {@linkplain Sonde#close() closed} to stop the thread. Cannot be
         * combined with {@link #engine}: {@link #build()} then throws {@link IllegalStateException}.
         */
        public Builder watchRulePacks(Consumer<RulePackReload> listener) {
            this.reloadListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How long a watching {@code Sonde} waits after the last file event before it reloads (default
         * {@link Sonde#DEFAULT_RELOAD_DEBOUNCE}): a burst of events (an editor saving through a temporary file,
         * a copy of many files) gives one reload.
         */
        public Builder reloadDebounce(Duration quietTime) {
            Objects.requireNonNull(quietTime, "quietTime");
            if (quietTime.isNegative()) {
                throw new IllegalArgumentException("reloadDebounce must not be negative, was " + quietTime);
            }
            this.reloadDebounce = quietTime;
            return this;
        }

        /**
         * Keeps compiled rule packs in this folder (none by default), at build and at every reload: the
         * folder holds compiled packs keyed by a hash of their content, so that a second start with unchanged
         * packs skips compiling the DRL. An entry is Java-serialized compiled rules, that is code that will
         * run in this process: the folder must be as trusted as the packs themselves (only the user running
         * Sonde should be able to write it). A cache entry that cannot be read or written never fails the
         * build; the packs are then compiled. Ignored when an {@link #engine} is given.
         */
        public Builder compileCache(Path folder) {
            this.compileCache = Objects.requireNonNull(folder, "compileCache");
            return this;
        }

        /**
         * Refuses every rule pack (at build and at every reload) that is not signed by this Ed25519 public key
         * (PEM, as written by {@code sonde rules keygen}) or whose files changed, were added or removed since it
         * was signed; checked before anything of the pack is compiled. DRL is code: trust only packs you or your
         * vendor signed. A refused reload keeps the rules in use (status {@code REJECTED}, saying why).
         *
         * @throws IllegalStateException at {@link #build()} when no pack was given with {@link #rulePack} or
         *                               {@link #rulePacks}, or an {@link #engine} was given
         */
        public Builder trustedPublicKey(String publicKeyPem) {
            this.trustedPublicKey = Objects.requireNonNull(publicKeyPem, "publicKeyPem");
            return this;
        }

        /**
         * Replaces personal data in reports by stable pseudonyms (default off): e-mail addresses by
         * {@code user1@domain1} and the user name of home folder paths ({@code C:\Users\jdoe\...},
         * {@code /home/jdoe/}) by {@code user1}, the same name giving the same pseudonym within a report. Secrets
         * (passwords, tokens, keys, authorization headers, cookies, a URL's password) are removed from every
         * report whatever this says. See {@link Redaction#apply}.
         */
        public Builder anonymize(boolean anonymize) {
            this.anonymize = anonymize;
            return this;
        }

        /**
         * Builds the analyzer, compiling the rule pack now (and starting the watcher thread when
         * {@link #watchRulePacks} was called).
         *
         * @throws RulePackException    when a pack is refused (cannot be read, breaks a limit, is not signed by the
         *                               trusted key, does not compile): its {@code problems()} name file and line
         * @throws SondeException        when the pack folders cannot be watched, the endpoint catalog cannot be read,
         *                               or no rule engine or log reader is on the class path
         * @throws IllegalStateException when {@link #watchRulePacks} is combined with {@link #engine}, or
         *                               {@link #trustedPublicKey} has no pack to check
         */
        public Sonde build() {
            return new Sonde(this);
        }
    }
}
