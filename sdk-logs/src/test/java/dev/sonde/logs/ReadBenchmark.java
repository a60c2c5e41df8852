package dev.sonde.logs;

import dev.sonde.LogInput;
import dev.sonde.InputSummary;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testkit.logs.TlsAttempt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the log reader's speed on a generated trace log (healthy chatter with a failed TLS attempt
 * every ~2,000 records). Not a unit test: run it by hand, e.g.
 *
 * <pre>
 * ./mvnw -B -q -pl sdk-logs -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx256m -cp sdk-logs/target/test-classes:sdk-logs/target/classes:sdk-api/target/classes:$(cat /tmp/cp.txt) \
 *     dev.sonde.logs.ReadBenchmark [sizeMB] [runs]
 * </pre>
 */
public final class ReadBenchmark {

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PrintStream out = System.out;
        Path file = Files.createTempFile("sonde-bench-Trace-", ".log");
        try {
            long bytes = generate(file, sizeMb * 1024L * 1024L);
            out.printf("generated %s: %.1f MB%n", file.getFileName(), bytes / 1e6);
            GwsmoLogReader reader = new GwsmoLogReader();
            for (int run = 1; run <= runs; run++) {
                AtomicLong facts = new AtomicLong();
                System.gc();
                resetPeaks();
                long t0 = System.nanoTime();
                InputSummary s = reader.read(LogInput.of(file), f -> facts.incrementAndGet(), w -> { },
                        Instant.now().plusSeconds(600));
                long ns = System.nanoTime() - t0;
                out.printf("run %d: %.0f ms, %.1f MB/s, %d lines, %d facts, %d skipped, peak heap %.0f MB%n",
                        run, ns / 1e6, bytes / 1e6 / (ns / 1e9), s.linesRead(), facts.get(), s.linesSkipped(), peakHeapMb());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes healthy trace chatter with a failed attempt (4 flavours, rotating) every ~2,000 records. */
    static long generate(Path file, long targetBytes) throws IOException {
        Instant t = Instant.parse("2024-03-05T08:00:00Z");
        ZoneOffset offset = ZoneOffset.ofHours(1);
        List<TlsAttempt> flavours = List.of(
                new TlsAttempt(t, EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA),
                        CertBlock.fiddler("*.google.com"), "127.0.0.1", 8888, "COMPUTERNAME", false),
                new TlsAttempt(t, EnumSet.of(SecurityFlag.CERT_DATE_INVALID),
                        CertBlock.google("*.googleapis.com", t.minusSeconds(86400 * 30), t.plusSeconds(86400 * 54)),
                        "216.58.194.170", 443, "sfo07s13-in-f170.1e100.net", true),
                new TlsAttempt(t, EnumSet.noneOf(SecurityFlag.class), null, "142.250.74.46", 443, null, false),
                new TlsAttempt(t, EnumSet.of(SecurityFlag.CERT_REV_FAILED), null, "2607:f8b0:4005:80a::200a", 443, null, true));
        long written = 0;
        int block = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "Exe name: outlook.exe\nProduct version: 4.3.68.0\n";
            w.write(header);
            written += header.length();
            while (written < targetBytes) {
                Instant now = t.plusSeconds(block * 7L);
                String thread = Integer.toHexString(0x1a20 + block % 5);
                String chatter = GwsmoLogs.ordinaryLines(LogStyle.TRACE, now, offset, thread, 2000);
                TlsAttempt f = flavours.get(block % flavours.size());
                String failure = GwsmoLogs.render(LogStyle.TRACE, List.of(new TlsAttempt(now, f.flags(), f.cert(), f.ip(),
                        f.port(), f.hostName(), f.proxyFallback())), offset, thread);
                w.write(chatter);
                w.write(failure);
                written += chatter.length() + failure.length();
                block++;
            }
        }
        return Files.size(file);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }
}
