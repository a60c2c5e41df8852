package dev.sonde.rules.engine;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.rules.cache.CacheKey;
import dev.sonde.rules.cache.CompileCache;
import dev.sonde.rules.cache.PrecompiledPack;
import dev.sonde.rules.cache.PrecompiledParts;
import dev.sonde.rules.model.RuleMetadata;
import dev.sonde.rules.pack.DrlOutline;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a {@link RulePack}'s DRL into a {@link KieBase} once: every file in one {@code KnowledgeBuilder}
 * batch (errors and warnings stay in its results, never in the host's logs), then a knowledge base of its
 * packages. Duplicate rule names are errors. Then checks every rule's finding metadata
 * and that the English bundle has a title and explanation for every finding id.
 */
public final class PackCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(PackCompiler.class);
    private static final int MAX_PROBLEMS_SHOWN = 10;

    static {
        quietEvalWarnings();
    }

    private PackCompiler() {
    }

    /**
     * Drools' eval builders log a WARN line ("In an eval expression [...] Consider placing the constraint in the
     * pattern") for each of the first ten {@code eval}s they compile in a JVM, straight into the host's logs and not
     * into the compiler's results (the built-in pack has such evals). Sonde keeps Drools out of the host's logs
     * (docs/logging.md): the counter that stops them after ten is set past ten before anything is compiled. It is a
     * private field of {@code EvalCondition}; if a Drools version lacks it, nothing changes but the log lines.
     */
    private static void quietEvalWarnings() {
        try {
            java.lang.reflect.Field counter = org.drools.base.rule.EvalCondition.class.getDeclaredField("warnLogCounter");
            counter.setAccessible(true);
            synchronized (org.drools.base.rule.EvalCondition.class) {
                counter.setLong(null, Math.max(counter.getLong(null), 11));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Drools' eval warnings cannot be turned off: {}", e.toString());
        }
    }

    /**
     * The compiled pack and the finding ids its rules can raise; {@code cached}: read from the compile cache;
     * {@code notes}: the compiler's warnings ({@code acme/rules.drl line 5: ...}), then what went wrong with the
     * compile cache (see {@link CompileCache#notes()}), one sentence each.
     */
    public record Compiled(KieBase kieBase, Set<String> findingIds, int rules, boolean cached, List<String> notes) {
        public Compiled {
            notes = List.copyOf(notes);
        }
    }

    /** Drools options of every compilation (they are part of the compile cache's key). */
    private static final Map<String, String> OPTIONS = Map.of(
            "drools.kbuilder.severity.duplicateRule", "ERROR",
            "drools.kbuilder.severity.duplicateFunction", "ERROR",
            // facts are immutable: no rule modifies them, so property reactivity buys nothing
            "drools.propertySpecific", "ALLOWED");

    public static Properties options() {
        Properties p = new Properties();
        p.putAll(OPTIONS);
        return p;
    }

    static Compiled compile(RulePack pack) {
        return compile(pack, Optional.empty());
    }

    /** Compiles {@code pack}, or reads it from the compile cache in {@code cacheDir} when it holds this pack. */
    static Compiled compile(RulePack pack, Optional<Path> cacheDir) {
        return compile(pack, cacheDir, Optional.empty());
    }

    /**
     * As {@link #compile(RulePack, Optional)}; with a {@code precompiled} resource, first tries the rules compiled at
     * build time ({@link PrecompiledPack}: used only when they are of this very DRL).
     */
    static Compiled compile(RulePack pack, Optional<Path> cacheDir, Optional<PrecompiledParts> precompiled) {
        String id = pack.manifest().id();
        List<PackProblem> problems = new ArrayList<>();
        Compiled compiled = precompiled.isPresent() ? precompiled(pack, precompiled.get(), problems) : null;
        if (compiled == null) {
            compiled = compile(pack, problems, cacheDir.map(CompileCache::new));
        }
        List<PackProblem> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (PackProblem p : problems) {
            if (p.isError()) {
                errors.add(p);
            } else {
                LOG.warn("rule pack {}: {}", id, legacy(pack, p));
                notes.add(legacy(pack, p));
            }
        }
        if (compiled == null && errors.isEmpty()) {
            errors.add(PackProblem.error(".", id + ": does not compile"));
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(summary(id, errors.stream().map(p -> legacy(pack, p)).toList()), errors);
        }
        notes.addAll(compiled.notes());
        return new Compiled(compiled.kieBase(), compiled.findingIds(), compiled.rules(), compiled.cached(), notes);
    }

    /**
     * {@code gwsmo/certificates.drl line 12: text}, the form of {@link SondeException} messages; a problem of the
     * whole pack (file {@code "."}) is its message alone, which names the pack.
     */
    private static String legacy(RulePack pack, PackProblem p) {
        if (p.file().equals(".")) {
            return p.message();
        }
        return pack.displayPath(p.file()) + (p.line() > 0 ? " line " + p.line() : "") + ": " + p.message();
    }

    private static final Pattern DROOLS_LINE_COL = Pattern.compile("\\[?\\bLine (\\d+):(\\d+)\\b");

    /**
     * Compiles {@code pack}, adding every problem (files relative to the pack root) to {@code problems};
     * returns {@code null} when the DRL does not compile at all.
     */
    public static Compiled compile(RulePack pack, List<PackProblem> problems) {
        return compile(pack, problems, Optional.empty());
    }

    private static Compiled compile(RulePack pack, List<PackProblem> problems, Optional<CompileCache> cache) {
        try {
            return compileOrThrow(pack, problems, cache);
        } catch (StackOverflowError | OutOfMemoryError | LinkageError e) {
            // errors the compiler survives: its stack or memory ran out on this pack (the allocations are the
            // compiler's, released now), or code the DRL declares or imports failed to load. The pack is refused.
            problems.add(CompilerFailure.problem(pack, e));
            return null;
        }
    }

    /** The rules compiled at build time, checked as compiled ones are; null when there are none for this DRL. */
    private static Compiled precompiled(RulePack pack, PrecompiledParts resource, List<PackProblem> problems) {
        Optional<CompileCache.Entry> entry = resource.rules(pack, PackCompiler.class.getClassLoader(), options());
        if (entry.isEmpty()) {
            return null;
        }
        problems.addAll(entry.get().warnings());
        return checked(pack, entry.get().kieBase(), problems, true, List.of());
    }

    private static Compiled compileOrThrow(RulePack pack, List<PackProblem> problems,
            Optional<CompileCache> cache) {
        ClassLoader loader = PackCompiler.class.getClassLoader();
        KieBase kieBase;
        boolean cached = false;
        if (cache.isPresent()) {
            String key = CacheKey.of(pack, loader, options());
            Optional<CompileCache.Entry> hit = cache.get().read(key, pack, loader, options());
            if (hit.isPresent()) {
                kieBase = hit.get().kieBase();
                problems.addAll(hit.get().warnings());
                cached = true;
            } else {
                List<PackProblem> found = new ArrayList<>();
                kieBase = build(pack, found, loader);
                problems.addAll(found);
                if (kieBase != null) {
                    cache.get().write(key, pack, kieBase, found);
                }
            }
        } else {
            kieBase = build(pack, problems, loader);
        }
        if (kieBase == null) {
            return null;
        }
        return checked(pack, kieBase, problems, cached, cache.map(CompileCache::notes).orElse(List.of()));
    }

    /**
     * Compiles the DRL, adding Drools' errors and warnings to {@code problems}; {@code null} on errors.
     *
     * <p>Why a {@code KnowledgeBuilder} and not {@code KieBuilder}/{@code KieContainer}: the same compiler, but
     * KieBuilder's {@code KieProject} logs every error of a broken pack at ERROR level (a 35-line cascade, most of it
     * knock-on errors blaming the built-in rules) and {@code KieContainerImpl} two INFO lines per build, into the
     * host application's logs. Here every message stays in the builder's results, and Sonde says it once
     * (docs/logging.md). The knowledge base is made as the compile cache makes it from cached packages.
     */
    private static KieBase build(RulePack pack, List<PackProblem> problems, ClassLoader loader) {
        KnowledgeBuilder kbuilder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(options(), loader));
        // one batch, as KieBuilder does: declarations and functions are seen across files in any order
        CompositeKnowledgeBuilder batch = kbuilder.batch();
        for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
            batch.add(ResourceFactory.newByteArrayResource(drl.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.getKey()), ResourceType.DRL);
        }
        batch.build();
        List<PackProblem> found = new ArrayList<>();
        for (KnowledgeBuilderResult r : kbuilder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            boolean error = r.getSeverity() == ResultSeverity.ERROR;
            String path = r.getResource() == null ? null : r.getResource().getSourcePath();
            int line = r.getLines() != null && r.getLines().length > 0 ? r.getLines()[0] : 0;
            found.add(problem(path, line, r.getMessage(), error ? PackProblem.Level.ERROR : PackProblem.Level.WARNING));
        }
        // a syntax error ("[ERR 102] Line 6:34 mismatched input ...") makes Drools drop the file's package and
        // report knock-on errors everywhere ("Unable to resolve ObjectType ..."): show the syntax errors only
        if (found.stream().anyMatch(p -> p.isError() && p.message().startsWith("[ERR "))) {
            found.removeIf(p -> p.isError() && !p.message().startsWith("[ERR "));
        }
        found.sort(java.util.Comparator.comparing(PackProblem::file).thenComparingInt(PackProblem::line)
                .thenComparingInt(PackProblem::column));
        problems.addAll(found);
        if (found.stream().anyMatch(PackProblem::isError)) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(options(), loader));
        kieBase.addPackages(kbuilder.getKnowledgePackages());
        return kieBase;
    }

    /** Checks every rule's finding metadata and that the English bundle has texts for every finding id. */
    private static Compiled checked(RulePack pack, KieBase kieBase, List<PackProblem> problems, boolean cached,
            List<String> notes) {
        String id = pack.manifest().id();
        Set<String> ids = new TreeSet<>();
        int rules = 0;
        int raising = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                rules++;
                if (RuleMetadata.raisesFinding(r.getMetaData())) {
                    raising++;
                    try {
                        ids.add(RuleMetadata.finding(r.getName(), r.getMetaData()));
                        RuleMetadata.check(r.getName(), r.getMetaData());
                    } catch (IllegalStateException e) {
                        problems.add(ruleProblem(pack, r.getName(), e.getMessage()));
                    }
                }
            }
        }
        ids.addAll(RuleMetadata.dataFindings(pack.data())); // rows a rule raises from (Raise.finding(drools, $row))
        if (raising == 0) {
            // an empty or half-written DRL file compiles to a pack that can never find anything: never serve it
            problems.add(new PackProblem(".", 0, 0, PackProblem.Level.ERROR, "rule pack " + id
                    + (pack.layered() ? " (with the packs it is layered on)" : "") + " has no rule that raises a"
                    + " finding (a rule with @finding): are its .drl files empty or still being written?"));
        }
        MessageBundle messages = pack.messages();
        String bundle = pack.layered() ? "messages_en.properties (of the packs layered)"
                : messages.defaultFile().substring(id.length() + 1);
        for (String findingId : ids) {
            for (String part : List.of("title", "explanation")) {
                if (!messages.hasDefault(findingId + "." + part)) {
                    problems.add(new PackProblem(bundle, 0, 0, PackProblem.Level.ERROR, "no " + part
                            + " for finding " + findingId + " (key " + findingId + "." + part + ")"));
                }
            }
        }
        return new Compiled(kieBase, ids, rules, cached, notes);
    }

    /** A Drools message as a problem: the pack's own path, the line, and the column Drools puts in its text. */
    static PackProblem problem(String file, int drlLine, String message, PackProblem.Level severity) {
        String path = file == null ? "" : file;
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        if (text.length() > 400) {
            text = text.substring(0, 399) + "…";
        }
        int line = Math.max(0, drlLine);
        int column = 0;
        Matcher lc = DROOLS_LINE_COL.matcher(text);
        if (lc.find()) {
            if (line == 0) {
                line = Integer.parseInt(lc.group(1));
            }
            if (Integer.parseInt(lc.group(1)) == line) {
                column = Integer.parseInt(lc.group(2));
            }
        }
        return new PackProblem(path, line, column, severity, text);
    }

    private static String summary(String id, List<String> problems) {
        StringBuilder sb = new StringBuilder(problems.get(0));
        for (int i = 1; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
            sb.append('\n').append(problems.get(i));
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            sb.append("\n(and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more problems in rule pack ")
                    .append(id).append(')');
        }
        return sb.toString();
    }

    /** The file and line of the rule named {@code ruleName}, as Drools' parser reads the pack's DRL. */
    private static PackProblem ruleProblem(RulePack pack, String ruleName, String message) {
        for (String file : pack.drl().keySet()) {
            Optional<DrlOutline.Rule> rule = pack.outline(file).rule(ruleName);
            if (rule.isPresent()) {
                return new PackProblem(file, rule.get().line(), 0, PackProblem.Level.ERROR, message);
            }
        }
        return PackProblem.error("(unknown file)", message);
    }
}
