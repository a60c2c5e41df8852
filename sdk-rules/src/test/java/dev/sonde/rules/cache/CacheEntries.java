package dev.sonde.rules.cache;

import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.engine.PackCompiler;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test access to the compile cache from other packages ({@code dev.sonde.hostile}): where a pack's entry is,
 * entries built around any serialized body under any key, the folder's key, pruning.
 */
public final class CacheEntries {

    private CacheEntries() {
    }

    /** The file of {@code pack}'s entry in {@code cacheDir}. */
    public static Path file(Path cacheDir, RulePack pack) {
        return new CompileCache(cacheDir).file(key(pack));
    }

    /** The cache key of {@code pack}, as the compiler computes it. */
    public static String key(RulePack pack) {
        return CacheKey.of(pack, PackCompiler.class.getClassLoader(), PackCompiler.options());
    }

    /**
     * An entry of {@code pack} (no declared classes, no warnings) whose compiled packages are {@code body}, with
     * the HMAC under {@code secretKey}.
     */
    public static byte[] entry(RulePack pack, byte[] body, byte[] secretKey) throws IOException {
        return CompileCache.entry(key(pack), emptyHead(), body, secretKey);
    }

    /** Writes an entry of {@code key} holding {@code body} in {@code cacheDir}, with the folder's own key. */
    public static Path store(Path cacheDir, String key, byte[] body) throws IOException {
        CompileCache cache = new CompileCache(cacheDir);
        cache.store(key, emptyHead(), body);
        return cache.file(key);
    }

    /** The secret key of {@code cacheDir} (made by a compile or a store). */
    public static byte[] folderKey(Path cacheDir) throws IOException {
        return Files.readAllBytes(cacheDir.resolve(CacheFolder.KEY_FILE));
    }

    /** The key file of {@code cacheDir}. */
    public static Path keyFile(Path cacheDir) {
        return cacheDir.resolve(CacheFolder.KEY_FILE);
    }

    /** Prunes {@code cacheDir} as a write does; {@link CompileCache#KEEP} entries stay. */
    public static void prune(Path cacheDir) {
        new CompileCache(cacheDir).prune();
    }

    /** How many entries pruning keeps. */
    public static int keep() {
        return CompileCache.KEEP;
    }

    /** True when {@code engine}'s rules were read from the compile cache. */
    public static boolean fromCache(DroolsRuleEngine engine) {
        return engine.fromCache();
    }

    /** Compiles {@code pack} with the compile cache in {@code cacheDir}. */
    public static DroolsRuleEngine compile(RulePack pack, Path cacheDir) {
        return DroolsRuleEngine.compile(pack, Optional.of(cacheDir));
    }

    private static byte[] emptyHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (DataOutputStream h = new DataOutputStream(head)) {
            h.writeInt(0); // no declared classes
            h.writeInt(0); // no warnings
        }
        return head.toByteArray();
    }
}
