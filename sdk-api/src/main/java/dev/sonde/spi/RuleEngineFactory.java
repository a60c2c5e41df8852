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
     * Like {@link #create(List)}, and may keep the compiled rules in {@code compileCache} (a folder this
     * engine owns) keyed by a hash of the packs' contents, so that the next start with unchanged packs skips
     * compiling. An engine without a cache ignores the folder. A cache entry that cannot be read or written
     * never fails the call: the packs are then compiled as without a cache.
     *
     * @throws dev.sonde.SondeException as {@link #create(List)}
     */
    default RuleEngine create(List<Path> rulePacks, Optional<Path> compileCache) {
        Objects.requireNonNull(compileCache, "compileCache");
        return create(rulePacks);
    }
}
