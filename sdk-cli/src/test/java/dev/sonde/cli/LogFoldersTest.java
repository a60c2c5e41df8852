package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.cli.AnalyzeCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sonde analyze} with no path: the standard Windows folders, from a fake {@code LOCALAPPDATA} tree. */
class LogFoldersTest {

    @TempDir
    Path tmp;

    @AfterEach
    void realMachineAgain() {
        LogFolders.MACHINE.remove();
    }

    /** A {@code LOCALAPPDATA} holding the clock-skew sample's Identity logs and the Fiddler sample's trace. */
    static Path fakeLocalAppData(Path root) throws IOException {
        Path local = root.resolve("AppData").resolve("Local");
        copyTree(AnalyzeCommandTest.SAMPLES.resolve("clock-skew").resolve("Identity"),
                local.resolve("Google").resolve("Identity"));
        copyTree(AnalyzeCommandTest.SAMPLES.resolve("fiddler-interception"),
                local.resolve("Google").resolve("Google Apps Sync").resolve("Tracing"));
        return local;
    }

    static void copyTree(Path from, Path to) throws IOException {
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
    }

    @Test
    void theStandardFoldersComeFromTheEnvironment() {
        LogFolders folders = new LogFolders(Map.of("LOCALAPPDATA", "/x/Local", "SystemRoot", "/w"), "Windows 11");
        assertThat(folders.onWindows()).isTrue();
        assertThat(folders.standard()).containsExactly(
                Path.of("/x/Local/Google/Identity"),
                Path.of("/x/Local/Google/Google Apps Sync/Tracing"),
                Path.of("/x/Local/Google/Google Apps Migration/Tracing/ClientMigration"),
                Path.of("/x/Local/Google/Google Apps Migration/Tracing/ExchangeMigration"),
                Path.of("/x/Local/Google/Google Apps Password Sync/Tracing"),
                Path.of("/w/ServiceProfiles/NetworkService/AppData/Local/Google/Identity"));
        assertThat(new LogFolders(Map.of("USERPROFILE", "/u/jdoe"), "Windows 10").standard())
                .first().isEqualTo(Path.of("/u/jdoe/AppData/Local/Google/Identity"));
        assertThat(new LogFolders(Map.of(), "Linux").onWindows()).isFalse();
    }

    @Test
    void withNoPathOnWindowsTheStandardFoldersAreReadAndNamed() throws Exception {
        Path local = fakeLocalAppData(tmp);
        LogFolders.MACHINE.set(new LogFolders(Map.of("LOCALAPPDATA", local.toString()), "Windows 10"));
        Run found = sonde("analyze", "--format", "json");
        Path identity = local.resolve("Google").resolve("Identity");
        Path tracing = local.resolve("Google").resolve("Google Apps Sync").resolve("Tracing");
        assertThat(found.err()).contains("sonde: reading the standard log folders: " + identity + ", " + tracing);
        Run given = sonde("analyze", identity.toString(), tracing.toString(), "--format", "json");
        assertThat(found.exit()).isEqualTo(SondeCommand.PROBLEMS).isEqualTo(given.exit());
        assertThat(found.out()).isEqualTo(given.out()).contains("CLOCK_SKEW").contains("TLS_INTERCEPTION");
    }

    @Test
    void withNoPathAndNoFolderOnWindowsItSaysWhereItLooked() {
        LogFolders.MACHINE.set(new LogFolders(Map.of("LOCALAPPDATA", tmp.toString()), "Windows 10"));
        Run run = sonde("analyze");
        assertThat(run.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(run.err()).startsWith("sonde: no log folder found in the standard places: ")
                .contains(tmp.resolve("Google").resolve("Identity").toString());
    }

    @Test
    void withNoPathElsewhereItIsAUsageError() throws Exception {
        LogFolders.MACHINE.set(new LogFolders(Map.of("LOCALAPPDATA", fakeLocalAppData(tmp).toString()), "Linux"));
        Run run = sonde("analyze");
        assertThat(run.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(run.err()).contains("only on Windows does 'sonde analyze' find them by itself");
    }
}
