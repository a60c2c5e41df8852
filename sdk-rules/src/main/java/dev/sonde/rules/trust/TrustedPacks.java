package dev.sonde.rules.trust;

import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackFiles;
import dev.sonde.rules.pack.RulePack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way packs that must be signed are loaded: each pack is read once into memory (within the limits of
 * {@code docs/rule-packs.md}), its signature is checked against those bytes, and the pack is built from the same
 * bytes, so a file changed on disk meanwhile is never compiled. The engine factory ({@code Sonde.Builder
 * .trustedPublicKey}, the CLI's {@code --trust}) and {@code sonde rules test} all load through here.
 */
public final class TrustedPacks {

    private TrustedPacks() {
    }

    /**
     * {@link RulePack#load(List)}, every pack signed by {@code trustedPublicKeyPem} when it is given.
     *
     * @throws RulePackException as {@link RulePack#load(List)}, and, starting with {@code refused:}, when a pack is
     *                           not signed by that key or was changed since it was signed
     * @throws SondeException    when the key is not an Ed25519 public key
     */
    public static RulePack load(List<Path> packs, Optional<String> trustedPublicKeyPem) {
        Objects.requireNonNull(packs, "packs");
        Objects.requireNonNull(trustedPublicKeyPem, "trustedPublicKeyPem");
        if (trustedPublicKeyPem.isEmpty()) {
            return RulePack.load(packs);
        }
        List<RulePack> read = new ArrayList<>();
        for (Path p : packs) {
            PackFiles files;
            try {
                files = PackFiles.read(p);
            } catch (RulePackException e) { // said as every refusal of a pack that must be signed is said
                throw new RulePackException("refused: " + e.getMessage() + "; nothing of it was loaded", e.problems(), e);
            }
            PackSignature.requireSigned(files, trustedPublicKeyPem.get());
            read.add(RulePack.of(files));
        }
        return RulePack.layered(read);
    }
}
