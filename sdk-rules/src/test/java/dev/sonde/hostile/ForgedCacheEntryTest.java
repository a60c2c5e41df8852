package dev.sonde.hostile;

import dev.sonde.rules.cache.CacheEntries;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 §3, "compile cache = code": an entry someone else forged, whose payload is a class under an allowed
 * name ({@code dev.sonde.*}) that writes a file when deserialized, never runs: the entry's HMAC under this user's
 * key is checked before a byte of it is deserialized. The last test shows the payload is live: the same entry
 * under this user's key does run it, so the HMAC is what stops the others.
 */
class ForgedCacheEntryTest {

    @TempDir
    Path tmp;

    private RulePack pack;
    private Path cache;
    private Path marker;

    @BeforeEach
    void thisUsersCacheHoldsTheEntryOfAPack() throws IOException {
        pack = RulePack.open(SmallPacks.pack(tmp.resolve("pack"), SmallPacks.ONE_RULE));
        cache = tmp.resolve("cache");
        assertThat(CacheEntries.fromCache(CacheEntries.compile(pack, cache))).isFalse();
        assertThat(CacheEntries.file(cache, pack)).isRegularFile();
        marker = tmp.resolve("forged-code-ran");
    }

    private byte[] gadgetPackages() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(body)) {
            out.writeObject(new ArrayList<>(List.of(new FileWritingGadget(marker))));
        }
        return body.toByteArray();
    }

    /** Loads the pack with the forged entry in place: the forged code never ran, the pack was compiled instead. */
    private void assertRefused(byte[] forged) throws IOException {
        Files.write(CacheEntries.file(cache, pack), forged);
        DroolsRuleEngine engine = CacheEntries.compile(pack, cache);
        assertThat(marker).as("the forged entry's code ran").doesNotExist();
        assertThat(CacheEntries.fromCache(engine)).isFalse();
        assertThat(engine.ruleCount()).isEqualTo(1);
        assertThat(engine.notes()).singleElement().asString()
                .contains(CacheEntries.file(cache, pack).toString())
                .contains("was damaged or not written by Sonde for this user");
        // the forged entry was replaced by an authentic one
        assertThat(CacheEntries.fromCache(CacheEntries.compile(pack, cache))).isTrue();
        assertThat(marker).doesNotExist();
    }

    @Test
    void anEntryWithoutAnHmacNeverRunsItsCode() throws IOException {
        byte[] entry = CacheEntries.entry(pack, gadgetPackages(), new byte[32]);
        byte[] content = Arrays.copyOf(entry, entry.length - 32);
        byte[] sha256 = sha256(content); // a self-consistent checksum in the HMAC's place, as the format before had
        byte[] forged = Arrays.copyOf(content, entry.length);
        System.arraycopy(sha256, 0, forged, content.length, 32);
        assertRefused(forged);
        assertRefused(content); // and no trailer at all
    }

    @Test
    void anEntryWithAWrongHmacNeverRunsItsCode() throws IOException {
        byte[] guessed = new byte[32];
        new SecureRandom().nextBytes(guessed);
        assertRefused(CacheEntries.entry(pack, gadgetPackages(), guessed));
    }

    @Test
    void anEntryCopiedFromAnotherUsersCacheNeverRunsItsCode() throws IOException {
        Path other = tmp.resolve("other-users-cache");
        Path theirs = CacheEntries.store(other, CacheEntries.key(pack), gadgetPackages()); // valid under their key
        assertThat(CacheEntries.folderKey(other)).hasSize(32).isNotEqualTo(CacheEntries.folderKey(cache));
        assertRefused(Files.readAllBytes(theirs));
    }

    @Test
    void theSameEntryUnderThisUsersKeyDoesRunItsCodeSoTheHmacIsWhatStopsIt() throws IOException {
        Files.write(CacheEntries.file(cache, pack), CacheEntries.entry(pack, gadgetPackages(),
                CacheEntries.folderKey(cache)));
        DroolsRuleEngine engine = CacheEntries.compile(pack, cache);
        assertThat(marker).as("an authentic entry is trusted: its classes are read").exists();
        assertThat(CacheEntries.fromCache(engine)).isFalse(); // not compiled rules: refused after reading
        assertThat(engine.notes()).singleElement().asString().contains("could not be read back");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
