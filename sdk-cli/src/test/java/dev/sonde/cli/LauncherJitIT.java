package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sonde} launcher's choice of JIT: C1 alone ({@code -XX:TieredStopAtLevel=1}) for short work (the
 * version, the help, {@code analyze} of a few MB), both compilers for long work (large inputs, an archive counted
 * tenfold, no input at all); {@code SONDE_JIT} forces it and a flag in {@code SONDE_JAVA_OPTS} wins. Each run asks
 * the JVM itself what it got ({@code -XX:+PrintFlagsFinal}); the large inputs are sparse files, and every
 * {@code analyze} stops at an invalid {@code --deadline}, before reading anything. Nothing is timed.
 */
class LauncherJitIT {

    private static final Pattern LEVEL = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)");

    @TempDir
    Path tmp;

    private Path root;
    private Path sample;

    @BeforeEach
    void checkoutCopy() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isExecutable(Path.of("/usr/bin/find")),
                "a Linux shell");
        // the script, the packaged jar and a sample only: the launcher finds no sources newer than the jar, so never builds
        root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("sdk-cli"));
        Files.copy(Path.of("..", "sonde"), root.resolve("sonde"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(root.resolve("sdk-cli").resolve("target"), Path.of("target").toAbsolutePath());
        sample = Path.of("..", "sdk-examples", "samples", "fiddler-interception").toAbsolutePath().normalize();
    }

    @Test
    void shortWorkGetsC1AloneAndLongWorkBothCompilers() throws Exception {
        assertThat(level(Map.of(), "--version")).isEqualTo(1);
        assertThat(level(Map.of(), "analyze", "--help")).isEqualTo(1);
        assertThat(level(Map.of(), "analyze", sample.toString(), "--deadline", "0")).isEqualTo(1);

        Path big = sparse(tmp.resolve("logs").resolve("Trace-big.log"), 1024L << 20);
        assertThat(level(Map.of(), "analyze", big.toString(), "--deadline", "0")).as("a 1 GB log").isEqualTo(4);
        assertThat(level(Map.of(), "analyze", big.getParent().toString(), "--deadline", "0")).as("a folder holding it")
                .isEqualTo(4);
        assertThat(level(Map.of(), "analyze", sample.toString(), big.toString(), "--deadline", "0"))
                .as("the sizes add up").isEqualTo(4);
        Path zip = sparse(tmp.resolve("bundle.zip"), 100L << 20);
        Path log = sparse(tmp.resolve("Trace-small.log"), 8L << 20);
        assertThat(level(Map.of(), "analyze", log.toString(), "--deadline", "0")).as("8 MB of log").isEqualTo(1);
        assertThat(level(Map.of(), "analyze", zip.toString(), "--deadline", "0")).as("100 MB of zip count 1,000")
                .isEqualTo(4);
        assertThat(level(Map.of(), "analyze", "--deadline", "0")).as("no path: the log folders, of unknown size")
                .isEqualTo(4);
        assertThat(level(Map.of(), "rules", "list")).as("other commands").isEqualTo(4);
    }

    @Test
    void aHostileFileNameNeitherBreaksTheLauncherNorHidesSize() throws Exception {
        // a line feed followed by digits in a name: read line by line, it would be taken for a size (and bash's
        // arithmetic on "12abc" aborts the script)
        Path logs = Files.createDirectories(tmp.resolve("odd"));
        Files.writeString(logs.resolve("Trace\n12abc x.log"), "x", StandardCharsets.UTF_8);
        assertThat(level(Map.of(), "analyze", logs.toString(), "--deadline", "0")).as("a small folder").isEqualTo(1);
        sparse(logs.resolve("Trace\n1 big.log"), 1024L << 20);
        assertThat(level(Map.of(), "analyze", logs.toString(), "--deadline", "0")).as("its 1 GB file counts")
                .isEqualTo(4);
    }

    @Test
    void theUserOverridesTheChoice() throws Exception {
        Path big = sparse(tmp.resolve("Trace-big.log"), 1024L << 20);
        assertThat(level(Map.of("SONDE_JIT", "c1"), "analyze", big.toString(), "--deadline", "0")).isEqualTo(1);
        assertThat(level(Map.of("SONDE_JIT", "tiered"), "--version")).isEqualTo(4);
        assertThat(level(Map.of("SONDE_JIT_SHORT_MB", "1100"), "analyze", big.toString(), "--deadline", "0"))
                .as("a higher threshold").isEqualTo(1);
        assertThat(level(Map.of("SONDE_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "--version"))
                .as("SONDE_JAVA_OPTS comes after the launcher's flag: the last flag wins").isEqualTo(4);
        assertThat(level(Map.of("SONDE_JIT", "tiered", "SONDE_JAVA_OPTS", "-XX:TieredStopAtLevel=1"), "analyze",
                big.toString(), "--deadline", "0")).isEqualTo(1);
    }

    /** A file of {@code bytes} zeros that takes no disk space. */
    private static Path sparse(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** Runs {@code sonde ARGS} and returns the TieredStopAtLevel its JVM ran with (4: both compilers). */
    private int level(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("sonde").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SONDE_"));
        builder.environment().put("SONDE_CDS", "0");
        builder.environment().putAll(env);
        builder.environment().merge("SONDE_JAVA_OPTS", "-XX:+PrintFlagsFinal", (a, b) -> a + " " + b);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sonde finished within a minute").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        Matcher m = LEVEL.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
