package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sonde.LogInput;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.testsupport.ReadResult;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "special files": a named pipe, a device ({@code /dev/zero} behind a symbolic link named like a log)
 * or a socket given as a log blocked forever or never ended. The reader refuses them before opening, and says
 * which file and what it is, as a warning that makes the report incomplete. (The 10 s guard: opening a FIFO
 * nobody writes to would block forever.)
 */
class SpecialFilesTest {

    private static ReadResult read(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ReadResult.read(LogInput.of(file)));
    }

    private static void refused(Path file, String what) {
        ReadResult r = read(file);
        assertThat(r.summary().status()).isEqualTo(InputSummary.Status.UNREADABLE);
        assertThat(r.facts()).isEmpty();
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(file.toString());
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            assertThat(w.message()).isEqualTo("cannot be opened: it is " + what);
            assertThat(w.toString()).startsWith(file + ": cannot be opened: it is ");
        });
    }

    @Test
    void aNamedPipeIsRefused(@TempDir Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("Trace-fifo.log");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here");
            return;
        }
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo made no pipe");
        refused(fifo, "a named pipe (FIFO), not a regular file");
    }

    @Test
    void aDeviceBehindASymbolicLinkIsRefused(@TempDir Path dir) throws IOException {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path link = dir.resolve("x.log");
        Files.createSymbolicLink(link, zero);
        refused(link, "a character device, not a regular file");
    }

    @Test
    void aSocketIsRefused(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("s.log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            refused(socket, "a socket, not a regular file");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no Unix domain sockets here");
        }
    }

    @Test
    void aFolderIsRefused(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("logs.log"));
        refused(folder, "a folder, not a file");
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        ReadResult r = read(dir.resolve("gone.log"));
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            assertThat(w.message()).isEqualTo("cannot be opened: no such file or folder");
        });
    }
}
