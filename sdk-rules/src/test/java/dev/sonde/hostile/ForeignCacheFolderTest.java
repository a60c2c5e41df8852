package dev.sonde.hostile;

import dev.sonde.rules.cache.CacheEntries;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 8 §3: a compile cache folder is used only when it, its key file and the entry read belong to the user
 * running Sonde and no one else may write them (nor read the key). Each test starts from a cache whose entry is
 * authentic under the folder's key and carries code that writes a file when read: trusting the folder would run
 * it. Giving a file to another user needs root; those tests are skipped otherwise, saying so.
 */
class ForeignCacheFolderTest {

    /** A user id that is not the one running the tests (nobody needs to exist under it). */
    private static final String OTHER_UID = "4242";

    @TempDir
    Path tmp;

    private RulePack pack;
    private Path cache;
    private Path marker;

    @BeforeEach
    void aCacheWhoseEntryWouldRunCode() throws IOException {
        pack = RulePack.open(SmallPacks.pack(tmp.resolve("pack"), SmallPacks.ONE_RULE));
        cache = tmp.resolve("cache");
        marker = tmp.resolve("cache-code-ran");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(body)) {
            out.writeObject(new ArrayList<>(List.of(new FileWritingGadget(marker))));
        }
        CacheEntries.store(cache, CacheEntries.key(pack), body.toByteArray());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(CacheEntries.keyFile(cache))))
                .isEqualTo("rw-------");
    }

    /** Compiles with the cache: the entry's code never ran, the pack was compiled, one note says why. */
    private String assertNotUsed() {
        DroolsRuleEngine engine = CacheEntries.compile(pack, cache);
        assertThat(marker).as("code from an untrusted cache ran").doesNotExist();
        assertThat(CacheEntries.fromCache(engine)).isFalse();
        assertThat(engine.ruleCount()).isEqualTo(1);
        assertThat(engine.notes()).hasSize(1);
        return engine.notes().get(0);
    }

    @Test
    void aFolderTheGroupOrOthersMayWriteIsNotUsed() throws IOException {
        for (String mode : List.of("rwxrwx---", "rwx---rwx", "rwx-w----")) {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString(mode));
            assertThat(assertNotUsed()).as(mode)
                    .isEqualTo("the compile cache " + cache + " is not used: it may be written by other users"
                            + " (chmod go-w it)");
            assertThat(CacheEntries.file(cache, pack)).as("the entry is left alone").isRegularFile();
        }
    }

    @Test
    void aKeyFileOthersMayReadIsNotUsed() throws IOException {
        Files.setPosixFilePermissions(CacheEntries.keyFile(cache), PosixFilePermissions.fromString("rw-r-----"));
        assertThat(assertNotUsed()).startsWith("the compile cache " + cache + " is not used: its key file")
                .endsWith("may be read by other users (chmod 600 it, or delete it and the cache)");
    }

    @Test
    void aKeyFileThatIsASymbolicLinkIsNotFollowed() throws IOException {
        Path real = Files.move(CacheEntries.keyFile(cache), tmp.resolve("elsewhere.key"));
        Files.createSymbolicLink(CacheEntries.keyFile(cache), real);
        assertThat(assertNotUsed()).contains("its key file").endsWith("is not a regular file");
    }

    @Test
    void aFolderOfAnotherUserIsNotUsed() throws IOException {
        giveToAnotherUser(cache);
        assertThat(assertNotUsed()).isEqualTo("the compile cache " + cache + " is not used: it belongs to "
                + OTHER_UID + ", not to " + me().getName() + " who runs Sonde");
    }

    @Test
    void aKeyFileOfAnotherUserIsNotUsed() throws IOException {
        giveToAnotherUser(CacheEntries.keyFile(cache));
        assertThat(assertNotUsed()).contains("its key file").contains("belongs to " + OTHER_UID);
    }

    @Test
    void anEntryOfAnotherUserIsNotRead() throws IOException {
        Path entry = CacheEntries.file(cache, pack);
        giveToAnotherUser(entry);
        assertThat(assertNotUsed()).isEqualTo("the compile cache entry " + entry + " is not used: it belongs to "
                + OTHER_UID + ", not to " + me().getName() + " who runs Sonde; the rules were compiled again");
        // replaced by this user's own entry, which the next start reads
        assertThat(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS)).isEqualTo(me());
        assertThat(CacheEntries.fromCache(CacheEntries.compile(pack, cache))).isTrue();
    }

    private static UserPrincipal me() throws IOException {
        Path probe = Files.createTempFile("owner", ".tmp");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }

    private static void giveToAnotherUser(Path path) throws IOException {
        UserPrincipal other = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OTHER_UID);
        boolean given;
        try {
            Files.setOwner(path, other);
            given = true;
        } catch (FileSystemException e) {
            given = false;
        }
        assumeTrue(given, "giving a file to another user needs root (chown); this test runs as " + me().getName());
        assertThat(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS)).isEqualTo(other).isNotEqualTo(me());
    }
}
