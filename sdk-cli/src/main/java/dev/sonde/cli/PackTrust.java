package dev.sonde.cli;

import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.TrustedPacks;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.RuleEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code --rules PACK} (repeatable) and {@code --trust PUBKEY}: every pack given must be signed by that key, checked
 * before anything is compiled; then the packs are layered and compiled once.
 */
final class PackTrust {

    private PackTrust() {
    }

    /** A usage error when {@code --trust} is given without a pack to check. */
    static void requirePack(CommandLine cli, Path trust, List<Path> rulePacks) {
        if (trust != null && rulePacks.isEmpty()) {
            throw new CommandLine.ParameterException(cli,
                    "--trust checks the pack given with --rules; give --rules PACK too (the built-in pack is part of Sonde itself)");
        }
    }

    /**
     * Reads every pack once, verifies those bytes against {@code trust} (when given) and builds the pack from the same
     * bytes, layers the packs, prints the load summary on {@code err} when packs were layered, and compiles them (the
     * built-in pack when none is given), or reads them compiled from the compile cache.
     *
     * @throws SondeException one sentence when a pack is refused, cannot be read or does not compile
     */
    static RuleEngine engine(List<Path> rulePacks, Path trust, Optional<Path> compileCache, PrintWriter err) {
        DroolsRuleEngine.warmUp();
        RulePack pack = rulePacks.isEmpty() ? RulePack.builtIn() : load(rulePacks, trust);
        if (pack.loadSummary().size() > 1) {
            pack.loadSummary().forEach(line -> err.println("sonde: rules: " + line));
        }
        DroolsRuleEngine engine = DroolsRuleEngine.compile(pack, compileCache);
        engine.notes().forEach(note -> err.println("sonde: " + note)); // compiler warnings, compile-cache trouble
        err.flush();
        return engine;
    }

    /**
     * Reads and layers the packs; with {@code trust}, every pack must be signed by that key, checked on the very bytes
     * the pack is built from (a file swapped on disk after the check is never compiled).
     *
     * @throws SondeException one sentence saying why a pack is refused or cannot be read
     */
    static RulePack load(List<Path> rulePacks, Path trust) {
        return TrustedPacks.load(rulePacks, Optional.ofNullable(trust).map(PackTrust::publicKey));
    }

    /** The trusted public key file's text: a regular file, at most 64 KiB. */
    private static String publicKey(Path trust) {
        try {
            return InputFiles.readUtf8(trust, MAX_KEY_FILE, "the trusted key");
        } catch (SondeException e) {
            throw new SondeException(e.getMessage() + ", so no pack is trusted", e);
        }
    }

    /** A PEM public key takes about 100 bytes; a key file larger than this is not one. */
    private static final int MAX_KEY_FILE = 64 << 10;
}
