package dev.sonde.cli;

import dev.sonde.SondeException;
import dev.sonde.spi.InputFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --trust PUBKEY}: every pack given with {@code --rules} (or to {@code rules test}) must be signed by that key;
 * {@code Sonde.Builder.trustedPublicKey} checks it before anything is compiled.
 */
final class PackTrust {

    /** A PEM public key takes about 100 bytes; a key file larger than this is not one. */
    private static final int MAX_KEY_FILE = 64 << 10;

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
     * The trusted public key file's text: a regular file, at most 64 KiB.
     *
     * @throws SondeException one sentence when it cannot be read
     */
    static String publicKey(Path trust) {
        try {
            return InputFiles.readUtf8(trust, MAX_KEY_FILE, "the trusted key");
        } catch (SondeException e) {
            throw new SondeException(e.getMessage() + ", so no pack is trusted", e);
        }
    }
}
