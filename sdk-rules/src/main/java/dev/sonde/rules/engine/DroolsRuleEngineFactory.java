package dev.sonde.rules.engine;

import dev.sonde.Report;
import dev.sonde.SondeException;
import dev.sonde.rules.cache.CompileCache;
import dev.sonde.rules.cases.PackCases;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.TrustedPacks;
import dev.sonde.rules.watch.RulePackWatcher;
import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sonde's Drools engine, found by {@link java.util.ServiceLoader}: compiles the built-in GWSMO pack, or
 * the pack folders / archives given, layered in order.
 */
public final class DroolsRuleEngineFactory implements RuleEngineFactory {

    @Override
    public RuleEngine create(Optional<Path> rulePack) {
        return create(rulePack.map(List::of).orElse(List.of()));
    }

    /**
     * Layers the packs (see {@link RulePack#load}) and compiles them once; none: the built-in pack, precompiled (see
     * {@link DroolsRuleEngine#builtIn}).
     */
    @Override
    public RuleEngine create(List<Path> rulePacks) {
        Warmup.start();
        return rulePacks.isEmpty() ? DroolsRuleEngine.builtIn(Optional.empty())
                : DroolsRuleEngine.compile(RulePack.load(rulePacks));
    }

    /**
     * Reads every pack once into memory, verifies those bytes against the trusted key (when given) and builds the
     * pack from the same bytes ({@link TrustedPacks#load}), then layers the packs and compiles them, or
     * reads them compiled from the compile cache (see {@link CompileCache}). No pack: the built-in one, as compiled
     * at build time when the jar holds it (see {@link DroolsRuleEngine#builtIn}).
     */
    @Override
    public RuleEngine create(Request request) {
        Warmup.start();
        if (request.rulePacks().isEmpty()) { // a trusted key needs packs to check: Sonde refuses a key without
            return DroolsRuleEngine.builtIn(request.compileCache());
        }
        return DroolsRuleEngine.compile(TrustedPacks.load(request.rulePacks(), request.trustedPublicKey()),
                request.compileCache());
    }

    /** The digest of the files the engine reads of these packs (see {@link PackDigest#engineInput}). */
    @Override
    public Optional<String> contentDigest(List<Path> rulePacks) {
        return Optional.ofNullable(PackDigest.engineInput(rulePacks));
    }

    /** Watches the pack folders and archives (see {@link RulePackWatcher}). */
    @Override
    public PackWatch watch(List<Path> rulePacks, Duration debounce, Runnable onChange) {
        return new RulePackWatcher(rulePacks, debounce, onChange);
    }

    /** Runs the pack's golden cases as {@code sonde rules test} does (see {@link PackCases}). */
    @Override
    public List<CaseResult> runGoldenCases(Path rulePack, Optional<String> trustedPublicKey) {
        return PackCases.open(rulePack, trustedPublicKey, pack -> pack.cases().stream().map(c -> {
            try {
                Report report = pack.run(c);
                return new CaseResult(c.name(), c.expect().description(), c.folder().toUri(), Optional.of(report),
                        c.check(report));
            } catch (SondeException e) {
                return new CaseResult(c.name(), c.expect().description(), c.folder().toUri(), Optional.empty(),
                        List.of("cannot run: " + e.getMessage()));
            }
        }).toList());
    }
}
