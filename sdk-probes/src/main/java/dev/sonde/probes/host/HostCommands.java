package dev.sonde.probes.host;

import dev.sonde.HostEvidence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Windows commands whose outputs are host evidence ({@link HostEvidence#commands()}): each a program with
 * arguments (no shell), no input, standard output and error into a private temporary file (so a large output never
 * blocks the process on a full pipe), within a deadline after which the process tree is killed, at most a capped
 * number of bytes kept. No command needs elevation; one that is refused says so in its output, which is kept as
 * evidence of what could not be seen, and in {@link Output#skipped()} ("was refused (access denied)") when it failed
 * with Windows' access-denied message, in English, French or German. Another failure (a policy key that does not
 * exist) is ordinary evidence.
 */
public final class HostCommands {

    /** The most bytes kept of one source's output: a large root store's {@code certutil} output is a few MB. */
    public static final int MAX_BYTES = 8 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);

    /**
     * What running a source's commands gave.
     *
     * @param source  the source
     * @param bytes   the outputs, one after the other, as the commands wrote them (the console's code page or UTF-16)
     * @param skipped why the output is missing or partial (a command could not start, did not finish in time, wrote
     *                more than {@link #MAX_BYTES}); empty when it is whole
     */
    public record Output(HostEvidence source, byte[] bytes, Optional<String> skipped) {
        /** Checks and copies the values. */
        public Output {
            Objects.requireNonNull(source, "source");
            bytes = bytes.clone();
            Objects.requireNonNull(skipped, "skipped");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private HostCommands() {
    }

    /** True on Windows, where the commands exist. */
    public static boolean available() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Runs {@code source}'s commands, all of them within {@code deadline}. */
    public static Output run(HostEvidence source, Duration deadline) {
        if (!available()) {
            return new Output(source, new byte[0], Optional.of("not Windows: there is no " + program(source)));
        }
        return run(source, source.commands(), deadline, MAX_BYTES);
    }

    /** Runs {@code commands} for {@code source} (the tests give portable ones). */
    static Output run(HostEvidence source, List<List<String>> commands, Duration deadline, int maxBytes) {
        Instant end = Instant.now().plus(deadline);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<String> problems = new ArrayList<>();
        for (List<String> command : commands) {
            Duration left = Duration.between(Instant.now(), end);
            if (left.isNegative() || left.isZero()) {
                problems.add(String.join(" ", command) + " was not run: the deadline of " + seconds(deadline) + " passed");
                continue;
            }
            int room = maxBytes - out.size();
            problems.addAll(runOne(command, left, room, out));
        }
        return new Output(source, out.toByteArray(), problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems)));
    }

    private static List<String> runOne(List<String> command, Duration left, int room, java.io.ByteArrayOutputStream out) {
        String name = String.join(" ", command);
        Path file = null;
        Process p = null;
        try {
            file = Files.createTempFile("sonde-host", ".out"); // readable by this user only on POSIX; in %TEMP% on Windows
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(file.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(left.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p); // first, so that what is kept is what it wrote before it was stopped
                return List.of(name + " did not finish within " + seconds(left) + " and was stopped"
                        + keep(file, room, out));
            }
            int before = out.size();
            String cut = keep(file, room, out);
            List<String> problems = new ArrayList<>();
            if (p.exitValue() != 0 && AccessDenied.saidIn(out.toByteArray(), before)) {
                problems.add(name + " was refused (access denied): what it lists is missing from the evidence");
            }
            if (!cut.isEmpty()) {
                problems.add(name + cut);
            }
            return problems;
        } catch (IOException e) {
            LOG.debug("{} could not run", name, e);
            return List.of(name + " could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(name + " was interrupted");
        } finally {
            if (p != null && p.isAlive()) {
                stop(p);
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", file, e);
                }
            }
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS); // a killed process is gone at once; never wait without a bound
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Appends at most {@code room} bytes of {@code file} to {@code out}; says ", cut at N bytes" when it was cut. */
    private static String keep(Path file, int room, java.io.ByteArrayOutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Math.max(room, 0));
            out.writeBytes(bytes);
            return in.read() >= 0 ? ": output cut at " + (bytes.length >> 10) + " KiB" : "";
        }
    }

    private static String program(HostEvidence source) {
        return source.commands().isEmpty() ? "command" : source.commands().get(0).get(0);
    }

    private static String seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000) + " s";
    }
}
