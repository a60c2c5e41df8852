package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.cli.AnalyzeCommandTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip of a log folder (or of saved host evidence), as a customer sends it, is analyzed exactly like the folder: the same findings, ranks,
 * sources and warnings, the evidence differing only by the archive's prefix ({@code logs.zip!/}).
 */
class ArchiveInputsTest {

    private static final Path CASES = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases");

    @TempDir
    Path tmp;

    /** The samples and the golden cases that have logs. */
    private static List<Path> logFolders() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(AnalyzeCommandTest.SAMPLES)) {
            s.sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.list(CASES)) {
            s.sorted().filter(ArchiveInputsTest::hasLogs).forEach(out::add);
        }
        return out;
    }

    /** Logs or saved host evidence (firewall-rules.txt ...): what the log reader reads, in a folder or a zip. */
    private static boolean hasLogs(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(p -> p.toString().endsWith(".log") || dev.sonde.HostEvidence.ofFile(p.toString()).isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aZipOfALogFolderIsAnalyzedLikeTheFolder() throws Exception {
        List<Path> folders = logFolders();
        assertThat(folders).hasSizeGreaterThan(20);
        int[] n = {0};
        qt().withExamples(12).withShrinkCycles(0)
                .forAll(integers().between(0, folders.size() - 1), booleans().all(), booleans().all())
                .checkAssert((index, topFolder, stored) -> {
                    Path folder = folders.get(index);
                    Path work = tmp.resolve("run" + n[0]++);
                    Path copy;
                    Path zip = work.resolve("logs.zip");
                    try {
                        copy = copyOf(folder, work.resolve(folder.getFileName().toString()));
                        zip(copy, zip, topFolder, stored);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Run fromFolder = sonde("analyze", copy.toString(), "--format", "json");
                    Run fromZip = sonde("analyze", zip.toString(), "--format", "json");
                    assertThat(fromZip.exit()).as(folder.toString()).isEqualTo(fromFolder.exit());
                    // JSON escapes nothing in these names; the folder's path and the archive's prefix swap one for one
                    String inZip = zip + "!/" + (topFolder ? copy.getFileName() + "/" : "");
                    assertThat(fromZip.out()).as(folder.toString()).contains(inZip);
                    assertThat(fromZip.out().replace(inZip, copy + "/")).as(folder.toString()).isEqualTo(fromFolder.out());
                });
    }

    @Test
    void evidenceInTextAndJsonNamesTheFileInsideTheArchive() throws Exception {
        Path copy = copyOf(AnalyzeCommandTest.SAMPLES.resolve("clock-skew"), tmp.resolve("clock-skew"));
        Path zip = tmp.resolve("logs.zip");
        zip(copy, zip, true, false);
        Run json = sonde("analyze", zip.toString(), "--format", "json");
        assertThat(json.json().get("findings").get(0).get("evidence").get(0).get("file").asText())
                .isEqualTo(zip + "!/clock-skew/Identity/authorization.log");
        Run text = sonde("analyze", zip.toString());
        assertThat(text.exit()).isEqualTo(SondeCommand.PROBLEMS);
        // the text report groups evidence by folder: the archive's inside is the folder
        assertThat(text.out()).contains("Evidence (in " + zip + "!/clock-skew/Identity/):")
                .containsPattern("\n   authorization\\.log:\\d+: ");
    }

    @Test
    void aGzipOfAUtf16TraceFoundInAFolderGivesTheSameFindings() throws Exception {
        Path sample = AnalyzeCommandTest.SAMPLES.resolve("fiddler-interception");
        Path log;
        try (Stream<Path> s = Files.list(sample)) {
            log = s.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        Path folder = Files.createDirectories(tmp.resolve("sent"));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(log.getFileName() + ".gz")))) {
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            out.write(text.getBytes(StandardCharsets.UTF_16LE));
        }
        Run plain = sonde("analyze", sample.toString(), "--format", "json");
        Run gz = sonde("analyze", folder.toString(), "--format", "json");
        assertThat(gz.exit()).isEqualTo(plain.exit());
        assertThat(ids(gz)).isNotEmpty().isEqualTo(ids(plain));
        assertThat(gz.json().get("sources").get(0).get("encoding").asText()).isEqualTo("UTF-16LE");
        assertThat(gz.json().get("sources").get(0).get("name").asText()).endsWith(".log.gz");
    }

    @Test
    void garbageNamedZipMakesTheReportIncompleteInOneSentence() throws Exception {
        Path zip = Files.writeString(tmp.resolve("logs.zip"), "<html>404 not found</html>");
        Run run = sonde("analyze", zip.toString());
        assertThat(run.exit()).isIn(SondeCommand.NO_INPUT, SondeCommand.INCOMPLETE);
        assertThat(run.out() + run.err()).contains("it is not a zip archive").doesNotContain("Exception");
    }

    private static List<String> ids(Run run) throws Exception {
        List<String> ids = new ArrayList<>();
        run.json().get("findings").forEach(f -> ids.add(f.get("id").asText() + "#" + f.get("rank").asInt()));
        return ids;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Zips a folder as Windows' "Send to > Compressed folder" does: folder entries, then files, nested. */
    static void zip(Path folder, Path zip, boolean topFolder, boolean stored) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> s = Files.walk(folder)) {
            z.setLevel(stored ? 0 : 9);
            for (Path p : s.sorted().toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                String name = topFolder ? folder.getFileName() + (rel.isEmpty() ? "" : "/" + rel) : rel;
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    z.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    z.putNextEntry(new ZipEntry(name));
                    Files.copy(p, z);
                }
                z.closeEntry();
            }
        }
    }
}
