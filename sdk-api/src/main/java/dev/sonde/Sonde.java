package dev.sonde;

import dev.sonde.spi.FactSink;
import dev.sonde.spi.LogReader;
import dev.sonde.spi.Prober;
import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Stream;

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
 * <p>A {@code Sonde} is immutable and thread-safe: build it once (compiling the rules takes about a
 * second) and call {@code analyze} from any number of threads; each call runs its own short session.
 * Bad log content never throws; it shows up as {@link Report#warnings()} and in
 * {@link Report#sources()}.
 *
 * <p>Live probes ({@link #probe()}, and {@link #diagnose} for probes and logs in one report) check the
 * machine's network now: DNS, TCP 443/80, the chain each host serves against the catalog's trust
 * anchors, the allow-listed URLs, revocation (CRL/OCSP), proxies and the clock. Their results are facts
 * in the same rule session as log facts, so one report ranks both. Each probe family appears in
 * {@link Report#sources()} as {@code probe:<family>} (probes run / not run), and every probe that could
 * not run is a warning saying why.
 */
public final class Sonde {

    /** Default time limit of one analysis. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    private final RuleEngine engine;
    private final LogReader reader;
    private final Locale locale;
    private final Duration deadline;
    private final Prober prober;
    private final ProbeCatalog catalog;
    private final ProbeOptions probeOptions;

    private Sonde(Builder b) {
        this.engine = b.engine != null ? b.engine : loadEngine(b.rulePacks);
        this.reader = b.reader != null ? b.reader : loadReader();
        this.locale = b.locale;
        this.deadline = b.deadline;
        this.prober = b.prober != null ? b.prober : loadProber();
        if (b.catalog != null) {
            this.catalog = b.catalog;
        } else if (b.endpoints != null) {
            this.catalog = engine.readProbeCatalog(b.endpoints);
        } else {
            this.catalog = engine.probeCatalog();
        }
        this.probeOptions = b.probeOptions;
    }

    /** A builder with the defaults: built-in rule pack, English, {@link #DEFAULT_DEADLINE}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Analyzes log files and folders together (folders are searched recursively for {@code *.log}). */
    public Report analyze(Path... paths) {
        return analyze(Arrays.asList(paths));
    }

    /** Analyzes log files and folders together (folders are searched recursively for {@code *.log}). */
    public Report analyze(Collection<Path> paths) {
        List<Warning> warnings = new ArrayList<>();
        List<LogInput> inputs = new ArrayList<>();
        List<SourceSummary> missing = new ArrayList<>();
        for (Path file : expand(paths, warnings)) {
            if (Files.isReadable(file)) {
                inputs.add(LogInput.of(file));
            } else {
                missing.add(SourceSummary.unreadable(file.toString()));
                warnings.add(new Warning(file.toString(), 0, Files.exists(file)
                        ? "cannot be read (permission denied)" : "no such file or folder"));
            }
        }
        return run(inputs, missing, warnings);
    }

    /** Analyzes logs given as files, streams or text, together. */
    public Report analyze(LogInput... inputs) {
        return run(Arrays.asList(inputs), List.of(), new ArrayList<>());
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
        if (prober == null) {
            throw new SondeException("no Sonde prober on the class path: add the dev.sonde:sdk-probes dependency");
        }
        List<Warning> warnings = new ArrayList<>();
        List<LogInput> inputs = new ArrayList<>();
        List<SourceSummary> missing = new ArrayList<>();
        for (Path file : expand(paths, warnings)) {
            if (Files.isReadable(file)) {
                inputs.add(LogInput.of(file));
            } else {
                missing.add(SourceSummary.unreadable(file.toString()));
                warnings.add(new Warning(file.toString(), 0, Files.exists(file)
                        ? "cannot be read (permission denied)" : "no such file or folder"));
            }
        }
        return run(inputs, missing, warnings, options);
    }

    /** The live-probe catalog in use: the rule pack's, or the one given to the builder. */
    public ProbeCatalog probeCatalog() {
        return catalog;
    }

    private Report run(List<LogInput> inputs, List<SourceSummary> alreadyFailed, List<Warning> warnings) {
        return run(inputs, alreadyFailed, warnings, null);
    }

    private Report run(List<LogInput> inputs, List<SourceSummary> alreadyFailed, List<Warning> warnings,
            ProbeOptions probing) {
        Instant until = Instant.now().plus(deadline);
        List<SourceSummary> sources = new ArrayList<>(alreadyFailed);
        List<LogInput> ordered = new ArrayList<>(inputs);
        ordered.sort((a, b) -> a.name().compareTo(b.name())); // the same report whatever the input order
        try (RuleEngine.Session session = engine.openSession(locale, until)) {
            if (probing != null) {
                FactSink sink = session::add;
                sources.addAll(prober.run(catalog, probing, sink, warnings::add));
            }
            for (LogInput input : ordered) {
                sources.add(reader.read(input, session, warnings::add, until));
            }
            sources.sort(null);
            warnings.sort(null);
            return session.finish(sources, warnings);
        }
    }

    /** Files as given, folders expanded to their {@code *.log} files, sorted, each once. */
    static List<Path> expand(Collection<Path> paths, List<Warning> warnings) {
        Map<Path, Path> files = new LinkedHashMap<>();
        for (Path p : paths) {
            Objects.requireNonNull(p, "path");
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> Files.isRegularFile(f)
                                    && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".log"))
                            .sorted()
                            .forEach(f -> files.putIfAbsent(canonical(f), f));
                } catch (IOException | UncheckedIOException e) {
                    warnings.add(new Warning(p.toString(), 0, "folder could not be searched completely: " + e.getMessage()));
                }
            } else {
                files.putIfAbsent(canonical(p), p);
            }
        }
        List<Path> out = new ArrayList<>(files.values());
        out.sort(null);
        return out;
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static RuleEngine loadEngine(List<Path> rulePacks) {
        Iterator<RuleEngineFactory> it = ServiceLoader.load(RuleEngineFactory.class, Sonde.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new SondeException("no Sonde rule engine on the class path: add the dev.sonde:sdk-rules dependency");
        }
        RuleEngineFactory factory = it.next();
        return rulePacks.size() <= 1 ? factory.create(rulePacks.stream().findFirst()) : factory.create(rulePacks);
    }

    private static Prober loadProber() {
        Iterator<Prober> it = ServiceLoader.load(Prober.class, Sonde.class.getClassLoader()).iterator();
        return it.hasNext() ? it.next() : null;
    }

    private static LogReader loadReader() {
        Iterator<LogReader> it = ServiceLoader.load(LogReader.class, Sonde.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new SondeException("no Sonde log reader on the class path: add the dev.sonde:sdk-probes dependency");
        }
        return it.next();
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

        /** Time limit of one analysis (default 5 minutes); what was found by then is reported. */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
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

        /** Builds the analyzer, compiling the rule pack now. */
        public Sonde build() {
            return new Sonde(this);
        }
    }
}
