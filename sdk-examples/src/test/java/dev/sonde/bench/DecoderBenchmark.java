package dev.sonde.bench;

import dev.sonde.logs.BenchmarkHooks;
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

/**
 * Each decoder's cost per line (issue 12, goal 4), in ns: a decoder alone over the records of a short log, the
 * records made beforehand as the reader offers them (the lines that hold a trigger word, lower-cased).
 * {@code record} is every decoder together ({@code RecordDecoder}); {@code record-start} and {@code trigger-scan} are
 * the prefilter's two steps over each record's first line as bytes (finding where the message starts; looking for
 * the trigger words in it). Inputs: {@code chatter}, the ordinary lines of the generated trace log (what most of a
 * log is); {@code incidents}, its failure records (a certificate block among them); {@code samples}, every line of
 * every decoder's documented sample as a record of its own.
 *
 * <p>Run: {@code sdk-examples/bench/run-jmh.sh DecoderBenchmark -f 1 -wi 3 -i 5}; the score is ns per line (each
 * input repeated to {@value #LINES} lines, one operation per line).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {

    @Param({"certificate", "network-error", "tls-failure", "destination", "proxy-event", "server-answer",
            "date-header", "record", "record-start", "trigger-scan"})
    public String decoder;

    @Param({"chatter", "incidents", "samples"})
    public String input;

    /** Lines per operation: every input is repeated to exactly this many lines, so JMH's score is per line. */
    static final int LINES = 120;

    private BenchmarkHooks.DecoderRun run;

    @Setup
    public void prepare() {
        String once = text(input);
        int lines = BenchmarkHooks.decoder("record", once).lines();
        if (LINES % lines != 0) {
            throw new IllegalStateException(input + " has " + lines + " lines, which do not divide " + LINES);
        }
        run = BenchmarkHooks.decoder(decoder, once.repeat(LINES / lines));
    }

    static String text(String input) {
        return switch (input) {
            case "chatter" -> BenchmarkHooks.chatter();
            case "incidents" -> BenchmarkHooks.incidents();
            case "samples" -> BenchmarkHooks.samples();
            default -> throw new IllegalArgumentException(input);
        };
    }

    /** One invocation: the decoder over {@value #LINES} lines; the score is per line. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public int decode() {
        return run.run();
    }
}
