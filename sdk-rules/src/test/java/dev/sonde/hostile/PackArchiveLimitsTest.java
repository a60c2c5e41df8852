package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.lint.PackCheck;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import dev.sonde.rules.trust.TrustedPacks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8, §1 "Archive limits before reading": an archive pack is read within a cap on its entries, each entry's
 * size and the total, counted while inflating (never from the sizes the archive declares), and before its
 * signature is looked at; ambiguous archives (duplicate names, absolute paths, {@code ..}) are refused.
 */
class PackArchiveLimitsTest {

    static final PackSignature.Keys VENDOR = PackSignature.generateKeys();

    @TempDir
    Path tmp;

    static Map<String, String> signedPackFiles(Path work) throws IOException {
        Path folder = HostilePacks.pack(work.resolve("signed"), "SIGNED_RULE");
        PackSignature.sign(folder, VENDOR.privateKeyPem());
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of("pack.json", "messages_en.properties", "acme.drl", PackSignature.FILE)) {
            files.put(f, Files.readString(folder.resolve(f)));
        }
        return files;
    }

    @Test
    void aSmallArchiveInflatingToGigabytesIsRefusedBeforeItsCopiedSignatureIsChecked() throws Exception {
        // the attack: a 2 MB zip holding a 2.1 GB file, next to a pack.sig copied from a signed pack
        Path zip = HostilePacks.bomb(tmp.resolve("bomb.zip"), signedPackFiles(tmp), "cases/x/Trace.log", 2_100_000_000L);
        assertThat(Files.size(zip)).isLessThan(3L << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThatThrownBy(() -> TrustedPacks.load(List.of(zip), Optional.of(VENDOR.publicKeyPem())))
                    .isInstanceOf(SondeException.class)
                    .hasMessage("refused: rule pack " + zip + ": 'cases/x/Trace.log' is larger than 16 MiB, the most one file"
                            + " of a pack may hold; nothing of it was loaded");
            assertThatThrownBy(() -> PackSignature.verify(zip, VENDOR.publicKeyPem()))
                    .hasMessageContaining("'cases/x/Trace.log' is larger than 16 MiB");
            assertThatThrownBy(() -> PackCheck.check(zip)).hasMessageContaining("'cases/x/Trace.log' is larger than 16 MiB");
        });
    }

    @Test
    void theSizeAnArchiveDeclaresIsNotBelieved() throws Exception {
        Path zip = HostilePacks.bomb(tmp.resolve("liar.zip"), Map.of("pack.json", HostilePacks.PACK_JSON), "acme.drl", 20L << 20);
        lieAboutSizes(zip, "acme.drl", 100);
        assertThatThrownBy(() -> RulePack.open(zip)).isInstanceOf(SondeException.class)
                .hasMessageContaining("'acme.drl' is larger than 16 MiB");
    }

    @Test
    void tooManyEntriesOrTooManyBytesInAllAreRefused() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        many.put("pack.json", HostilePacks.PACK_JSON);
        for (int i = 0; i < 4100; i++) {
            many.put("cases/c" + i + "/expect.json", "{}");
        }
        Path crowded = HostilePacks.zip(tmp.resolve("crowded.zip"), many);
        assertThatThrownBy(() -> RulePack.open(crowded)).isInstanceOf(SondeException.class)
                .hasMessageStartingWith("rule pack " + crowded + " holds more than 4096 files and folders (at ")
                .hasMessageEndingWith("), the most a pack may hold");

        Path heavy = tmp.resolve("heavy.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(heavy))) {
            out.putNextEntry(new ZipEntry("pack.json"));
            out.write(HostilePacks.PACK_JSON.getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[15 << 20];
            for (int i = 0; i < 5; i++) { // 5 × 15 MiB: each within the per-file cap, 75 MiB in all
                out.putNextEntry(new ZipEntry("cases/c" + i + "/big.log"));
                out.write(zeros);
            }
        }
        assertThatThrownBy(() -> RulePack.open(heavy)).isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + heavy + " holds more than 64 MiB once unpacked (at 'cases/c4/big.log'), the most a"
                        + " pack may hold");
    }

    @Test
    void ambiguousNamesAreRefused() throws Exception {
        String drl = HostilePacks.rule("SIGNED_RULE");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("./acme.drl", "holds two entries named 'acme.drl' ('acme.drl' and './acme.drl')");
        cases.put("ACME.drl", "holds two entries named 'ACME.drl' ('acme.drl' and 'ACME.drl')");
        cases.put("/etc/acme.drl", ": entry '/etc/acme.drl' is an absolute path");
        cases.put("C:\\acme.drl", ": entry 'C:\\acme.drl' is an absolute path");
        cases.put("../acme.drl", ": entry '../acme.drl' has a '..' segment");
        cases.put("rules\\..\\..\\acme.drl", ": entry 'rules\\..\\..\\acme.drl' has a '..' segment");
        cases.put("acme.drl/x.drl", ": entry 'acme.drl' is a file, and 'acme.drl/x.drl' makes it a folder too");
        cases.put("a.drl\n0000  b.drl", ": entry 'a.drl\\n0000  b.drl' holds a control character");
        cases.put("caf\u00e9.drl", ": entry 'caf\\u00e9.drl' holds a character that is not printable ASCII");
        cases.put("what?.drl", ": entry 'what?.drl' holds '?'");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("pack.json", HostilePacks.PACK_JSON);
            entries.put("acme.drl", drl);
            entries.put(c.getKey(), drl);
            Path zip = HostilePacks.zip(tmp.resolve("ambiguous" + i++ + ".zip"), entries);
            assertThatThrownBy(() -> RulePack.open(zip)).as(c.getKey()).isInstanceOf(SondeException.class)
                    .hasMessageStartingWith("rule pack " + zip).hasMessageContaining(c.getValue())
                    .hasMessageNotContaining("\n");
        }
        // two entries of exactly the same name (which java.util.zip will not write: renamed afterwards)
        Path twins = HostilePacks.zip(tmp.resolve("twins.zip"), Map.of("pack.json", HostilePacks.PACK_JSON, "acme.drl", drl,
                "acmf.drl", "package evil;"));
        HostilePacks.renameInPlace(twins, "acmf.drl", "acme.drl");
        assertThatThrownBy(() -> RulePack.open(twins)).hasMessage("rule pack " + twins + " holds two entries named 'acme.drl';"
                + " a pack whose names repeat (letter case, '\\' and './' aside) is refused");
    }

    /** Overwrites the declared uncompressed size of entry {@code name} in its local and central headers. */
    static void lieAboutSizes(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50 && java.util.Arrays.equals(bytes, i + 30, i + 30 + n.length, n, 0, n.length)) {
                b.putInt(i + 22, size);
            } else if (sig == 0x02014b50 && java.util.Arrays.equals(bytes, i + 46, i + 46 + n.length, n, 0, n.length)) {
                b.putInt(i + 24, size);
            } else if (sig == 0x08074b50) {
                b.putInt(i + 12, size); // the data descriptor java.util.zip wrote after the data
            }
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(bytes);
        }
    }
}
