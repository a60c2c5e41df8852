package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import dev.sonde.rules.trust.TrustedPacks;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8, §1: a pack folder is read within the same limits as an archive, regular files only: a symbolic link
 * inside a pack refuses it (whatever it points at: a file outside the pack, {@code /dev/zero}), so does a named pipe;
 * the pack folder given may itself be a link.
 */
class PackFolderLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aLinkInsideAPackRefusesItWhereverItPoints() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.drl"), HostilePacks.rule("UNSIGNED_RULE"));
        Path pack = HostilePacks.pack(tmp.resolve("linked"), "SIGNED_RULE");
        Files.createSymbolicLink(pack.resolve("extra.drl"), outside);
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + pack + ": 'extra.drl' is a symbolic link; links inside a pack are not followed,"
                        + " so the pack is refused (put the file itself into the pack)");
        Files.delete(pack.resolve("extra.drl"));

        HostilePacks.devZero(pack.resolve("zero.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> RulePack.open(pack))
                .hasMessageContaining("'zero.json' is a symbolic link"));
    }

    @Test
    void aNamedPipeInsideAPackRefusesItWithoutBlocking() throws Exception {
        Path pack = HostilePacks.pack(tmp.resolve("piped"), "SIGNED_RULE");
        HostilePacks.fifo(pack.resolve("data.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> RulePack.open(pack))
                .isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + pack + ": 'data.json' is a named pipe (FIFO), not a regular file; a pack may hold"
                        + " only files and folders"));
        PackSignature.Keys keys = PackSignature.generateKeys();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> PackSignature.sign(pack,
                keys.privateKeyPem())).hasMessageContaining("'data.json' is a named pipe"));
        assertThat(pack.resolve(PackSignature.FILE)).doesNotExist();
    }

    @Test
    void theFolderGivenMayBeALinkToAPack() throws Exception {
        Path pack = HostilePacks.pack(tmp.resolve("real"), "SIGNED_RULE");
        Path link = Files.createSymbolicLink(tmp.resolve("current"), pack);
        PackSignature.Keys keys = PackSignature.generateKeys();
        PackSignature.sign(link, keys.privateKeyPem());
        assertThat(pack.resolve(PackSignature.FILE)).isRegularFile();
        assertThat(TrustedPacks.load(List.of(link), Optional.of(keys.publicKeyPem())).drl()).containsOnlyKeys("acme.drl");
    }

    @Test
    void aFileBeyondTheSizeCapIsRefusedWhileReading() throws Exception {
        Path pack = HostilePacks.pack(tmp.resolve("big"), "SIGNED_RULE");
        Path big = pack.resolve("cases/x/Trace.log");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength((16L << 20) + 1); // sparse: takes no room on disk
        }
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + pack + ": 'cases/x/Trace.log' is larger than 16 MiB, the most one file of a pack"
                        + " may hold");
    }

    @Test
    void namesThatDifferOnlyInLetterCaseOrHoldControlCharactersAreRefused() throws Exception {
        Path pack = HostilePacks.pack(tmp.resolve("case"), "SIGNED_RULE");
        Files.writeString(pack.resolve("ACME.drl"), "package acme;\n");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("holds two entries named");
        Files.delete(pack.resolve("ACME.drl"));
        Files.writeString(pack.resolve("a.drl\n0000  b.drl"), "package acme;\n");
        assertThatThrownBy(() -> RulePack.open(pack))
                .hasMessage("rule pack " + pack + ": file 'a.drl\\n0000  b.drl' holds a control character; rename it"
                        + " (a pack's paths hold printable ASCII only, without \\ : * ? \" < > |)");
    }
}
