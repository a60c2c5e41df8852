package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, §2 "rules sign x.zip rewrites the archive and drops its comment and duplicate entries": signing an
 * archive adds (or replaces) {@code pack.sig} and changes nothing else — the same entries in the same order with the
 * same names, data, times, extra fields and comments, the same archive comment — or refuses, saying why.
 */
class ArchiveSigningTest {

    static final PackSignature.Keys VENDOR = PackSignature.generateKeys();

    @TempDir
    Path tmp;

    /** Everything java.util.zip tells of an entry, its data included. */
    record Seen(String name, long time, String extra, String comment, int method, long crc, long size, long compressed,
            String data) {
    }

    static List<Seen> entries(Path zip) throws Exception {
        List<Seen> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                byte[] data = z.getInputStream(e).readAllBytes();
                out.add(new Seen(e.getName(), e.getTime(), Arrays.toString(e.getExtra()), e.getComment(), e.getMethod(),
                        e.getCrc(), e.getSize(), e.getCompressedSize(), new String(data, StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    static String comment(Path zip) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getComment();
        }
    }

    /** A pack archive made the way real tools make them: a top folder entry, stored and deflated entries, comments. */
    static Path unusualArchive(Path zip) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment("Acme pack 1.0 - built 2024-05-01");
            ZipEntry dir = new ZipEntry("acme-1.0/");
            dir.setTime(1_600_000_000_000L);
            out.putNextEntry(dir);
            ZipEntry drl = new ZipEntry("acme-1.0/acme.drl"); // deflated, with a data descriptor
            drl.setComment("the rules");
            drl.setExtra(new byte[] {(byte) 0xfe, (byte) 0xca, 4, 0, 1, 2, 3, 4}); // an extra field of some tool
            drl.setLastModifiedTime(FileTime.fromMillis(1_650_000_000_000L));
            out.putNextEntry(drl);
            out.write(HostilePacks.rule("SIGNED_RULE").getBytes(StandardCharsets.UTF_8));
            byte[] manifest = HostilePacks.PACK_JSON.getBytes(StandardCharsets.UTF_8);
            ZipEntry json = new ZipEntry("acme-1.0/pack.json"); // stored, sizes in the local header
            json.setMethod(ZipEntry.STORED);
            json.setSize(manifest.length);
            CRC32 crc = new CRC32();
            crc.update(manifest);
            json.setCrc(crc.getValue());
            json.setTime(1_500_000_000_000L);
            out.putNextEntry(json);
            out.write(manifest);
            out.putNextEntry(new ZipEntry("acme-1.0/messages_en.properties"));
            out.write(HostilePacks.MESSAGES.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("README.txt")); // outside the pack's folder: kept, not signed
            out.write("read me".getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    @Test
    void signingAddsPackSigAndChangesNothingElse() throws Exception {
        Path zip = unusualArchive(tmp.resolve("acme.zip"));
        List<Seen> before = entries(zip);
        byte[] bytesBefore = Files.readAllBytes(zip);

        PackSignature.sign(zip, VENDOR.privateKeyPem());

        List<Seen> after = entries(zip);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.get(before.size()).name()).isEqualTo("acme-1.0/pack.sig");
        assertThat(comment(zip)).isEqualTo("Acme pack 1.0 - built 2024-05-01");
        // byte for byte: every entry's local record stays where it was
        int firstCentral = (int) centralOffset(bytesBefore);
        assertThat(Arrays.copyOf(Files.readAllBytes(zip), firstCentral)).isEqualTo(Arrays.copyOf(bytesBefore, firstCentral));
        assertThatCode(() -> PackSignature.verify(zip, VENDOR.publicKeyPem())).doesNotThrowAnyException();
        assertThat(RulePack.open(zip).drl()).containsOnlyKeys("acme.drl");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("no temporary file left beside the archive").containsExactly(zip);
        }
    }

    @Test
    void signingAgainReplacesPackSigInItsPlace() throws Exception {
        Path zip = unusualArchive(tmp.resolve("acme.zip"));
        PackSignature.sign(zip, VENDOR.privateKeyPem());
        List<Seen> once = entries(zip);
        PackSignature.Keys other = PackSignature.generateKeys();

        PackSignature.sign(zip, other.privateKeyPem());

        List<Seen> twice = entries(zip);
        assertThat(twice).extracting(Seen::name).isEqualTo(once.stream().map(Seen::name).toList());
        for (int i = 0; i < once.size(); i++) {
            if (!once.get(i).name().endsWith("pack.sig")) {
                assertThat(twice.get(i)).isEqualTo(once.get(i));
            }
        }
        assertThat(comment(zip)).isEqualTo("Acme pack 1.0 - built 2024-05-01");
        assertThatCode(() -> PackSignature.verify(zip, other.publicKeyPem())).doesNotThrowAnyException();
        assertThatThrownBy(() -> PackSignature.verify(zip, VENDOR.publicKeyPem())).hasMessageContaining("not by the trusted key");
    }

    @Test
    void anArchiveThatCannotBeKeptIntactIsRefusedAndLeftAsItWas() throws Exception {
        Path zip = HostilePacks.zip(tmp.resolve("odd.zip"), new java.util.LinkedHashMap<>(java.util.Map.of(
                "pack.json", HostilePacks.PACK_JSON, "acme.drl", HostilePacks.rule("SIGNED_RULE"))));
        // the local header names the entry differently from the central directory: tools would disagree on its name
        byte[] bytes = Files.readAllBytes(zip);
        int local = indexOf(bytes, "acme.drl".getBytes(StandardCharsets.UTF_8));
        bytes[local] = 'x';
        Files.write(zip, bytes);
        assertThatThrownBy(() -> PackSignature.sign(zip, VENDOR.privateKeyPem())).isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + zip + " was not signed: the local header of entry 'acme.drl' does not match the"
                        + " central directory, and signing would not keep the archive exactly as it is (re-create it with a"
                        + " common zip tool)");
        assertThat(Files.readAllBytes(zip)).isEqualTo(bytes);

        // duplicate entries are refused when the pack is read, before anything is written
        Path twins = HostilePacks.zip(tmp.resolve("twins.zip"), new java.util.LinkedHashMap<>(java.util.Map.of(
                "pack.json", HostilePacks.PACK_JSON, "acme.drl", "package a;", "acmf.drl", "package b;")));
        HostilePacks.renameInPlace(twins, "acmf.drl", "acme.drl");
        byte[] twinBytes = Files.readAllBytes(twins);
        assertThatThrownBy(() -> PackSignature.sign(twins, VENDOR.privateKeyPem())).hasMessageContaining("two entries named 'acme.drl'");
        assertThat(Files.readAllBytes(twins)).isEqualTo(twinBytes);
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Where the central directory starts, from the end record. */
    private static long centralOffset(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return java.nio.ByteBuffer.wrap(zip, i + 16, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            }
        }
        throw new AssertionError("no end record");
    }
}
