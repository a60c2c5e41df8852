package dev.sonde.spi;

import java.nio.file.Path;
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
}
