package dev.sonde.bench;

import dev.sonde.Report;
import dev.sonde.Sonde;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm embedded analysis: one built {@link Sonde}, a shipped sample analyzed again and again (issue 12, goal 3).
 * Run with {@code sdk-examples/bench/run-jmh.sh WarmAnalysis -prof gc} for the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WarmAnalysisBenchmark {

    @Param({"fiddler-interception", "healthy"})
    public String sample;

    private Sonde sonde;
    private Path folder;

    @Setup(Level.Trial)
    public void build() {
        sonde = Sonde.builder().build();
        folder = Samples.folder(sample);
    }

    @TearDown(Level.Trial)
    public void close() {
        sonde.close();
    }

    @Benchmark
    public Report analyze() {
        return sonde.analyze(folder);
    }
}
