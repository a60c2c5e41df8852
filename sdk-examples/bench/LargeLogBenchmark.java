import dev.sonde.Report;
import dev.sonde.Sonde;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Analyzes one log in-process and prints throughput and peak heap. Run it with a small heap
 * ({@code -Xmx256m}, {@code -Xmx128m} for the 2 GB log) to show memory does not grow with the log's size.
 * With {@code RUNS} above 1 the same {@link Sonde} analyzes the log again (a warm JVM), and the median of the first five
 * (the cold run among them, as issue 12's earlier rounds reported it) is printed too; with 10 or more, also the median
 * of the runs from the sixth on (the JVM's steady state, what a fleet analyzing log after log sees). With {@code GREP_MS} (the time {@code grep -c .} took on the same file, measured by {@code run.sh} in the same
 * run) the ratio to it is printed.
 *
 * <p>Usage: {@code java -Xmx256m -cp sdk-cli/target/sonde.jar LargeLogBenchmark.java LOG [RUNS] [GREP_MS]}
 */
public class LargeLogBenchmark {
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double grepMs = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        double mb = Files.size(log) / 1048576.0;
        long t0 = System.nanoTime();
        Sonde sonde = Sonde.builder().build();
        long t1 = System.nanoTime();
        System.out.printf("rule pack compile: %.2f s%n", (t1 - t0) / 1e9);
        double[] seconds = new double[runs];
        Report report = null;
        for (int run = 0; run < runs; run++) {
            long a = System.nanoTime();
            long cpu = processCpu();
            report = sonde.analyze(log);
            seconds[run] = (System.nanoTime() - a) / 1e9;
            // the CPU time of all threads too: on a shared machine it varies less than the wall time
            System.out.printf("analysis %d%s: %.2f s, %.1f MB/s%s, CPU %.2f s%n", run + 1, run == 0 ? " (cold JVM)" : "",
                    seconds[run], mb / seconds[run], grepMs > 0 ? String.format(", %.1fx grep -c", seconds[run] * 1000 / grepMs) : "",
                    (processCpu() - cpu) / 1e9);
        }
        if (runs > 1) {
            // the first five, cold run included, as rounds 1-3 of issue 12 reported; then the JVM's steady state
            printMedian("analysis median of runs 1-" + Math.min(runs, 5), Arrays.copyOf(seconds, Math.min(runs, 5)), mb, grepMs);
            if (runs >= 10) {
                printMedian("warm median of runs 6-" + runs, Arrays.copyOfRange(seconds, 5, runs), mb, grepMs);
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("log: %.1f MB, %,d lines read, %,d skipped%n", mb,
                report.inputs().get(0).linesRead(), report.inputs().get(0).linesSkipped());
        System.out.printf("peak heap used (sum of pool peaks): %.1f MB of max %.0f MB%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf("findings: %s%n", report.findings().stream().map(f -> f.rank() + ":" + f.id()).toList());
        report.warnings().forEach(w -> System.out.println("warning: " + w));
        sonde.close();
    }

    private static void printMedian(String what, double[] seconds, double mb, double grepMs) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf("%s: %.2f s, %.1f MB/s%s%n", what, median, mb / median,
                grepMs > 0 ? String.format(", %.1fx grep -c (%.0f ms)", median * 1000 / grepMs, grepMs) : "");
    }

    /** CPU time of the whole JVM so far, in ns (-1 where the platform does not say). */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
