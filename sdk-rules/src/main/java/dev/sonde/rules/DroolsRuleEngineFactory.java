package dev.sonde.rules;

import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Path;
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

    /** Layers the packs (see {@link RulePack#load}) and compiles them once. */
    @Override
    public RuleEngine create(List<Path> rulePacks) {
        return DroolsRuleEngine.compile(RulePack.load(rulePacks));
    }

    /** Layers the packs and compiles them, or reads them compiled from {@code compileCache} (see {@link CompileCache}). */
    @Override
    public RuleEngine create(List<Path> rulePacks, Optional<Path> compileCache) {
        return DroolsRuleEngine.compile(RulePack.load(rulePacks), compileCache);
    }
}
