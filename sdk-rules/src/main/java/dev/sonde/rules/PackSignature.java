package dev.sonde.rules;

import dev.sonde.SondeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Detached Ed25519 signatures over a rule pack. DRL is code: a vendor signs the packs it ships, and
 * an application that trusts only that vendor's public key refuses any other pack before a single
 * rule is compiled.
 *
 * <p>What is signed is a canonical manifest: one line {@code <sha256-hex>  <path>} per file of the
 * pack (paths relative to the pack root with {@code /}, sorted, {@value #FILE} itself excluded). The
 * signature file {@value #FILE} at the pack root holds the manifest, the signer's key id and the
 * signature, so a refusal can say exactly which files were changed, added or removed. A pack is a
 * folder or a {@code .zip}/{@code .jar} holding it (at its root or in one top folder); signing an
 * archive writes {@value #FILE} into the archive, at the pack's root.
 *
 * <p>Ed25519 (RFC 8032) comes from Bouncy Castle's lightweight API ({@link Ed25519Signer},
 * {@link Ed25519KeyPairGenerator}). Keys are PEM text: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo)
 * and {@code PRIVATE KEY} (PKCS #8 v1: the 32-byte seed, no public key), as written by
 * {@link #generateKeys()} — byte for byte the encodings of the JDK's own Ed25519 keys, so keys and
 * signatures made with either verify with the other (Ed25519 signatures are deterministic: the same key
 * and pack give the same {@value #FILE}).
 */
public final class PackSignature {

    /** The signature file at a pack's root. */
    public static final String FILE = "pack.sig";
    private static final String HEADER = "sonde-pack-signature/1";
    private static final String ALGORITHM = "Ed25519";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key pair as PEM text. */
    public record Keys(String privateKeyPem, String publicKeyPem) {
        @Override
        public String toString() {
            return "Keys[public " + keyId(parsePublic(publicKeyPem)) + "]"; // never print the private key
        }
    }

    private PackSignature() {
    }

    /** Generates an Ed25519 key pair. */
    public static Keys generateKeys() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        Ed25519PrivateKeyParameters key = (Ed25519PrivateKeyParameters) pair.getPrivate();
        return new Keys(pem("PRIVATE KEY", encodePrivate(key)), pem("PUBLIC KEY", encodePublic(key.generatePublicKey())));
    }

    /**
     * Signs the pack in {@code folderOrArchive} with {@code privateKeyPem}, writing {@value #FILE} at the pack's
     * root: in the folder, or into the {@code .zip}/{@code .jar} (the archive is rewritten with the new entry).
     *
     * @throws SondeException when the key is not an Ed25519 private key, or the pack cannot be read or written
     */
    public static void sign(Path folderOrArchive, String privateKeyPem) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Ed25519PrivateKeyParameters key = parsePrivate(privateKeyPem);
        RulePack.atRoot(folderOrArchive, root -> { // an archive is rewritten with the new entry when closed
            signRoot(root, root.getFileSystem().equals(folderOrArchive.getFileSystem())
                    ? folderOrArchive.toString() : folderOrArchive + "!" + root, key);
            return null;
        });
    }

    private static void signRoot(Path packRoot, String shown, Ed25519PrivateKeyParameters key) {
        if (!Files.isRegularFile(packRoot.resolve("pack.json"))) {
            throw new SondeException("rule pack " + shown + " has no pack.json (at its root or in one top folder); nothing was signed");
        }
        String manifest = manifest(packRoot);
        byte[] message = manifest.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        String signature = Base64.getEncoder().encodeToString(signer.generateSignature());
        String text = HEADER + "\nalgorithm: " + ALGORITHM + "\nkey: " + keyId(key.generatePublicKey()) + "\nsignature: "
                + signature + "\nfiles:\n" + manifest;
        try {
            Files.writeString(packRoot.resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SondeException("cannot write " + FILE + " in " + shown + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the pack in {@code folderOrArchive} (a folder, or a {@code .zip}/{@code .jar} holding it) is
     * signed by {@code trustedPublicKeyPem} and unchanged since.
     *
     * @throws SondeException when it is unsigned, signed by another key, or any file was changed, added or
     *                        removed; the message names them
     */
    public static void verify(Path folderOrArchive, String trustedPublicKeyPem) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Ed25519PublicKeyParameters trusted = parsePublic(trustedPublicKeyPem);
        RulePack.atRoot(folderOrArchive, root -> {
            verifyRoot(root, folderOrArchive.toString(), trusted);
            return null;
        });
    }

    /**
     * {@link #verify}, as a refusal to load: the message starts with {@code refused:} and ends saying that
     * nothing of the pack was loaded (the CLI's {@code --trust} and the API's trusted key say it the same way).
     *
     * @throws SondeException when the pack is not signed by that key and unchanged since
     */
    public static void requireSigned(Path folderOrArchive, String trustedPublicKeyPem) {
        try {
            verify(folderOrArchive, trustedPublicKeyPem);
        } catch (SondeException e) {
            throw new SondeException("refused: " + e.getMessage() + "; nothing of it was loaded", e);
        }
    }

    private static void verifyRoot(Path packRoot, String shown, Ed25519PublicKeyParameters trusted) {
        Path sigFile = packRoot.resolve(FILE);
        if (!Files.isRegularFile(sigFile)) {
            throw new SondeException("rule pack " + shown + " is not signed (no " + FILE + ") and only signed packs are trusted");
        }
        Map<String, String> fields = new TreeMap<>();
        String signedManifest;
        try {
            String text = Files.readString(sigFile, StandardCharsets.UTF_8);
            int files = text.indexOf("\nfiles:\n");
            if (!text.startsWith(HEADER + "\n") || files < 0) {
                throw new SondeException(FILE + " of rule pack " + shown + " is not a Sonde pack signature");
            }
            for (String line : text.substring(0, files).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 2).trim());
                }
            }
            signedManifest = text.substring(files + "\nfiles:\n".length());
        } catch (IOException e) {
            throw new SondeException("cannot read " + FILE + " of rule pack " + shown + ": " + e.getMessage(), e);
        }
        if (!ALGORITHM.equals(fields.get("algorithm"))) {
            throw new SondeException("rule pack " + shown + " is signed with '" + fields.get("algorithm") + "', not " + ALGORITHM);
        }
        if (!keyId(trusted).equals(fields.get("key"))) {
            throw new SondeException("rule pack " + shown + " is signed by key " + fields.get("key")
                    + ", not by the trusted key " + keyId(trusted));
        }
        String actual = manifest(packRoot);
        if (!actual.equals(signedManifest)) {
            throw new SondeException("rule pack " + shown + " was modified after it was signed: " + differences(signedManifest, actual));
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(fields.getOrDefault("signature", ""));
        } catch (IllegalArgumentException e) {
            throw new SondeException("rule pack " + shown + " has an unreadable signature: " + e.getMessage(), e);
        }
        byte[] message = signedManifest.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, trusted);
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(signature)) {
            throw new SondeException("rule pack " + shown + " has an invalid signature (" + FILE + " was tampered with)");
        }
    }

    /** The canonical manifest of the pack: {@code <sha256-hex>  <path>\n} per file, sorted by path. */
    static String manifest(Path packRoot) {
        Map<String, String> lines = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(packRoot)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String rel = packRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!rel.equals(FILE)) {
                    lines.put(rel, HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SondeException("cannot read the rule pack " + packRoot + ": " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder();
        lines.forEach((path, hash) -> out.append(hash).append("  ").append(path).append('\n'));
        return out.toString();
    }

    private static String differences(String signed, String actual) {
        Map<String, String> before = parseManifest(signed);
        Map<String, String> after = parseManifest(actual);
        List<String> out = new ArrayList<>();
        for (String path : new TreeSet<>(before.keySet())) {
            if (!after.containsKey(path)) {
                out.add("removed " + path);
            } else if (!after.get(path).equals(before.get(path))) {
                out.add("changed " + path);
            }
        }
        for (String path : new TreeSet<>(after.keySet())) {
            if (!before.containsKey(path)) {
                out.add("added " + path);
            }
        }
        return out.isEmpty() ? "the manifest differs" : String.join(", ", out);
    }

    private static Map<String, String> parseManifest(String manifest) {
        Map<String, String> out = new TreeMap<>();
        for (String line : manifest.split("\n")) {
            int sep = line.indexOf("  ");
            if (sep > 0) {
                out.put(line.substring(sep + 2), line.substring(0, sep));
            }
        }
        return out;
    }

    /** A short, stable id of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    static String keyId(Ed25519PublicKeyParameters key) {
        return HexFormat.of().formatHex(sha256(encodePublic(key))).substring(0, 16);
    }

    static Ed25519PublicKeyParameters parsePublic(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(unpem(pem, "PUBLIC KEY"));
        } catch (IOException | RuntimeException e) {
            throw new SondeException("not an Ed25519 public key (PEM 'PUBLIC KEY' expected): " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed)) {
            throw new SondeException("not an Ed25519 public key (PEM 'PUBLIC KEY' expected): it is a "
                    + key.getClass().getSimpleName().replace("PublicKeyParameters", "").replace("KeyParameters", "") + " key");
        }
        return ed;
    }

    static Ed25519PrivateKeyParameters parsePrivate(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(unpem(pem, "PRIVATE KEY"));
        } catch (IOException | RuntimeException e) {
            throw new SondeException("not an Ed25519 private key (PEM 'PRIVATE KEY' expected): " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed)) {
            throw new SondeException("not an Ed25519 private key (PEM 'PRIVATE KEY' expected): it is a "
                    + key.getClass().getSimpleName().replace("PrivateCrtKeyParameters", "").replace("PrivateKeyParameters", "")
                            .replace("KeyParameters", "") + " key");
        }
        return ed;
    }

    /** X.509 SubjectPublicKeyInfo, DER. */
    private static byte[] encodePublic(Ed25519PublicKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 public key", e);
        }
    }

    /**
     * PKCS #8 v1, DER: the seed only. Bouncy Castle's factory writes v2 (with the public key); v1 is what the JDK
     * writes and what earlier Sonde versions wrote, so the key files stay the same.
     */
    private static byte[] encodePrivate(Ed25519PrivateKeyParameters key) {
        try {
            PrivateKeyInfo full = PrivateKeyInfoFactory.createPrivateKeyInfo(key);
            return new PrivateKeyInfo(full.getPrivateKeyAlgorithm(), full.parsePrivateKey()).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 private key", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem == null ? -1 : pem.indexOf(begin);
        int e = b < 0 ? -1 : pem.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }
}
