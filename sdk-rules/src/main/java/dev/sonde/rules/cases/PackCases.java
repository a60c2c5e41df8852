package dev.sonde.rules.cases;

import dev.sonde.Report;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.TrustedPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The golden cases of one pack with the rules they test, as {@code sonde rules test} runs them: the pack is loaded
 * once (verified against the trusted key first, when one is given, and layered over the packs it extends), its
 * rules compiled, and each case runs on them ({@link GoldenCase#run}). An archive stays open while its cases are
 * read in place.
 */
public final class PackCases {

    private final Path root;
    private final RulePack pack;
    private final DroolsRuleEngine engine;

    private PackCases(Path root, RulePack pack, DroolsRuleEngine engine) {
        this.root = root;
        this.pack = pack;
        this.engine = engine;
    }

    /**
     * Loads and compiles the pack in a folder or {@code .zip}/{@code .jar}, then runs {@code action} on its cases.
     *
     * @throws SondeException when the pack cannot be read, is refused by the trusted key, or does not compile
     */
    public static <T> T open(Path folderOrArchive, Optional<String> trustedPublicKeyPem, Function<PackCases, T> action) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Objects.requireNonNull(trustedPublicKeyPem, "trustedPublicKeyPem");
        Objects.requireNonNull(action, "action");
        return RulePack.atRoot(folderOrArchive, root -> {
            // verified and built from one reading; a pack that extends the built-in one is layered over it
            RulePack pack = TrustedPacks.load(List.of(folderOrArchive), trustedPublicKeyPem);
            return action.apply(new PackCases(root, pack, DroolsRuleEngine.compile(pack)));
        });
    }

    /** How the pack was layered over the packs it extends, one line each; empty when it extends nothing. */
    public List<String> layering() {
        return pack.loadSummary().size() > 1 ? pack.loadSummary() : List.of();
    }

    /**
     * The pack's cases ({@code cases/NAME/} with an expectation file), sorted by name; empty when it has none.
     *
     * @throws java.io.UncheckedIOException when the {@code cases/} folder cannot be listed
     * @throws SondeException               when an expectation file cannot be read
     */
    public List<GoldenCase> cases() {
        Path cases = root.resolve("cases");
        return Files.isDirectory(cases) ? GoldenCase.load(cases) : List.of();
    }

    /** Runs one case on the pack's rules: its logs, and its recorded probes when it has them. */
    public Report run(GoldenCase c) {
        return c.run(engine);
    }
}
