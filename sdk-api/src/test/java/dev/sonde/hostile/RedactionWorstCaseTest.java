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
import java.util.Optional;
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

    /** The words and prefixes the secret patterns start on, and the characters they read next. */
    private static final List<String> SECRET_TRIGGERS = List.of(
            "password", "pwd", "token", "secret", "Proxy-Authorization", "Cookie", "X-Goog-Api-Key", "?code", "%3Fcode",
            "\"code\"", "%22code%22", "Bearer ", "NTLM ", "ya29.", "1//", "1%2F%2F", "GOCSPX-", "AIza", "4/0A", "eyJ",
            "eyJa.", "eyJa.b", "://", "http://u:", "%253A%252F%252F", "\\\"");

    /** What the pseudonyms start on: an e-mail's {@code @} and home folders. */
    private static final List<String> PERSONAL_TRIGGERS = List.of(
            "@", "a@b", "\\Users\\", "\\\\Users\\\\", "\\Documents and Settings\\", "//s/Users/", "/home/");

    private static final List<String> RUNS = List.of(
            " ", "\t", "=", ":", "\"", "\\", "\\\"", "%20", "%22", "%25", "aB9", "_-", "a.", "@", "/", ":/", "x ", "]");

    @Test
    void everyTriggerFollowedByLongRunsIsRedactedInLinearTime() {
        List<String> slow = new ArrayList<>();
        long worst = 0;
        for (String trigger : concat(SECRET_TRIGGERS, PERSONAL_TRIGGERS)) {
            boolean personal = PERSONAL_TRIGGERS.contains(trigger);
            List<String> texts = new ArrayList<>();
            texts.add(fill(trigger, SIZE));
            for (String run : RUNS) {
                texts.add(trigger + fill(run, SIZE - trigger.length()));
                texts.add(fill(trigger + run, SIZE));
            }
            for (String text : texts) {
                long took = personal ? timeReport(text) : time(text);
                worst = Math.max(worst, took);
                if (took > LIMIT.toNanos()) {
                    slow.add(describe(text.substring(0, 40)) + "...: " + took / 1_000_000 + " ms");
                }
            }
        }
        assertThat(slow).as("strings that took more than " + LIMIT.toMillis() + " ms (worst " + worst / 1_000_000 + " ms)")
                .isEmpty();
    }

    /** Redacts {@code text}; the nanoseconds it took. */
    private static long time(String text) {
        long start = System.nanoTime();
        String out = Redaction.redact(text);
        long took = System.nanoTime() - start;
        assertThat(out).isNotEmpty();
        return took;
    }

    /** Redacts and pseudonymises {@code text} as a report's string; the nanoseconds it took. */
    private static long timeReport(String text) {
        Finding f = new Finding("X", 1, Severity.LOW, 0.5, text, "", List.of(), "", List.of(), 0, Optional.empty(), Map.of());
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

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String describe(String s) {
        return "'" + s.replace("\t", "\\t") + "'";
    }
}
