package dev.sonde.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of one run went, printed on stderr when the environment has {@code SONDE_TIMING=1} (the start-up
 * benchmark, {@code sdk-examples/bench/run-start.sh}, reads it): the {@code ./sonde} launcher (its start to the
 * JVM's), the JVM's start to {@code main}, then each phase the command marks (reading the rules, the
 * analysis, the report), and the classes loaded with the time the JVM spent loading them, in every phase and
 * thread; each phase's CPU time is the whole process's (every thread, 10 ms steps). Costs nothing when off.
 */
final class StartTiming {

    static final boolean ON = "1".equals(System.getenv("SONDE_TIMING"));
    private static final long MAIN = System.nanoTime();
    private static final long MAIN_MILLIS = System.currentTimeMillis();
    private static final List<String> PHASES = new ArrayList<>();
    private static long last = MAIN;
    private static long lastCpu = ON ? cpuMillis() : 0;

    private StartTiming() {
    }

    /** Starts the clock: {@code main} calls it first. */
    static void start() {
        // the class's initialisation reads the clock
    }

    /** Ends the phase {@code name} now. */
    static void mark(String name) {
        if (ON) {
            long now = System.nanoTime();
            long cpu = cpuMillis();
            PHASES.add(name + " " + (now - last) / 1_000_000 + " ms (cpu " + (cpu - lastCpu) + ")");
            last = now;
            lastCpu = cpu;
        }
    }

    /**
     * When the {@code ./sonde} launcher started, in ms since the epoch: it passes bash's {@code $EPOCHREALTIME} as
     * {@code SONDE_LAUNCHED_AT} (seconds, with a point or the locale's comma).
     */
    private static java.util.OptionalLong launched() {
        try {
            String at = System.getenv("SONDE_LAUNCHED_AT");
            return at == null ? java.util.OptionalLong.empty()
                    : java.util.OptionalLong.of((long) (Double.parseDouble(at.replace(',', '.')) * 1000));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** CPU time of the whole process (every thread) so far, from the operating system (10 ms steps on Linux). */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    /** Prints the phases on {@code err}: {@code sonde timing: to main 180 ms, pack 310 ms, ...}. */
    static void print(PrintWriter err) {
        if (!ON) {
            return;
        }
        long total = (System.nanoTime() - MAIN) / 1_000_000;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder line = new StringBuilder("sonde timing: ");
        launched().ifPresent(at -> line.append("launcher ").append(jvmStart - at).append(" ms, "));
        line.append("JVM start to main ").append(MAIN_MILLIS - jvmStart).append(" ms, ");
        PHASES.forEach(p -> line.append(p).append(", "));
        line.append("main to exit ").append(total).append(" ms (cpu ").append(cpuMillis()).append(" since the JVM started); ")
                .append(String.format(Locale.ROOT, "%,d", ManagementFactory.getClassLoadingMXBean()
                        .getTotalLoadedClassCount())).append(" classes loaded");
        line.append(classLoadingTimes());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:AOTCache="))
                .forEach(a -> line.append("; class-data archive ").append(a.substring(a.indexOf('=') + 1))
                        .append(archiveMapped()));
        err.println(line);
        err.flush();
    }

    /**
     * Whether the JVM mapped the archive it was given: it turns class-data sharing off when it refuses one (another
     * class path, another JVM), silently under {@code -Xshare:auto}.
     */
    private static String archiveMapped() {
        try {
            boolean on = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseSharedSpaces").getValue());
            return on ? " (mapped)" : " (refused by the JVM)";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The JVM's own counts of time spent loading classes, initialising them and verifying them, in ms, or empty
     * when they cannot be read (the jar's manifest exports {@code sun.management} to Sonde for this).
     */
    private static String classLoadingTimes() {
        try {
            Object bean = Class.forName("sun.management.ManagementFactoryHelper")
                    .getMethod("getHotspotClassLoadingMBean").invoke(null);
            Class<?> type = Class.forName("sun.management.HotspotClassLoadingMBean");
            return " (all threads: loading " + type.getMethod("getClassLoadingTime").invoke(bean) + " ms, of which "
                    + "initialising " + type.getMethod("getClassInitializationTime").invoke(bean) + " ms, verifying "
                    + type.getMethod("getClassVerificationTime").invoke(bean) + " ms)";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "";
        }
    }
}
