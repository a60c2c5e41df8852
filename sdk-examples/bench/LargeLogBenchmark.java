import dev.sonde.Report;
import dev.sonde.Sonde;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Analyzes one log in-process and prints throughput and peak heap. Run it with a small heap
 * ({@code -Xmx256m}) to show memory does not grow with the log's size.
 *
 * <p>Usage: {@code java -Xmx256m -cp sdk-cli/target/sonde.jar LargeLogBenchmark.java LOG}
 */
public class LargeLogBenchmark {
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        double mb = Files.size(log) / 1048576.0;
        long t0 = System.nanoTime();
        Sonde sonde = Sonde.builder().build();
        long t1 = System.nanoTime();
        Report report = sonde.analyze(log);
        long t2 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double seconds = (t2 - t1) / 1e9;
        System.out.printf("log: %.1f MB, %,d lines read, %,d skipped%n", mb,
                report.inputs().get(0).linesRead(), report.inputs().get(0).linesSkipped());
        System.out.printf("rule pack compile: %.2f s%n", (t1 - t0) / 1e9);
        System.out.printf("analysis: %.2f s, %.1f MB/s%n", seconds, mb / seconds);
        System.out.printf("peak heap used (sum of pool peaks): %.1f MB of max %.0f MB%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf("findings: %s%n", report.findings().stream().map(f -> f.rank() + ":" + f.id()).toList());
        report.warnings().forEach(w -> System.out.println("warning: " + w));
    }
}
