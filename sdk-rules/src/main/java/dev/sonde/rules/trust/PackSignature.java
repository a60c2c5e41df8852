package dev.sonde.rules.trust;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.rules.pack.PackFiles;
import dev.sonde.rules.pack.PackManifest;
import dev.sonde.rules.pack.PackPaths;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * <p>What is signed is a <em>statement</em> ({@value #FORMAT}): one line of canonical JSON naming the pack
 * (its {@code id} and {@code version} from {@code pack.json}) and every file of the pack with its SHA-256,
 * sorted by path ({@value #FILE} itself excluded):
 * <pre>{@code {"format":"sonde-pack-signature/2","pack":{"id":"acme","version":"1.0"},"files":[{"path":"acme.drl","sha256":"9f…"}]}}</pre>
 * JSON quoting makes the list unambiguous (no file name can pose as a line of it), and pack paths hold printable
 * ASCII only ({@link PackPaths#whyBadPath}). The signature file {@value #FILE} at the pack root holds the
 * signer's key id, the signature and the statement, so a refusal can say exactly which files were changed,
 * added or removed. A pack is a folder or a {@code .zip}/{@code .jar} holding it (at its root or in one top
 * folder); signing an archive puts {@value #FILE} into it and changes nothing else ({@link ZipPatch}).
 *
 * <p>A pack is read once into memory ({@link PackFiles}) and verified from those bytes; a caller that loads the
 * pack builds it from the same bytes ({@link TrustedPacks#load}), so a file swapped on disk
 * after the check is never compiled.
 *
 * <p>Ed25519 (RFC 8032) comes from Bouncy Castle's lightweight API ({@link Ed25519Signer},
 * {@link Ed25519KeyPairGenerator}). Keys are PEM text: {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo)
 * and {@code PRIVATE KEY} (PKCS #8 v1: the 32-byte seed, no public key), as written by
 * {@link #generateKeys()} — byte for byte the encodings of the JDK's own Ed25519 keys, so keys made with
 * either work with the other (Ed25519 signatures are deterministic: the same key and pack give the same
 * {@value #FILE}).
 */
public final class PackSignature {

    /** The signature file at a pack's root. */
    public static final String FILE = PackDigest.SIGNATURE_FILE;
    /** The signature format this Sonde writes and reads. */
    static final String FORMAT = "sonde-pack-signature/2";
    private static final String OLD_FORMAT = "sonde-pack-signature/1";
    private static final String ALGORITHM = "Ed25519";
    private static final int MAX_SIGNATURE_FILE = 1 << 20;
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
     * root: in the folder, or into the {@code .zip}/{@code .jar}, whose other entries, their order and the archive
     * comment stay exactly as they were. Either way the file is written beside its target and moved into place
     * atomically.
     *
     * @throws SondeException when the key is not an Ed25519 private key, the pack cannot be read (or breaks the
     *                        limits), an archive cannot be kept intact, or the result cannot be written
     */
    public static void sign(Path folderOrArchive, String privateKeyPem) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Ed25519PrivateKeyParameters key = parsePrivate(privateKeyPem);
        PackFiles files = PackFiles.read(folderOrArchive);
        if (!files.files().containsKey("pack.json")) {
            throw new SondeException("rule pack " + files.origin()
                    + " has no pack.json (at its root or in one top folder); nothing was signed");
        }
        byte[] statement = statement(files).getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(statement, 0, statement.length);
        String text = FORMAT + "\nalgorithm: " + ALGORITHM + "\nkey: " + keyId(key.generatePublicKey()) + "\nsignature: "
                + Base64.getEncoder().encodeToString(signer.generateSignature()) + "\nstatement: "
                + new String(statement, StandardCharsets.UTF_8) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Ed25519PublicKeyParameters own = key.generatePublicKey();
        String origin = files.origin();
        if (files.archiveRoot() == null) {
            writeBeside(folderOrArchive, bytes);
            signedAsRead(folderOrArchive, origin, own);
        } else { // the archive as it will be is checked before it replaces the one that was read
            ZipPatch.put(folderOrArchive, files.archiveRoot() + FILE, bytes,
                    name -> PackPaths.normalise(origin, name).toLowerCase(Locale.ROOT),
                    temp -> signedAsRead(temp, origin, own));
        }
    }

    /** The pack now verifies with the signer's own key: nothing changed between reading it and writing pack.sig. */
    private static void signedAsRead(Path pack, String origin, Ed25519PublicKeyParameters own) {
        try {
            verify(PackFiles.read(pack), own);
        } catch (SondeException e) {
            throw new SondeException("rule pack " + origin + " changed while it was being signed; sign it again", e);
        }
    }

    /** Writes {@value #FILE} into a pack folder through a temporary file moved into place. */
    private static void writeBeside(Path folder, byte[] bytes) {
        Path temp = null;
        try {
            Path root = folder.toRealPath();
            temp = Files.createTempFile(root, "." + FILE + ".", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, root.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new SondeException("cannot write " + FILE + " in " + folder + " (" + InputFiles.reason(e) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort: a stray temporary file is harmless (and would fail the next check, visibly)
                }
            }
        }
    }

    /**
     * Checks that the pack in {@code folderOrArchive} (a folder, or a {@code .zip}/{@code .jar} holding it) is
     * signed by {@code trustedPublicKeyPem} and unchanged since.
     *
     * @throws SondeException when it is unsigned, signed by another key or in the old format, or any file was
     *                        changed, added or removed; the message names them
     */
    public static void verify(Path folderOrArchive, String trustedPublicKeyPem) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Ed25519PublicKeyParameters trusted = parsePublic(trustedPublicKeyPem);
        verify(PackFiles.read(folderOrArchive), trusted);
    }

    /**
     * {@link #verify}, as a refusal to load: the message starts with {@code refused:} and ends saying that
     * nothing of the pack was loaded (the CLI's {@code --trust} and the API's trusted key say it the same way).
     * To load what was verified, use {@link TrustedPacks#load} instead.
     *
     * @throws RulePackException when the pack is not signed by that key and unchanged since
     */
    public static void requireSigned(Path folderOrArchive, String trustedPublicKeyPem) {
        Objects.requireNonNull(folderOrArchive, "folderOrArchive");
        Ed25519PublicKeyParameters trusted = parsePublic(trustedPublicKeyPem);
        requireSigned(PackFiles.read(folderOrArchive), trusted);
    }

    /** {@link #requireSigned(Path, String)} of a pack already read. */
    static void requireSigned(PackFiles files, String trustedPublicKeyPem) {
        requireSigned(files, parsePublic(trustedPublicKeyPem));
    }

    private static void requireSigned(PackFiles files, Ed25519PublicKeyParameters trusted) {
        try {
            verify(files, trusted);
        } catch (SondeException e) {
            String why = "refused: " + e.getMessage() + "; nothing of it was loaded";
            throw new RulePackException(why, List.of(PackProblem.error(FILE, why)), e);
        }
    }

    /** The parts of a {@value #FILE}. */
    private record Signed(String algorithm, String key, String signature, String statement) {
    }

    static void verify(PackFiles files, Ed25519PublicKeyParameters trusted) {
        String shown = files.origin();
        byte[] sigBytes = files.bytes(FILE).orElseThrow(() -> new SondeException("rule pack " + shown
                + " is not signed (no " + FILE + ") and only signed packs are trusted"));
        Signed signed = parse(sigBytes, shown);
        if (!ALGORITHM.equals(signed.algorithm())) {
            throw new SondeException("rule pack " + shown + " is signed with '" + PackPaths.shown(signed.algorithm())
                    + "', not " + ALGORITHM);
        }
        if (!keyId(trusted).equals(signed.key())) {
            throw new SondeException("rule pack " + shown + " is signed by key " + PackPaths.shown(signed.key())
                    + ", not by the trusted key " + keyId(trusted));
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signed.signature());
        } catch (IllegalArgumentException e) {
            throw new SondeException("rule pack " + shown + " has an unreadable signature (" + FILE + " was damaged)", e);
        }
        byte[] message = signed.statement().getBytes(StandardCharsets.UTF_8);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, trusted);
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(signature)) {
            throw new SondeException("rule pack " + shown + " has an invalid signature (" + FILE + " was tampered with)");
        }
        // the statement is the signer's: now the pack must be exactly what it lists
        String actual = statement(files);
        if (!actual.equals(signed.statement())) {
            throw new SondeException("rule pack " + shown + " was modified after it was signed: "
                    + SignedStatement.differences(signed.statement(), actual));
        }
    }

    /** Reads {@value #FILE}: five lines, each in its place; an old-format signature is refused, saying so. */
    private static Signed parse(byte[] bytes, String shown) {
        if (bytes.length > MAX_SIGNATURE_FILE) {
            throw new SondeException(FILE + " of rule pack " + shown + " is larger than "
                    + InputFiles.size(MAX_SIGNATURE_FILE) + ", so it is not a Sonde pack signature");
        }
        String text;
        try {
            text = RulePack.text(bytes, FILE);
        } catch (SondeException e) {
            throw new SondeException(FILE + " of rule pack " + shown + " is not a Sonde pack signature (not UTF-8 text)", e);
        }
        String[] lines = text.split("\n", -1);
        String header = lines[0].strip();
        if (header.equals(OLD_FORMAT)) {
            throw new SondeException("rule pack " + shown + " is signed in the old format " + OLD_FORMAT
                    + ", which no longer counts (its list of files could be forged): sign it again with this Sonde"
                    + " ('sonde rules sign')");
        }
        String[] keys = {"algorithm: ", "key: ", "signature: ", "statement: "};
        boolean shape = header.equals(FORMAT) && lines.length >= 5
                && (lines.length == 5 || (lines.length == 6 && lines[5].isEmpty()));
        String[] values = new String[keys.length];
        for (int i = 0; shape && i < keys.length; i++) {
            String line = lines[i + 1].endsWith("\r") ? lines[i + 1].substring(0, lines[i + 1].length() - 1) : lines[i + 1];
            shape = line.startsWith(keys[i]);
            values[i] = shape ? line.substring(keys[i].length()) : null;
        }
        if (!shape) {
            throw new SondeException(FILE + " of rule pack " + shown + " is not a Sonde pack signature ("
                    + FORMAT + ")");
        }
        return new Signed(values[0].strip(), values[1].strip(), values[2].strip(), values[3]);
    }

    /**
     * The statement signed for these files: canonical JSON (no spaces; keys in this order; files sorted by path;
     * strings escaped by {@link SignedStatement#quote}). {@code pack.json} must name a valid pack.
     */
    static String statement(PackFiles files) {
        byte[] manifest = files.bytes("pack.json").orElseThrow(() -> new SondeException("rule pack "
                + files.origin() + " has no pack.json"));
        PackManifest m = PackManifest.read(RulePack.text(manifest, "pack.json"));
        return SignedStatement.of(FORMAT, m.id(), m.version(), PackDigest.select(files, PackDigest.Selection.SIGNED));
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
        return PackFiles.sha256().digest(bytes);
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
