package dev.sonde.rules.cache;

import dev.sonde.PackProblem;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.rules.pack.ParsedJson;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import org.drools.base.util.Drools;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in pack's rules compiled at build time and shipped in the jar ({@value #RESOURCE}), so that no run,
 * not even the first, compiles them. It holds the form the compile cache uses ({@link CompiledForm}) under a key
 * of what the compiled rules depend on: the DRL's digest ({@link PackDigest#drl}), the Drools version and the
 * compiler's options, and the pack's JSON files as read ({@link ParsedJson}: each with its bytes' SHA-256, so
 * that a start parses none of them with Jackson). Sonde's own classes are not part of the key: the resource is
 * built with them, into the same jar.
 *
 * <p>The rules are used only for a pack whose key is the resource's: a pack edited after the build (an exported
 * and changed built-in pack, a class folder whose DRL changed without a rebuild) never uses them, and a JSON file
 * whose bytes changed is parsed. The resource's checksum (CRC-32C) is checked before any of it is deserialized, and
 * every part is deserialized through a JEP 290 filter ({@link CompileCache#filter}); a damaged resource, or one that
 * cannot be read back, is logged as a warning and the rules are compiled. Unlike a cache entry it is not
 * authenticated by a secret: it is part of the jar, as trusted as the classes beside it, so the checksum guards
 * against damage only (a cryptographic digest would add nothing against someone who can rewrite the jar, and
 * SHA-256 of the resource cost 30 ms of a cold start's critical path, CRC-32C 1.4 ms).
 *
 * <p>{@link #open} checks the resource without decoding it ({@link PrecompiledParts}), so that a start can decode
 * the rules (Drools' deserialization and the Rete network: half a start) on a second core while the pack's files
 * are read; they are used only once the key of the pack read matches.
 */
public final class PrecompiledPack {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledPack.class);
    /** Where the build puts the built-in pack's compiled rules on the class path. */
    public static final String RESOURCE = "dev/sonde/packs/gwsmo.kbase";
    static final String FORMAT = "sonde-precompiled/3";
    private static final int SUM_BYTES = 4;
    private PrecompiledPack() {
    }

    /**
     * The resource on the class path, its size, checksum and format checked (nothing decoded yet); empty when there
     * is none or it is damaged (a warning is logged). Never throws.
     */
    public static Optional<PrecompiledParts> open() {
        long t0 = System.nanoTime();
        byte[] bytes;
        try (InputStream in = PrecompiledPack.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.debug("no precompiled rules on the class path ({})", RESOURCE);
                return Optional.empty();
            }
            bytes = in.readNBytes((int) CompileCache.MAX_ENTRY_BYTES + 1);
        } catch (IOException e) {
            LOG.warn("the precompiled rules {} cannot be read ({}); the rules are compiled", RESOURCE, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.of(parse(bytes, t0));
        } catch (IOException | RuntimeException e) {
            return damaged(e);
        }
    }

    /**
     * The rules of {@code pack} as compiled at build time, when the class path holds them for this very DRL; empty
     * (the caller compiles) when there are none, they are of another DRL, or they cannot be read back (a warning is
     * logged). Never throws.
     */
    public static Optional<CompileCache.Entry> read(RulePack pack, ClassLoader loader, Properties options) {
        return open().flatMap(r -> r.rules(pack, loader, options));
    }

    /** {@link #read(RulePack, ClassLoader, Properties)} of these bytes. */
    static Optional<CompileCache.Entry> read(byte[] bytes, RulePack pack, ClassLoader loader, Properties options,
            long t0) {
        try {
            return decode(bytes, pack, loader, options, t0);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | StackOverflowError e) {
            return damaged(e);
        }
    }

    /** Logs that the resource is damaged and the rules are compiled; empty. */
    static <T> Optional<T> damaged(Throwable e) {
        LOG.warn("the precompiled rules {} are damaged ({}); the rules are compiled", RESOURCE, e.toString());
        LOG.debug("precompiled rules not usable", e);
        return Optional.empty();
    }

    /** The entry in {@code bytes}, or empty when it is of another DRL; throws when it is damaged. */
    static Optional<CompileCache.Entry> decode(byte[] bytes, RulePack pack, ClassLoader loader, Properties options,
            long t0) throws IOException, ClassNotFoundException {
        PrecompiledParts parts = parse(bytes, t0);
        if (!parts.of(pack, options)) {
            LOG.debug("the precompiled rules are of another DRL than rule pack {}; it is compiled", pack.manifest().id());
            return Optional.empty();
        }
        return Optional.of(parts.decode(loader, options));
    }

    /** The resource in {@code bytes}, checked: size, checksum, format; nothing deserialized yet. */
    private static PrecompiledParts parse(byte[] bytes, long t0) throws IOException {
        if (bytes.length <= SUM_BYTES || bytes.length > CompileCache.MAX_ENTRY_BYTES) {
            throw new IOException("a resource of " + bytes.length + " bytes");
        }
        if (!Arrays.equals(checksum(bytes, bytes.length - SUM_BYTES),
                Arrays.copyOfRange(bytes, bytes.length - SUM_BYTES, bytes.length))) {
            throw new IOException("its checksum does not match");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - SUM_BYTES))) {
            if (!FORMAT.equals(in.readUTF())) {
                throw new IOException("a resource of another format");
            }
            String key = in.readUTF();
            List<String> allowed = new ArrayList<>();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                allowed.add(in.readUTF());
            }
            byte[] head = bytes(in);
            byte[] body = bytes(in);
            byte[] json = bytes(in);
            return new PrecompiledParts(key, allowed, head, body, json, t0);
        }
    }

    /** A length, then that many bytes (within what is left). */
    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a part of " + n + " bytes where " + in.available() + " are left");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /**
     * The bytes {@link #read} reads: format, key, the packages classes may come from ({@link CompiledForm}), head,
     * body, the pack's JSON files as read ({@code json}), then the {@linkplain #checksum checksum} of all of it.
     */
    public static byte[] encode(RulePack pack, KieBase kieBase, List<PackProblem> warnings, Properties options,
            ParsedJson json) throws IOException {
        byte[] head = CompiledForm.head(kieBase, warnings);
        byte[] body = CompiledForm.body(kieBase);
        ByteArrayOutputStream parsed = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(parsed)) {
            json.write(out);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length + body.length + parsed.size() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(key(pack, options));
            List<String> allowed = CompiledForm.allowedPackages(pack); // parsed from the DRL here, not at each start
            out.writeInt(allowed.size());
            for (String p : allowed) {
                out.writeUTF(p);
            }
            for (byte[] part : List.of(head, body, parsed.toByteArray())) {
                out.writeInt(part.length);
                out.write(part);
            }
            byte[] all = bytes.toByteArray();
            out.write(checksum(all, all.length));
        }
        return bytes.toByteArray();
    }

    /** SHA-256 hex of the format, the Drools version, the compiler's options and the DRL's digest. */
    static String key(RulePack pack, Properties options) {
        MessageDigest md = sha256();
        String text = String.join("\n", FORMAT, CompileCache.FORMAT, "drools " + Drools.getFullVersion(),
                new TreeSet<>(options.stringPropertyNames()).stream().map(k -> k + "=" + options.getProperty(k))
                        .toList().toString(),
                PackDigest.drl(pack));
        return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The CRC-32C of {@code bytes[0, length)}, big-endian: what the resource ends with. */
    static byte[] checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        int v = (int) crc.getValue();
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
