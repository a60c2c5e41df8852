package dev.sonde.rules;

import dev.sonde.SondeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Detached Ed25519 signatures over a rule pack. DRL is code: a vendor signs the packs it ships, and
 * an application that trusts only that vendor's public key refuses any other pack before a single
 * rule is compiled.
 *
 * <p>What is signed is a canonical manifest: one line {@code <sha256-hex>  <path>} per file of the
 * pack (paths relative to the pack root with {@code /}, sorted, {@value #FILE} itself excluded). The
 * signature file {@value #FILE} at the pack root holds the manifest, the signer's key id and the
 * signature, so a refusal can say exactly which files were changed, added or removed.
 *
 * <p>Keys are PEM text: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) and {@code PRIVATE KEY}
 * (PKCS #8), as written by {@link #generateKeys()}. Ed25519 comes from the JDK (no extra library).
 */
public final class PackSignature {

    /** The signature file at a pack's root. */
    public static final String FILE = "pack.sig";
    private static final String HEADER = "sonde-pack-signature/1";
    private static final String ALGORITHM = "Ed25519";

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
        try {
            KeyPair kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new Keys(pem("PRIVATE KEY", kp.getPrivate().getEncoded()), pem("PUBLIC KEY", kp.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new SondeException("this Java runtime cannot generate Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /** Signs the pack at {@code packRoot} with {@code privateKeyPem}, writing {@value #FILE}. */
    public static void sign(Path packRoot, String privateKeyPem) {
        PrivateKey key = parsePrivate(privateKeyPem);
        String manifest = manifest(packRoot);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(manifest.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(s.sign());
            PublicKey pub = publicOf(key);
            String text = HEADER + "\nalgorithm: " + ALGORITHM + "\nkey: " + keyId(pub) + "\nsignature: " + signature
                    + "\nfiles:\n" + manifest;
            Files.writeString(packRoot.resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SondeException("cannot sign the rule pack " + packRoot + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SondeException("cannot write " + packRoot.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the pack at {@code packRoot} is signed by {@code trustedPublicKeyPem} and unchanged since.
     *
     * @throws SondeException when it is unsigned, signed by another key, or any file was changed, added or
     *                        removed; the message names them
     */
    public static void verify(Path packRoot, String trustedPublicKeyPem) {
        PublicKey trusted = parsePublic(trustedPublicKeyPem);
        Path sigFile = packRoot.resolve(FILE);
        if (!Files.isRegularFile(sigFile)) {
            throw new SondeException("rule pack " + packRoot + " is not signed (no " + FILE + ") and only signed packs are trusted");
        }
        Map<String, String> fields = new TreeMap<>();
        String signedManifest;
        try {
            String text = Files.readString(sigFile, StandardCharsets.UTF_8);
            int files = text.indexOf("\nfiles:\n");
            if (!text.startsWith(HEADER + "\n") || files < 0) {
                throw new SondeException(sigFile + " is not a Sonde pack signature");
            }
            for (String line : text.substring(0, files).split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 2).trim());
                }
            }
            signedManifest = text.substring(files + "\nfiles:\n".length());
        } catch (IOException e) {
            throw new SondeException("cannot read " + sigFile + ": " + e.getMessage(), e);
        }
        if (!keyId(trusted).equals(fields.get("key"))) {
            throw new SondeException("rule pack " + packRoot + " is signed by key " + fields.get("key")
                    + ", not by the trusted key " + keyId(trusted));
        }
        String actual = manifest(packRoot);
        if (!actual.equals(signedManifest)) {
            throw new SondeException("rule pack " + packRoot + " was modified after it was signed: " + differences(signedManifest, actual));
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(trusted);
            s.update(signedManifest.getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(fields.getOrDefault("signature", "")))) {
                throw new SondeException("rule pack " + packRoot + " has an invalid signature (" + FILE + " was tampered with)");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SondeException("rule pack " + packRoot + " has an unreadable signature: " + e.getMessage(), e);
        }
    }

    /** The canonical manifest of the pack: {@code <sha256-hex>  <path>\n} per file, sorted by path. */
    static String manifest(Path packRoot) {
        Map<String, String> lines = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(packRoot)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String rel = packRoot.relativize(file).toString().replace('\\', '/');
                if (!rel.equals(FILE)) {
                    lines.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SondeException("cannot read the rule pack " + packRoot + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
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

    /** A short, stable id of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey parsePublic(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SondeException("not an Ed25519 public key (PEM 'PUBLIC KEY' expected): " + e.getMessage(), e);
        }
    }

    static PrivateKey parsePrivate(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SondeException("not an Ed25519 private key (PEM 'PRIVATE KEY' expected): " + e.getMessage(), e);
        }
    }

    /**
     * The public half of a private key. A PKCS #8 v1 Ed25519 key holds only its 32-byte seed (the last
     * bytes of the encoding); the JDK's generator rebuilds the pair from that seed.
     */
    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        byte[] pkcs8 = key.getEncoded();
        byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        java.security.spec.NamedParameterSpec ed = java.security.spec.NamedParameterSpec.ED25519;
        KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
        g.initialize(ed, new FixedSeed(seed));
        return g.generateKeyPair().getPublic();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }

    /** Feeds a fixed 32-byte seed to the key generator, so the public key of a stored private key can be rebuilt. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
