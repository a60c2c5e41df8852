package dev.sonde.cli;

import dev.sonde.SondeException;
import dev.sonde.rules.DroolsRuleEngine;
import dev.sonde.rules.PackSignature;
import dev.sonde.rules.RulePack;
import dev.sonde.spi.RuleEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * Verifies every pack against {@code trust} (when given), then reads and layers them, prints the load summary on
     * {@code err} when packs were layered, and compiles them (the built-in pack when none is given), or reads them
     * compiled from the compile cache.
     *
     * @throws SondeException one sentence when a pack is refused, cannot be read or does not compile
     */
    static RuleEngine engine(List<Path> rulePacks, Path trust, Optional<Path> compileCache, PrintWriter err) {
        DroolsRuleEngine.warmUp();
        if (rulePacks.isEmpty()) {
            return DroolsRuleEngine.compile(RulePack.builtIn(), compileCache);
        }
        for (Path p : rulePacks) {
            verify(p, trust);
        }
        RulePack pack = RulePack.load(rulePacks);
        if (pack.loadSummary().size() > 1) {
            pack.loadSummary().forEach(line -> err.println("sonde: rules: " + line));
            err.flush();
        }
        return DroolsRuleEngine.compile(pack, compileCache);
    }

    /**
     * Verifies the pack (a folder, or a .zip/.jar holding it at its root or in one top folder) against the public
     * key file; does nothing when {@code trust} is null.
     *
     * @throws SondeException one sentence saying why the pack is refused
     */
    static void verify(Path rulePack, Path trust) {
        if (trust == null) {
            return;
        }
        String pem;
        try {
            pem = Files.readString(trust, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SondeException("the trusted key " + trust + " cannot be read (" + RulesCommand.reason(e)
                    + "), so no pack is trusted", e);
        }
        PackSignature.requireSigned(rulePack, pem); // a folder, or an archive opened and closed again
    }
}
