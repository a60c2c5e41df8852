package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.SondeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackSignatureTest {

    static final PackSignature.Keys VENDOR = PackSignature.generateKeys();

    @TempDir
    Path pack;

    @BeforeEach
    void aSignedPack() throws Exception {
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"1.0\",\"apiVersion\":1}");
        Files.writeString(pack.resolve("acme.drl"), "package acme;\n");
        Files.createDirectories(pack.resolve("cases/one"));
        Files.writeString(pack.resolve("cases/one/auth.log"), "[2024-01-01T00:00:00:INFO:x.cc(1)] hello\n");
        PackSignature.sign(pack, VENDOR.privateKeyPem());
    }

    @Test
    void anUnchangedPackVerifiesWithTheSignersKey() {
        assertThatCode(() -> PackSignature.verify(pack, VENDOR.publicKeyPem())).doesNotThrowAnyException();
        assertThat(PackSignature.manifest(pack).lines()).hasSize(3).allMatch(l -> l.matches("[0-9a-f]{64}  \\S+"));
    }

    @Test
    void changedAddedAndRemovedFilesAreNamed() throws Exception {
        Files.writeString(pack.resolve("acme.drl"), "package acme;\nrule \"sneaky\" when then end\n");
        Files.writeString(pack.resolve("extra.drl"), "package acme;\n");
        Files.delete(pack.resolve("cases/one/auth.log"));
        assertThatThrownBy(() -> PackSignature.verify(pack, VENDOR.publicKeyPem()))
                .isInstanceOf(SondeException.class)
                .hasMessageContaining("changed acme.drl")
                .hasMessageContaining("added extra.drl")
                .hasMessageContaining("removed cases/one/auth.log");
    }

    @Test
    void anotherKeyOrNoSignatureIsRefused() throws Exception {
        PackSignature.Keys stranger = PackSignature.generateKeys();
        assertThatThrownBy(() -> PackSignature.verify(pack, stranger.publicKeyPem()))
                .hasMessageContaining("not by the trusted key");
        Files.delete(pack.resolve(PackSignature.FILE));
        assertThatThrownBy(() -> PackSignature.verify(pack, VENDOR.publicKeyPem()))
                .hasMessageContaining("not signed");
    }

    @Test
    void aForgedSignatureLineIsRefused() throws Exception {
        Path sig = pack.resolve(PackSignature.FILE);
        String text = Files.readString(sig);
        String line = text.lines().filter(l -> l.startsWith("signature: ")).findFirst().orElseThrow();
        int at = "signature: ".length() + 10; // a character that carries signature bits, not base64 padding
        String forged = line.substring(0, at) + (line.charAt(at) == 'A' ? 'z' : 'A') + line.substring(at + 1);
        Files.writeString(sig, text.replace(line, forged));
        assertThatThrownBy(() -> PackSignature.verify(pack, VENDOR.publicKeyPem()))
                .isInstanceOf(SondeException.class).hasMessageContaining("signature");
    }

    @Test
    void keysArePemAndNeverPrintThePrivateHalf() {
        assertThat(VENDOR.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(VENDOR.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(VENDOR.toString()).doesNotContain("PRIVATE");
        assertThatThrownBy(() -> PackSignature.verify(pack, "not a key")).hasMessageContaining("PUBLIC KEY");
    }
}
