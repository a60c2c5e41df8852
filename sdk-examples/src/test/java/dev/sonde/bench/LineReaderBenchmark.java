package dev.sonde.bench;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.logs.BenchmarkHooks;
import dev.sonde.spi.LogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The log reader's speed in MB/s (issue 12, goal 2): one operation is one MiB of a generated GWSMO trace log
 * ({@code sdk-examples/bench/GenerateTraceLog.java}, written to {@code bench-data/} on first use), so JMH's
 * {@code ops/s} is MiB/s. {@code lines}: splitting into lines only; {@code linesAsText}: each line also made a
 * {@code String} (what the reader did for every line before issue 12); {@code read}: the whole reader, facts
 * and all; {@code readWithoutPrefilter}: the reader's reference path (every line text, every record decoded).
 *
 * <p>Run: {@code sdk-examples/bench/run-jmh.sh LineReader -f 1 -wi 3 -i 5}, from the checkout's root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LineReaderBenchmark {

    /** Size of the generated log in MiB: one benchmark invocation reads it all. */
    static final int MIB = 64;

    @Param("bench-data/Trace-generated-64MB.log")
    public String log;

    private LogInput input;
    private LogReader fast;
    private LogReader reference;

    @Setup
    public void generate() throws IOException, InterruptedException {
        Path file = Path.of(log);
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Process p = new ProcessBuilder("java", "sdk-examples/bench/GenerateTraceLog.java", file.toString(),
                    String.valueOf(MIB)).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("could not generate " + file);
            }
        }
        // GenerateTraceLog stops at the first record past the size: a few hundred bytes over, a few millionths of the figure
        input = LogInput.of(file);
        fast = BenchmarkHooks.reader(true);
        reference = BenchmarkHooks.reader(false);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public long lines() throws IOException {
        return BenchmarkHooks.lines(input, false);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public long linesAsText() throws IOException {
        return BenchmarkHooks.lines(input, true);
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public InputSummary read(Blackhole facts) {
        return fast.read(input, facts::consume, w -> { }, Instant.now().plusSeconds(600));
    }

    @Benchmark
    @OperationsPerInvocation(MIB)
    public InputSummary readWithoutPrefilter(Blackhole facts) {
        return reference.read(input, facts::consume, w -> { }, Instant.now().plusSeconds(600));
    }
}
