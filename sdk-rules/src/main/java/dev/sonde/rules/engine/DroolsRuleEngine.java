package dev.sonde.rules.engine;

import dev.sonde.ProbeCatalog;
import dev.sonde.SondeException;
import dev.sonde.rules.cache.PrecompiledPack;
import dev.sonde.rules.cache.PrecompiledParts;
import dev.sonde.rules.model.AllowedUrl;
import dev.sonde.rules.model.TrustedRoot;
import dev.sonde.rules.pack.CatalogFile;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.ParsedJson;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EventListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule pack compiled once into a Drools {@link KieBase}, shared by all threads; every
 * {@link #openSession} takes a stateful session holding the pack's data alone, from a pool of sessions that
 * earlier analyses left clean ({@link SessionPool}), or a new one. Thread-safe.
 */
public final class DroolsRuleEngine implements RuleEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsRuleEngine.class);

    /** Facts per signature analyzed before repeats are only counted. */
    public static final int DEFAULT_KEEP_PER_SIGNATURE = 16;
    /** Distinct facts one session analyzes at most. */
    public static final int DEFAULT_MAX_FACTS = 50_000;

    private final RulePack pack;
    private final PackCompiler.Compiled compiled;
    private final KieBase kieBase;
    private final Set<String> findingIds;
    private final int ruleCount;
    private final int keepPerSignature;
    private final int maxFacts;
    /** Sessions holding the pack's data, reused across analyses. */
    private final SessionPool sessions;
    /** The catalog's services per host, for every analysis' attempts ({@link #servicesByHost()}). */
    private final Map<String, String> servicesByHost;

    private DroolsRuleEngine(RulePack pack, PackCompiler.Compiled compiled, int keepPerSignature, int maxFacts) {
        this.pack = pack;
        this.compiled = compiled;
        this.kieBase = compiled.kieBase();
        this.findingIds = Set.copyOf(compiled.findingIds());
        this.ruleCount = compiled.rules();
        this.keepPerSignature = keepPerSignature;
        this.maxFacts = maxFacts;
        this.sessions = new SessionPool(kieBase, pack.data());
        this.servicesByHost = servicesByHost(pack.data());
    }

    /**
     * Compiles a pack.
     *
     * @throws dev.sonde.SondeException naming the file, line and problem when it does not compile
     */
    public static DroolsRuleEngine compile(RulePack pack) {
        return compile(pack, DEFAULT_KEEP_PER_SIGNATURE, DEFAULT_MAX_FACTS);
    }

    /** Compiles a pack with other memory limits (see {@link #DEFAULT_KEEP_PER_SIGNATURE}, {@link #DEFAULT_MAX_FACTS}). */
    public static DroolsRuleEngine compile(RulePack pack, int keepPerSignature, int maxFacts) {
        return compile(pack, keepPerSignature, maxFacts, Optional.empty());
    }

    /**
     * Compiles a pack, or reads its compiled rules from the compile cache folder when it holds them (and
     * writes them there otherwise). See {@link dev.sonde.spi.RuleEngineFactory.Request#compileCache()}.
     */
    public static DroolsRuleEngine compile(RulePack pack, Optional<Path> compileCache) {
        return compile(pack, DEFAULT_KEEP_PER_SIGNATURE, DEFAULT_MAX_FACTS, compileCache);
    }

    /**
     * The built-in pack ({@link RulePack#builtIn()}): its rules as compiled at build time when the jar holds them for
     * this very DRL ({@link dev.sonde.rules.cache.PrecompiledPack}), else as {@link #compile(RulePack, Optional)}.
     */
    public static DroolsRuleEngine builtIn(Optional<Path> compileCache) {
        // the rules are decoded on a second core while the pack's files are read (its JSON files taken as the build
        // read them): they are used only if the pack read is the one they were compiled from
        Optional<PrecompiledParts> precompiled = PrecompiledPack.open()
                .map(r -> r.readInBackground(PackCompiler.class.getClassLoader(), PackCompiler.options()));
        RulePack pack = RulePack.builtIn(precompiled.map(PrecompiledParts::json).orElse(ParsedJson.NONE));
        return compile(pack, DEFAULT_KEEP_PER_SIGNATURE, DEFAULT_MAX_FACTS, compileCache, precompiled);
    }

    private static DroolsRuleEngine compile(RulePack pack, int keepPerSignature, int maxFacts,
            Optional<Path> compileCache) {
        return compile(pack, keepPerSignature, maxFacts, compileCache, Optional.empty());
    }

    private static DroolsRuleEngine compile(RulePack pack, int keepPerSignature, int maxFacts,
            Optional<Path> compileCache, Optional<PrecompiledParts> precompiled) {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(compileCache, "compileCache");
        if (keepPerSignature < 1 || maxFacts < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        long t0 = System.nanoTime();
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, compileCache, precompiled);
        LOG.debug("rule pack {} {} {}: {} rules, {} finding ids, in {} ms", pack.manifest().id(),
                pack.manifest().version(), compiled.cached() ? "read compiled" : "compiled",
                compiled.rules(), compiled.findingIds().size(),
                (System.nanoTime() - t0) / 1_000_000);
        return new DroolsRuleEngine(pack, compiled, keepPerSignature, maxFacts);
    }

    @Override
    public Session openSession(Locale locale, Instant deadline) {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(deadline, "deadline");
        return new DroolsSession(this, sessions.take(), sessions, locale, deadline);
    }

    @Override
    public ProbeCatalog probeCatalog() {
        return catalogOf(pack.data(), ProbeCatalog.EMPTY);
    }

    /**
     * Reads an endpoint catalog file ({@link CatalogFile}): its endpoints replace the pack's (a file without any is
     * an error, never completed with the pack's); its trust anchors too, when it has some.
     */
    @Override
    public ProbeCatalog readProbeCatalog(Path file) {
        return CatalogFile.read(file, probeCatalog());
    }

    /** The catalog in {@code data}; a part it lacks (no endpoints, no anchors) is taken from {@code fallback}. */
    private static ProbeCatalog catalogOf(List<Object> data, ProbeCatalog fallback) {
        List<ProbeCatalog.Endpoint> endpoints = new ArrayList<>();
        List<ProbeCatalog.RootCertificate> anchors = new ArrayList<>();
        for (Object o : data) {
            if (o instanceof AllowedUrl e) {
                endpoints.add(new ProbeCatalog.Endpoint(e.service(), e.url(), e.host(), e.scheme(), e.port()));
            } else if (o instanceof TrustedRoot a) {
                anchors.add(new ProbeCatalog.RootCertificate(a.name(), a.sha256(), a.pem()));
            }
        }
        return new ProbeCatalog(endpoints.isEmpty() ? fallback.endpoints() : endpoints,
                anchors.isEmpty() ? fallback.trustAnchors() : anchors);
    }

    /** The pack this engine runs. */
    public RulePack pack() {
        return pack;
    }

    /** Every finding id the pack's rules can raise. */
    public Set<String> findingIds() {
        return findingIds;
    }

    /**
     * Starts loading Drools' classes on a short background thread (once per JVM), so that reading the rule pack
     * and loading Drools overlap; call it before {@link RulePack#load} to start faster. Optional.
     */
    public static void warmUp() {
        Warmup.start();
    }

    /**
     * What the person running Sonde should know about how this engine was made, one sentence each, none of which
     * failed loading (the CLI prints each as {@code sonde: <note>} on stderr): first, when packs were layered, how
     * ({@code rules: pack acme 1.0 (...): 3 rules in use}, {@code rules: acme overrides rule ...}; see
     * {@link RulePack#loadSummary()}), then the compiler's warnings about the DRL ({@code acme/rules.drl line 5:
     * ...}), then trouble with the compile cache, said once in plain words: a folder that is not this user's alone,
     * a {@code SONDE_CACHE_DIR} that is not a folder or cannot be written to, an entry that was damaged or forged
     * (the rules were compiled instead). Empty when a single pack loaded and compiled without trouble. The library
     * logs details at debug level only.
     */
    @Override
    public List<String> notes() {
        List<String> layering = pack.loadSummary().size() > 1
                ? pack.loadSummary().stream().map(line -> "rules: " + line).toList() : List.of();
        return Stream.concat(layering.stream(), compiled.notes().stream()).toList();
    }

    /**
     * True when the compiled rules were read rather than compiled: from the compile cache, or precompiled in the jar
     * ({@link #builtIn}).
     */
    public boolean fromCache() {
        return compiled.cached();
    }

    /** How many rules the pack has. */
    public int ruleCount() {
        return ruleCount;
    }

    /** The pack's labels of the article's steps in this locale ({@code "4" → "Step 4: read the logs"}). */
    public Map<String, String> stepLabels(Locale locale) {
        MessageBundle.Texts texts = pack.messages().forLocale(locale);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            String label = texts.step(Integer.toString(i));
            if (label != null) {
                out.put(Integer.toString(i), label);
            }
        }
        return out;
    }

    /**
     * A session whose Drools runtime also reports to {@code listeners} (the rule-coverage test records which rules
     * fired in the golden cases on the real session this way).
     */
    Session openSession(Locale locale, Instant deadline, EventListener... listeners) {
        KieSession session = kieBase.newKieSession(); // never reused: the listeners stay on it
        for (EventListener l : listeners) {
            if (l instanceof AgendaEventListener a) {
                session.addEventListener(a);
            }
            if (l instanceof RuleRuntimeEventListener r) {
                session.addEventListener(r);
            }
        }
        pack.data().forEach(session::insert);
        return new DroolsSession(this, new SessionPool.Pooled(session, Collections.emptySet()), null, locale, deadline);
    }

    /** The names of the pack's rules, by DRL package. */
    SortedSet<String> ruleNames() {
        SortedSet<String> out = new TreeSet<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> out.add(r.getName())));
        return out;
    }

    /** The catalog's services per host (lower case), names sorted and joined with {@code ", "}. */
    Map<String, String> servicesByHost() {
        return servicesByHost;
    }

    private static Map<String, String> servicesByHost(List<Object> data) {
        Map<String, TreeSet<String>> services = new HashMap<>();
        for (Object o : data) {
            if (o instanceof AllowedUrl u && !u.host().isEmpty() && !u.service().isEmpty()) {
                services.computeIfAbsent(u.host().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(u.service());
            }
        }
        Map<String, String> out = new HashMap<>();
        services.forEach((h, s) -> out.put(h, String.join(", ", s)));
        return Map.copyOf(out);
    }

    /** The pack's texts in this locale (made once per locale by the bundle). */
    MessageBundle.Texts texts(Locale locale) {
        return pack.messages().forLocale(locale);
    }

    /** The pool of sessions reused across analyses. */
    SessionPool sessions() {
        return sessions;
    }

    int keepPerSignature() {
        return keepPerSignature;
    }

    int maxFacts() {
        return maxFacts;
    }
}
