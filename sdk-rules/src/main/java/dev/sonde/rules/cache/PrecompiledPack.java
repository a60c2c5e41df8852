package dev.sonde.rules.cache;

import dev.sonde.PackProblem;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import org.drools.base.util.Drools;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in pack's rules compiled at build time and shipped in the jar ({@value #RESOURCE}), so that no run,
 * not even the first, compiles them. It holds the form the compile cache uses ({@link CompiledForm}) under a key
 * of what the compiled rules depend on: the DRL's digest ({@link PackDigest#drl}), the Drools version and the
 * compiler's options. Sonde's own classes are not part of it: the resource is built with them, into the same jar.
 *
 * <p>It is read only for a pack whose key is the resource's: a pack edited after the build (an exported and
 * changed built-in pack, a class folder whose DRL changed without a rebuild) never uses it. Its SHA-256 is
 * checked before any of it is deserialized; a damaged resource, or one that cannot be read back, is logged as a
 * warning and the rules are compiled. Unlike a cache entry it is not authenticated by a secret: it is part of
 * the jar, as trusted as the classes beside it.
 */
public final class PrecompiledPack {

    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledPack.class);
    /** Where the build puts the built-in pack's compiled rules on the class path. */
    public static final String RESOURCE = "dev/sonde/packs/gwsmo.kbase";
    static final String FORMAT = "sonde-precompiled/1";
    private static final int SHA_BYTES = 32;

    private PrecompiledPack() {
    }

    /**
     * The rules of {@code pack} as compiled at build time, when the class path holds them for this very DRL; empty
     * (the caller compiles) when there are none, they are of another DRL, or they cannot be read back (a warning is
     * logged). Never throws.
     */
    public static Optional<CompileCache.Entry> read(RulePack pack, ClassLoader loader, Properties options) {
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
        return read(bytes, pack, loader, options, t0);
    }

    /** {@link #read(RulePack, ClassLoader, Properties)} of these bytes. */
    static Optional<CompileCache.Entry> read(byte[] bytes, RulePack pack, ClassLoader loader, Properties options,
            long t0) {
        try {
            return decode(bytes, pack, loader, options, t0);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | StackOverflowError e) {
            LOG.warn("the precompiled rules {} are damaged ({}); the rules are compiled", RESOURCE, e.toString());
            LOG.debug("precompiled rules not usable", e);
            return Optional.empty();
        }
    }

    /** The entry in {@code bytes}, or empty when it is of another DRL; throws when it is damaged. */
    static Optional<CompileCache.Entry> decode(byte[] bytes, RulePack pack, ClassLoader loader, Properties options,
            long t0) throws IOException, ClassNotFoundException {
        if (bytes.length <= SHA_BYTES || bytes.length > CompileCache.MAX_ENTRY_BYTES) {
            throw new IOException("a resource of " + bytes.length + " bytes");
        }
        byte[] sha = sha256().digest(Arrays.copyOf(bytes, bytes.length - SHA_BYTES));
        if (!MessageDigest.isEqual(sha, Arrays.copyOfRange(bytes, bytes.length - SHA_BYTES, bytes.length))) {
            throw new IOException("its checksum does not match");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - SHA_BYTES))) {
            if (!FORMAT.equals(in.readUTF())) {
                throw new IOException("a resource of another format");
            }
            String key = key(pack, options);
            if (!key.equals(in.readUTF())) {
                // expected when the pack is not the one built (an edited copy of it): never a stale compilation
                LOG.debug("the precompiled rules are of another DRL than rule pack {}; it is compiled",
                        pack.manifest().id());
                return Optional.empty();
            }
            List<String> allowed = new ArrayList<>();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                allowed.add(in.readUTF());
            }
            byte[] head = new byte[in.readInt()];
            in.readFully(head);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            CompileCache.Entry entry = CompiledForm.read(head, body, allowed, loader, options);
            LOG.debug("rule pack {}: precompiled rules read in {} ms", pack.manifest().id(),
                    (System.nanoTime() - t0) / 1_000_000);
            return Optional.of(entry);
        }
    }

    /**
     * The bytes {@link #read} reads: format, key, the packages classes may come from ({@link CompiledForm}), head,
     * body, then the SHA-256 of all of it.
     */
    public static byte[] encode(RulePack pack, KieBase kieBase, List<PackProblem> warnings, Properties options)
            throws IOException {
        byte[] head = CompiledForm.head(kieBase, warnings);
        byte[] body = CompiledForm.body(kieBase);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length + body.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(key(pack, options));
            List<String> allowed = CompiledForm.allowedPackages(pack); // parsed from the DRL here, not at each start
            out.writeInt(allowed.size());
            for (String p : allowed) {
                out.writeUTF(p);
            }
            out.writeInt(head.length);
            out.write(head);
            out.writeInt(body.length);
            out.write(body);
            out.write(sha256().digest(bytes.toByteArray()));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
