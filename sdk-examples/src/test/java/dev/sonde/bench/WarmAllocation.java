package dev.sonde.bench;

import dev.sonde.Sonde;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: the bytes a warm analysis of a shipped sample allocates, on every thread (issue 12, goal 3). JMH's
 * {@code -prof gc} sums the allocations of the threads alive at each snapshot, so the rules' worker threads (a
 * thread per analysis before sessions were reused) can be missed; here the JVM runs with Epsilon GC, which never
 * frees anything, and the heap's growth over 2,000 analyses is the answer. Run from the checkout root, after
 * {@code sdk-examples/bench/run-jmh.sh -l} (which builds the class path file):
 *
 * <pre>
 * java -Xmx8g -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC \
 *   -cp "sdk-examples/target/test-classes:sdk-examples/target/classes:$(cat sdk-examples/target/bench-classpath.txt)" \
 *   dev.sonde.bench.WarmAllocation fiddler-interception healthy
 * </pre>
 */
public final class WarmAllocation {

    private WarmAllocation() {
    }

    public static void main(String[] args) throws InterruptedException {
        Sonde sonde = Sonde.builder().build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String sample : args.length == 0 ? new String[] {"fiddler-interception", "healthy"} : args) {
            Path folder = Samples.folder(sample);
            for (int i = 0; i < 2_000; i++) {
                sonde.analyze(folder);
            }
            Thread.sleep(200); // the last session's clearing, on a worker thread
            long before = memory.getHeapMemoryUsage().getUsed();
            int n = 2_000;
            for (int i = 0; i < n; i++) {
                sonde.analyze(folder);
            }
            Thread.sleep(200);
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "%s: %,.0f bytes per analysis (every thread)%n", sample,
                    (after - before) / (double) n);
        }
    }
}
