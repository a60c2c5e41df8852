package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.spi.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redaction and pseudonymisation stay linear on hostile text: every trigger word followed by long runs of the
 * characters its pattern reads (blanks, separators, quotes, escapes, token characters), the trigger repeated,
 * and both interleaved, in 64 KiB strings (the reader's line cap). A linear pass takes a few milliseconds; one
 * second per string is a guard with a wide margin (a backtracking pattern would take minutes), not a
 * performance test.
 */
class RedactionWorstCaseTest {

    private static final int SIZE = 64 * 1024;
    private static final Duration LIMIT = Duration.ofSeconds(1);

    private static final List<String> TRIGGERS = List.of(
            "password", "pwd", "passphrase", "token", "secret", "api_key", "private_key", "assertion", "Proxy-Authorization",
            "Cookie", "X-Goog-Api-Key", "?code", "%3Fcode", "\"code\"", "%22code%22", "Bearer ", "NTLM ", "ya29.", "1//",
            "GOCSPX-", "AIza", "4/0A", "eyJ", "eyJa.", "eyJa.b", "://", "http://u:", "@", "a@b", "\\Users\\",
            "\\\\Users\\\\", "\\Documents and Settings\\", "//s/Users/", "/home/", "%2", "\\\"");

    private static final List<String> RUNS = List.of(
            " ", "\t", "=", ":", "\"", "'", "\\", "\\\"", "%20", "%22", "%3D", "aB9", "_-", "a.", "@", "/", ":/", "a@", "x ",
            "]");

    @Test
    void everyTriggerFollowedByLongRunsIsRedactedInLinearTime() {
        List<String> slow = new ArrayList<>();
        long worst = 0;
        for (String trigger : TRIGGERS) {
            for (String run : RUNS) {
                for (String text : List.of(trigger + fill(run, SIZE - trigger.length()), fill(trigger + run, SIZE))) {
                    long took = time(text);
                    worst = Math.max(worst, took);
                    if (took > LIMIT.toNanos()) {
                        slow.add(describe(trigger) + " + " + describe(run) + ": " + took / 1_000_000 + " ms");
                    }
                }
            }
            long took = time(fill(trigger, SIZE));
            worst = Math.max(worst, took);
            if (took > LIMIT.toNanos()) {
                slow.add(describe(trigger) + " repeated: " + took / 1_000_000 + " ms");
            }
        }
        assertThat(slow).as("strings that took more than " + LIMIT.toMillis() + " ms (worst " + worst / 1_000_000 + " ms)")
                .isEmpty();
    }

    /** Redacts and pseudonymises {@code text} as a report's string; the nanoseconds it took. */
    private static long time(String text) {
        Finding f = new Finding("X", 1, Severity.LOW, 0.5, text, "", List.of(), "", List.of(), 0, null, Map.of());
        Report report = new Report(List.of(f), List.of(), List.of());
        long start = System.nanoTime();
        Report out = Redaction.apply(report, true);
        long took = System.nanoTime() - start;
        assertThat(out.findings()).hasSize(1);
        return took;
    }

    private static String fill(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        while (b.length() < size) {
            b.append(unit);
        }
        b.setLength(size);
        return b.toString();
    }

    private static String describe(String s) {
        return "'" + s.replace("\t", "\\t") + "'";
    }
}
