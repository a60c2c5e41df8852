package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.ArchivesForTests;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives as customers send them, and as an attacker would: what is read, what is refused, and in which words. */
class LogArchivesTest {

    @TempDir
    Path dir;

    private final List<LogInput> inputs = new ArrayList<>();
    private final List<InputSummary> unreadable = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    private void read(Path archive) {
        ArchivesForTests.read(archive, inputs, unreadable, warnings);
    }

    private List<String> names() {
        return inputs.stream().map(LogInput::name).toList();
    }

    private static String text(LogInput in) throws IOException {
        return new String(in.openBytes().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aCompressedFolderGivesItsLogsNamedInsideTheArchive() throws Exception {
        Path zip = dir.resolve("logs.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("logs/"));
            entry(z, "logs/Identity/authorization.log", "auth line");
            entry(z, "logs/Trace-2024-01-01-00-00-00-p1.log", "trace line");
            entry(z, "logs/readme.txt", "not a log");
        }
        read(zip);
        assertThat(names()).containsExactly(zip + "!/logs/Identity/authorization.log",
                zip + "!/logs/Trace-2024-01-01-00-00-00-p1.log");
        assertThat(text(inputs.get(0))).isEqualTo("auth line");
        assertThat(warnings).isEmpty();
    }

    @Test
    void namesInTheOemCodePageAndFlaggedUtf8AreBothRead() throws Exception {
        Path zip = dir.resolve("names.zip");
        // Windows' Compressed folder writes "Données" in code page 437 without the UTF-8 flag; Java writes UTF-8 and flags it
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip), Charset.forName("IBM437"))) {
            entry(z, "Données/a.log", "x");
        }
        Path utf8 = dir.resolve("utf8.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(utf8))) {
            entry(z, "Données/b.log", "x");
        }
        read(zip);
        read(utf8);
        assertThat(names()).containsExactly(zip + "!/Données/a.log", utf8 + "!/Données/b.log");
    }

    @Test
    void aZipBombIsStoppedByTheRatioAndReadsNothingOfTheBomb() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(z, "a.log", "a small honest log");
            z.putNextEntry(new ZipEntry("b.log"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros); // 64 MiB of zeros deflate to about 64 KiB: a ratio near 1,000
            }
            z.closeEntry();
        }
        read(zip);
        assertThat(names()).containsExactly(zip + "!/a.log");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(zip + "!/b.log");
            assertThat(w.message()).contains("200 times its size").contains("the 1 logs before it");
            assertThat(w.makesIncomplete()).isTrue();
        });
    }

    @Test
    void aBombInAnEntryThatIsNotALogIsStoppedToo() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("data.bin"));
            z.write(new byte[48 << 20]);
            z.closeEntry();
            entry(z, "after.log", "x");
        }
        read(zip);
        assertThat(inputs).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("zip bomb"));
    }

    @Test
    void manyEntriesStopAtTheEntryCap() throws Exception {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 10_050; i++) {
                entry(z, "e" + i + (i % 1000 == 0 ? ".log" : ".txt"), "x");
            }
        }
        read(zip);
        assertThat(inputs).hasSize(10);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.message()).contains("stopped after 10000 entries");
            assertThat(w.makesIncomplete()).isTrue();
        });
    }

    @Test
    void aTruncatedZipKeepsWhatWasReadAndSaysWhere() throws Exception {
        Path whole = dir.resolve("whole.zip");
        String big = "line of a log that goes on\n".repeat(20_000) + Math.random();
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(whole))) {
            entry(z, "a.log", "first log");
            z.setLevel(0); // stored-like deflate: the cut falls inside b.log
            entry(z, "b.log", big);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        read(cut);
        assertThat(names()).containsExactly(cut + "!/a.log", cut + "!/b.log");
        assertThat(text(inputs.get(1))).startsWith("line of a log").hasSizeLessThan(big.length());
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(cut.toString());
            assertThat(w.message()).contains("truncated or damaged").contains("(the last one in part)");
            assertThat(w.makesIncomplete()).isTrue();
        });
    }

    @Test
    void garbageNamedZipOrGzIsRefusedInAPlainSentence() throws Exception {
        Path zip = Files.writeString(dir.resolve("logs.zip"), "this is not an archive at all");
        Path gz = Files.writeString(dir.resolve("trace.log.gz"), "neither is this");
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        read(zip);
        read(gz);
        read(empty);
        assertThat(inputs).isEmpty();
        assertThat(unreadable).extracting(InputSummary::name).containsExactly(zip.toString(), gz.toString(), empty.toString());
        assertThat(warnings).extracting(Warning::message).containsExactly(
                "not read: it is not a zip archive (it does not start as one)",
                "not read: it is not a gzip file (it does not start as one)",
                "not read: it is not a zip archive (it does not start as one)");
    }

    @Test
    void aGzipOfAUtf16LogGivesItsBytesUnderTheFileName() throws Exception {
        byte[] utf16 = ("\uFEFFline one\r\nline two\r\n").getBytes(StandardCharsets.UTF_16LE);
        Path gz = dir.resolve("Trace-1.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(utf16);
        }
        read(gz);
        assertThat(names()).containsExactly(gz.toString());
        assertThat(inputs.get(0).openBytes().orElseThrow().readAllBytes()).isEqualTo(utf16);
    }

    @Test
    void aTruncatedGzipKeepsWhatItInflated() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            for (int i = 0; i < 5000; i++) {
                out.write(("line " + i + " " + Math.random() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = b.toByteArray();
        Path gz = Files.write(dir.resolve("cut.log.gz"), Arrays.copyOf(whole, whole.length / 2));
        read(gz);
        assertThat(inputs).hasSize(1);
        assertThat(text(inputs.get(0))).startsWith("line 0 ");
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("truncated or damaged"));
    }

    @Test
    void namesThatClimbOutAreOnlyLabelsAndNothingIsWritten() throws Exception {
        // two folders down in this test's own folder, so that what climbs two levels stays where we look (the
        // shared temporary folder above it changes with whatever else runs on the machine)
        Path inner = Files.createDirectories(dir.resolve("a").resolve("b"));
        Path zip = inner.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(z, "../../escaped.log", "x");
            entry(z, "/etc/absolute.log", "y");
            entry(z, "..\\..\\windows.log", "z");
        }
        List<Path> before;
        try (Stream<Path> s = Files.walk(dir)) {
            before = s.toList();
        }
        read(zip);
        assertThat(names()).containsExactly(zip + "!/../../escaped.log", zip + "!//etc/absolute.log",
                zip + "!/..\\..\\windows.log");
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.toList()).containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(Path.of("/etc/absolute.log")).doesNotExist();
    }

    @Test
    void anEncryptedEntryIsRefusedWithAClearWarning() throws Exception {
        Path zip = dir.resolve("secret.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(z, "a.log", "readable");
            entry(z, "b.log", "locked");
        }
        byte[] bytes = Files.readAllBytes(zip);
        int second = indexOf(bytes, new byte[] {'P', 'K', 3, 4}, 4);
        bytes[second + 6] |= 1; // general purpose flag bit 0: encrypted
        Files.write(zip, bytes);
        read(zip);
        assertThat(names()).containsExactly(zip + "!/a.log");
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message())
                .contains("encrypted (password-protected)").contains("unzip it with its password"));
    }

    @Test
    void anArchiveInsideAnArchiveIsNotOpened() throws Exception {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(inner)) {
            entry(z, "inner.log", "x");
        }
        Path zip = dir.resolve("outer.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("inner.zip"));
            z.write(inner.toByteArray());
            z.closeEntry();
            entry(z, "outer.log", "y");
        }
        read(zip);
        assertThat(names()).containsExactly(zip + "!/outer.log");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(zip + "!/inner.zip");
            assertThat(w.message()).contains("an archive inside an archive is not opened");
        });
    }

    private static void entry(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
