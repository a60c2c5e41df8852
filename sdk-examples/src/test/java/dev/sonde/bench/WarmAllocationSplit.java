package dev.sonde.bench;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Sonde;
import dev.sonde.facts.Fact;
import dev.sonde.logs.GwsmoLogReader;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: where a warm analysis' allocation goes (issue 12, goal 3), in bytes per call summed over every thread
 * ({@code com.sun.management.ThreadMXBean}, exact, any GC): the whole {@code analyze}, the engine alone on the
 * sample's facts (session, firing, clearing, findings: what {@link EngineBenchmark} {@code small} runs), and reading
 * the sample's logs alone. Medians of 5 rounds of 2,000 calls after 3,000 warm-up calls. Run from the checkout root:
 *
 * <pre>
 * java -cp "sdk-examples/target/test-classes:sdk-examples/target/classes:$(cat sdk-examples/target/bench-classpath.txt)" \
 *   dev.sonde.bench.WarmAllocationSplit fiddler-interception
 * </pre>
 */
public final class WarmAllocationSplit {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private WarmAllocationSplit() {
    }

    private interface Call {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String sample = args.length > 0 ? args[0] : "fiddler-interception";
        Path folder = Samples.folder(sample);
        Sonde sonde = Sonde.builder().build();
        List<Fact> facts = EngineBenchmark.sampleFacts(sample);
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        List<InputSummary> sources = List.of(new InputSummary("Trace.log", "gwsmo-trace", "UTF-8", facts.size(), 0,
                facts.size(), InputSummary.Status.READ));
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.sorted().toList();
        }
        System.out.printf(Locale.ROOT, "%s (%d facts), bytes per call, every thread:%n", sample, facts.size());
        measure("analyze", () -> sonde.analyze(folder));
        measure("engine", () -> {
            try (RuleEngine.Session session = engine.openSession(Locale.ENGLISH, Instant.now().plusSeconds(300))) {
                for (Fact f : facts) {
                    session.add(f);
                }
                session.finish(sources, List.of());
            }
        });
        measure("read", () -> {
            List<Fact> out = new ArrayList<>();
            for (Path log : logs) {
                new GwsmoLogReader().read(LogInput.of(log), out::add, w -> { }, Instant.now().plusSeconds(60));
            }
        });
    }

    private static void measure(String name, Call call) throws Exception {
        for (int i = 0; i < 3_000; i++) {
            call.run();
        }
        Thread.sleep(100); // the last session's clearing, on a worker thread
        long[] rounds = new long[5];
        int n = 2_000;
        for (int r = 0; r < rounds.length; r++) {
            long before = allocated();
            for (int i = 0; i < n; i++) {
                call.run();
            }
            Thread.sleep(100);
            rounds[r] = (allocated() - before) / n;
        }
        Arrays.sort(rounds);
        System.out.printf(Locale.ROOT, "  %-8s %,9d (rounds %,d .. %,d)%n", name, rounds[2], rounds[0], rounds[4]);
    }

    /** Bytes allocated so far by the live threads (a thread that ended is not counted: the pools keep theirs). */
    private static long allocated() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long b = THREADS.getThreadAllocatedBytes(id);
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }
}
