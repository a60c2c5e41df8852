package dev.sonde.rules;

import dev.sonde.spi.RuleEngine;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sonde's Drools engine, found by {@link java.util.ServiceLoader}: compiles the built-in GWSMO pack, or
 * the pack folder / archive given.
 */
public final class DroolsRuleEngineFactory implements RuleEngineFactory {

    @Override
    public RuleEngine create(Optional<Path> rulePack) {
        RulePack pack = rulePack.map(RulePack::open).orElseGet(RulePack::builtIn);
        return DroolsRuleEngine.compile(pack);
    }
}
