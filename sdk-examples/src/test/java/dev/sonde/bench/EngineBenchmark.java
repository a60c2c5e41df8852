package dev.sonde.bench;

import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Report;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.logs.GwsmoLogReader;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule engine alone (issue 12, goal 4): facts already read, sent to a session of the built-in pack, rules fired
 * and the findings assembled, on a warm engine. Two fact sets: {@code small}, the facts of the Fiddler sample (what
 * one log of a troubleshooting session gives), and {@code large}, 100,000 TLS failures each with its destination,
 * 200 distinct addresses (so that most of them fold, as in a long trace log of one recurring failure; 200,000
 * facts in all). Run with {@code sdk-examples/bench/run-jmh.sh EngineBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

    @Param({"small", "large"})
    public String facts;

    private DroolsRuleEngine engine;
    private List<Fact> input;
    private List<InputSummary> sources;

    @Setup(Level.Trial)
    public void build() throws IOException {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        input = facts.equals("small") ? sampleFacts("fiddler-interception") : recurringFailure(100_000, 200);
        sources = List.of(new InputSummary("Trace.log", "gwsmo-trace", "UTF-8", input.size(), 0, input.size(),
                InputSummary.Status.READ));
    }

    @Benchmark
    public Report analyze() {
        try (RuleEngine.Session session = engine.openSession(Locale.ENGLISH, Instant.now().plusSeconds(300))) {
            for (Fact f : input) {
                session.add(f);
            }
            return session.finish(sources, List.of());
        }
    }

    /** The facts the log reader finds in a shipped sample. */
    static List<Fact> sampleFacts(String sample) throws IOException {
        List<Fact> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Samples.folder(sample))) {
            for (Path log : files.sorted().toList()) {
                new GwsmoLogReader().read(LogInput.of(log), out::add, w -> { }, Instant.now().plusSeconds(60));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no facts in sample " + sample);
        }
        return out;
    }

    /** {@code n} TLS failures (revocation, unknown CA) seven seconds apart, each followed by its destination. */
    static List<Fact> recurringFailure(int n, int addresses) {
        List<Fact> out = new ArrayList<>(2 * n);
        Instant start = Instant.parse("2024-04-02T09:15:02Z");
        for (int i = 0; i < n; i++) {
            LogTime t = LogTime.of(start.plusSeconds(i * 7L), ZoneOffset.UTC);
            long line = 2L * i + 1;
            out.add(new TlsFailure(EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA), t, "a",
                    new Evidence("Trace-big.log", line, "Secure connection failure.")));
            String ip = "142.250.180." + (i % addresses);
            out.add(new Destination(ip, 443, "", t, "a", new Evidence("Trace-big.log", line + 1,
                    "Network connection destination details: " + ip + ":443")));
        }
        return out;
    }
}
