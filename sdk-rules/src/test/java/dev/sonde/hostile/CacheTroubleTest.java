package dev.sonde.hostile;

import dev.sonde.rules.cache.CacheEntries;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 8 §5: trouble with the compile cache never fails loading and is said once, in one plain sentence
 * ({@link DroolsRuleEngine#notes()}): no Java class name, no stack trace, no logger formatting.
 */
class CacheTroubleTest {

    @TempDir
    Path tmp;

    private RulePack pack;

    @BeforeEach
    void aPack() throws IOException {
        pack = RulePack.open(SmallPacks.pack(tmp.resolve("pack"), SmallPacks.ONE_RULE));
    }

    /** Compiles with {@code cache}: the pack loads all the same; the one note is returned. */
    private String loadsWithOneNote(Path cache) {
        DroolsRuleEngine engine = CacheEntries.compile(pack, cache);
        assertThat(engine.ruleCount()).isEqualTo(1);
        assertThat(CacheEntries.fromCache(engine)).isFalse();
        assertThat(engine.notes()).singleElement().satisfies(CacheTroubleTest::plain);
        return engine.notes().get(0);
    }

    static void plain(String sentence) {
        assertThat(sentence).doesNotContain("\n").doesNotContain("Exception").doesNotContain("Error")
                .doesNotContainPattern("\\b(java|sun|org)\\.[a-z]+\\.").doesNotContain("WARN").doesNotContain("\tat ")
                .startsWith("the compile");
    }

    @Test
    void aCacheThatIsARegularFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("cache-file"), "not a folder");
        assertThat(loadsWithOneNote(file)).isEqualTo("the compile cache " + file + " is not used: it is not a folder");
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aCacheThatIsDevNull() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "no /dev/null on this system");
        assertThat(loadsWithOneNote(devNull)).isEqualTo("the compile cache /dev/null is not used: it is not a folder");
    }

    @Test
    void aCacheThatCannotBeCreated() throws IOException {
        Path under = Files.writeString(tmp.resolve("file"), "x").resolve("cache");
        assertThat(loadsWithOneNote(under)).isEqualTo("the compile cache " + under + " is not used: it cannot be"
                + " created (Not a directory)");
    }

    @Test
    void aFolderThatCannotBeWrittenTo() throws IOException {
        Path cache = Files.createDirectory(tmp.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        assumeTrue(!Files.isWritable(cache), "the folder is writable all the same (running as root)");
        assertThat(loadsWithOneNote(cache)).isEqualTo("the compile cache " + cache + " is not used: it cannot be"
                + " written to (permission denied)");
    }

    @Test
    void aDamagedEntryIsSaidOnceAndRewritten() throws IOException {
        Path cache = tmp.resolve("cache");
        assertThat(CacheEntries.compile(pack, cache).notes()).isEmpty();
        Path entry = CacheEntries.file(cache, pack);
        for (byte[] damaged : List.of(new byte[0], "garbage".getBytes(), Arrays.copyOf(Files.readAllBytes(entry), 100))) {
            Files.write(entry, damaged);
            assertThat(loadsWithOneNote(cache)).isEqualTo("the compile cache entry " + entry
                    + " was damaged or not written by Sonde for this user; it was deleted and the rules compiled again");
            DroolsRuleEngine again = CacheEntries.compile(pack, cache);
            assertThat(CacheEntries.fromCache(again)).isTrue();
            assertThat(again.notes()).isEmpty();
        }
    }

    @Test
    void anEntryThatIsNotARegularFile() throws IOException {
        Path cache = tmp.resolve("cache");
        CacheEntries.compile(pack, cache);
        Path entry = CacheEntries.file(cache, pack);
        Files.delete(entry);
        Files.createDirectory(entry);
        assertThat(loadsWithOneNote(cache)).isEqualTo("the compile cache entry " + entry + " is not used: it is not"
                + " a regular file; the rules were compiled again");
    }
}
