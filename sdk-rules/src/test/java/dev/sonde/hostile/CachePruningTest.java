package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.rules.cache.CacheEntries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 §2: pruning the compile cache deletes only entries Sonde wrote (its name and its header), never
 * another program's files that share the folder, even ones older than every entry.
 */
class CachePruningTest {

    @TempDir
    Path tmp;

    @Test
    void onlySondesOwnOldEntriesArePruned() throws IOException {
        Path cache = tmp.resolve("cache");
        String hex = "0123456789abcdef".repeat(4);
        List<Path> sonde = new ArrayList<>();
        int count = CacheEntries.keep() + 3;
        for (int i = 0; i < count; i++) {
            String key = hex.substring(0, 62) + String.format("%02x", i);
            Path entry = CacheEntries.store(cache, key, new byte[] {1, 2, 3});
            Files.setLastModifiedTime(entry, FileTime.fromMillis(1_000_000_000_000L + i * 60_000L));
            sonde.add(entry);
        }
        Path outside = Files.writeString(tmp.resolve("outside.kbase"), "another program's file");
        List<Path> foreign = List.of(
                Files.writeString(cache.resolve("x.kbase"), "another program's cache"),
                Files.writeString(cache.resolve("sonde-" + hex + ".kbase"), "Sonde's name, not Sonde's header"),
                Files.writeString(cache.resolve(hex + ".kbase"), "the old name, not Sonde's header"),
                Files.write(cache.resolve("sonde-" + "f".repeat(64) + ".kbase"), new byte[0]),
                Files.writeString(cache.resolve("entry-123.tmp"), "another program's temporary file"),
                Files.createSymbolicLink(cache.resolve("sonde-" + "e".repeat(64) + ".kbase"), outside));
        for (Path f : foreign) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(0)); // older than every entry
        }

        CacheEntries.prune(cache);

        assertThat(foreign).allSatisfy(f -> assertThat(Files.exists(f, LinkOption.NOFOLLOW_LINKS)).as(f.toString()).isTrue());
        assertThat(outside).hasContent("another program's file");
        assertThat(sonde.subList(0, 3)).as("the oldest entries").allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(sonde.subList(3, count)).as("the newest entries").allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(CacheEntries.keyFile(cache)).isRegularFile();
    }
}
