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
}
