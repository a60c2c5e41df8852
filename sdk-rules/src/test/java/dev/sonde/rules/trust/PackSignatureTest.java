package dev.sonde.rules.trust;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackFiles;
import dev.sonde.rules.pack.RulePack;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing and verifying packs (folders and archives) with Bouncy Castle's Ed25519, compatible with the JDK's. */
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
    void anArchiveWithoutAPackIsNotSigned(@TempDir Path work) throws Exception {
        Path zip = work.resolve("not-a-pack.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        String key = PackSignature.generateKeys().privateKeyPem();
        assertThatThrownBy(() -> PackSignature.sign(zip, key)).isInstanceOf(SondeException.class)
                .hasMessageContaining("no pack.json").hasMessageContaining("not-a-pack.zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry(PackSignature.FILE)).as("nothing written").isNull();
        }
    }

    @Test
    void anUnchangedPackVerifiesWithTheSignersKey() throws Exception {
        assertThatCode(() -> PackSignature.verify(pack, VENDOR.publicKeyPem())).doesNotThrowAnyException();
        String statement = PackSignature.statement(PackFiles.read(pack));
        assertThat(statement).matches("\\{\"format\":\"sonde-pack-signature/2\",\"pack\":\\{\"id\":\"acme\",\"version\":\"1.0\"},"
                + "\"files\":\\[\\{\"path\":\"acme.drl\",\"sha256\":\"[0-9a-f]{64}\"},"
                + "\\{\"path\":\"cases/one/auth.log\",\"sha256\":\"[0-9a-f]{64}\"},"
                + "\\{\"path\":\"pack.json\",\"sha256\":\"[0-9a-f]{64}\"}]}");
        String sig = Files.readString(pack.resolve(PackSignature.FILE));
        assertThat(sig.lines().toList()).hasSize(5).startsWith("sonde-pack-signature/2", "algorithm: Ed25519")
                .endsWith("statement: " + statement);
    }

    @Test
    void anOldFormatSignatureIsRefusedWithAnAskToSignAgain() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(pack.resolve(PackSignature.FILE), v1Signature(pack, jdk));
        assertThatThrownBy(() -> PackSignature.verify(pack, pem("PUBLIC KEY", jdk.getPublic().getEncoded())))
                .isInstanceOf(SondeException.class)
                .hasMessage("rule pack " + pack + " is signed in the old format sonde-pack-signature/1, which no longer counts"
                        + " (its list of files could be forged): sign it again with this Sonde ('sonde rules sign')");
    }

    @Test
    void aSignatureFileOfAnotherShapeIsRefused() throws Exception {
        Path sig = pack.resolve(PackSignature.FILE);
        String text = Files.readString(sig);
        for (String broken : List.of("", "hello\n", text.replace("algorithm: ", "algo: "),
                text.replace("\nstatement: ", "\nextra: 1\nstatement: "), text + "statement: {}\n")) {
            Files.writeString(sig, broken);
            assertThatThrownBy(() -> PackSignature.verify(pack, VENDOR.publicKeyPem())).isInstanceOf(SondeException.class)
                    .hasMessage(PackSignature.FILE + " of rule pack " + pack + " is not a Sonde pack signature (sonde-pack-signature/2)");
        }
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

    // --- compatibility with keys and signatures made with the JDK's Ed25519 (what PackSignature used before) -------

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** A pack.sig of the old format 1: the bare manifest {@code <sha256>  <path>} lines, signed with the JDK. */
    static String v1Signature(Path pack, KeyPair keys) throws Exception {
        StringBuilder manifest = new StringBuilder();
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = pack.relativize(f).toString().replace('\\', '/');
                if (!rel.equals(PackSignature.FILE)) {
                    manifest.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))))
                            .append("  ").append(rel).append('\n');
                }
            }
        }
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(manifest.toString().getBytes(StandardCharsets.UTF_8));
        return "sonde-pack-signature/1\nalgorithm: Ed25519\nkey: " + keyId(keys.getPublic()) + "\nsignature: "
                + Base64.getEncoder().encodeToString(s.sign()) + "\nfiles:\n" + manifest;
    }

    static String keyId(PublicKey key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
    }

    /** pack.sig (format 2) as a signer using the JDK's Ed25519 would write it. */
    static String jdkSignature(Path pack, KeyPair keys) throws Exception {
        String statement = PackSignature.statement(PackFiles.read(pack));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(statement.getBytes(StandardCharsets.UTF_8));
        return "sonde-pack-signature/2\nalgorithm: Ed25519\nkey: " + keyId(keys.getPublic()) + "\nsignature: "
                + Base64.getEncoder().encodeToString(s.sign()) + "\nstatement: " + statement + "\n";
    }

    @Test
    void keysAndSignaturesMadeWithTheJdkVerifyAndAreMadeTheSame() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String jdkPrivate = pem("PRIVATE KEY", jdk.getPrivate().getEncoded());
        String jdkPublic = pem("PUBLIC KEY", jdk.getPublic().getEncoded());
        String jdkSig = jdkSignature(pack, jdk);
        Files.writeString(pack.resolve(PackSignature.FILE), jdkSig);

        assertThatCode(() -> PackSignature.verify(pack, jdkPublic)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PackSignature.verify(pack, VENDOR.publicKeyPem())).hasMessageContaining("not by the trusted key");

        // the JDK's private key file signs with Sonde's code: Ed25519 is deterministic, so pack.sig is byte for byte the same
        Files.delete(pack.resolve(PackSignature.FILE));
        PackSignature.sign(pack, jdkPrivate);
        assertThat(Files.readString(pack.resolve(PackSignature.FILE))).isEqualTo(jdkSig);

        Files.writeString(pack.resolve("acme.drl"), "package acme; // changed\n");
        assertThatThrownBy(() -> PackSignature.verify(pack, jdkPublic)).hasMessageContaining("changed acme.drl");
    }

    @Test
    void newKeysHaveTheJdkEncodingsAndNewSignaturesVerifyWithTheJdk() throws Exception {
        PackSignature.Keys keys = PackSignature.generateKeys();
        byte[] pkcs8 = der(keys.privateKeyPem());
        byte[] spki = der(keys.publicKeyPem());
        // PKCS #8 v1 holding the seed only (48 bytes), X.509 SubjectPublicKeyInfo (44 bytes), as the JDK writes them
        assertThat(HexFormat.of().formatHex(pkcs8)).hasSize(96).startsWith("302e020100300506032b657004220420");
        assertThat(HexFormat.of().formatHex(spki)).hasSize(88).startsWith("302a300506032b6570032100");
        KeyFactory ed = KeyFactory.getInstance("Ed25519");
        java.security.PrivateKey priv = ed.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey pub = ed.generatePublic(new X509EncodedKeySpec(spki));
        assertThat(priv.getEncoded()).isEqualTo(pkcs8);
        assertThat(pub.getEncoded()).isEqualTo(spki);

        PackSignature.sign(pack, keys.privateKeyPem());
        String text = Files.readString(pack.resolve(PackSignature.FILE));
        String signature = text.lines().filter(l -> l.startsWith("signature: ")).findFirst().orElseThrow().substring(11);
        String keyId = text.lines().filter(l -> l.startsWith("key: ")).findFirst().orElseThrow().substring(5);
        assertThat(keyId).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki)).substring(0, 16));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(pub);
        v.update(PackSignature.statement(PackFiles.read(pack)).getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(Base64.getDecoder().decode(signature))).isTrue();
        assertThat(text).isEqualTo(jdkSignature(pack, new KeyPair(pub, priv)));
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefusedByName() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> PackSignature.sign(pack, pem("PRIVATE KEY", rsa.getPrivate().getEncoded())))
                .isInstanceOf(SondeException.class).hasMessage("not an Ed25519 private key (PEM 'PRIVATE KEY' expected): it is a RSA key");
        assertThatThrownBy(() -> PackSignature.verify(pack, pem("PUBLIC KEY", rsa.getPublic().getEncoded())))
                .isInstanceOf(SondeException.class).hasMessage("not an Ed25519 public key (PEM 'PUBLIC KEY' expected): it is a RSA key");
        assertThatThrownBy(() -> PackSignature.sign(pack, VENDOR.publicKeyPem())).hasMessageContaining("'PRIVATE KEY' expected");
    }

    // --- archives: pack.sig is written into the .zip/.jar, at the pack's root -------------------------------------

    /** Zips the pack folder, under {@code top/} when {@code top} is not empty. */
    static Path zip(Path from, Path to, String top) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(top + from.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return to;
    }

    @Test
    void anArchiveIsSignedInPlaceVerifiedAndATamperedEntryIsNamed(@TempDir Path work) throws Exception {
        Files.delete(pack.resolve(PackSignature.FILE));
        for (String top : List.of("", "acme-1.0/")) {
            Path zip = zip(pack, work.resolve("acme" + top.length() + ".zip"), top);
            assertThatThrownBy(() -> PackSignature.verify(zip, VENDOR.publicKeyPem())).hasMessageContaining("is not signed");

            PackSignature.sign(zip, VENDOR.privateKeyPem());
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertThat(z.getEntry(top + PackSignature.FILE)).as("pack.sig at the pack's root in %s", zip).isNotNull();
                assertThat(new String(z.getInputStream(z.getEntry(top + PackSignature.FILE)).readAllBytes(), StandardCharsets.UTF_8))
                        .contains("\nstatement: {").contains("{\"path\":\"acme.drl\",").contains("{\"path\":\"cases/one/auth.log\",");
                assertThat(z.stream().filter(e -> !e.isDirectory()).count()).isEqualTo(4);
            }
            assertThatCode(() -> PackSignature.verify(zip, VENDOR.publicKeyPem())).doesNotThrowAnyException();
            assertThat(RulePack.open(zip).drl()).containsKey("acme.drl"); // still a readable pack

            // one entry changed inside the signed archive: refused, naming it
            try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of())) {
                Files.writeString(fs.getPath("/" + top + "cases/one/auth.log"), "[2024-01-01T00:00:00:INFO:x.cc(1)] bye\n");
            }
            assertThatThrownBy(() -> PackSignature.verify(zip, VENDOR.publicKeyPem()))
                    .isInstanceOf(SondeException.class)
                    .hasMessage("rule pack " + zip + " was modified after it was signed: changed cases/one/auth.log");
        }
        Path notAPack = Files.writeString(work.resolve("empty.zip"), "");
        assertThatThrownBy(() -> PackSignature.sign(notAPack, VENDOR.privateKeyPem())).isInstanceOf(SondeException.class)
                .hasMessageContaining(notAPack.toString());
    }
}
