package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Report;
import dev.sonde.RulePackReload;
import dev.sonde.Sonde;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload against edits an attacker or a slow editor makes: DRL that overflows the compiler's stack, files saved
 * in place in several writes while analyses run. The watcher survives, a broken edit is rejected with a sentence
 * naming the file, and no analysis is ever served by half-written rules.
 */
class HostileReloadTest {

    static final long WAIT_SECONDS = 30;

    /** A rule raising ACME_PROXY for any proxy event, padded with comments so that a save takes several writes. */
    static String rule(String title) {
        return "package acme;\nimport dev.sonde.facts.*;\nimport dev.sonde.rules.model.*;\n"
                + "// " + "padding ".repeat(2_000) + "\n"
                + "rule \"" + title + "\" @finding(\"ACME_PROXY\") @severity(\"high\") @confidence(0.9)\n"
                + "when ProxyEvent() then Raise.finding(drools).insert(); end\n";
    }

    /** A condition nested 20,000 parentheses deep: the compiler's stack overflows on it. */
    static String tooDeep() {
        return "package acme;\nimport dev.sonde.facts.*;\nimport dev.sonde.rules.model.*;\n"
                + "rule \"deep\" @finding(\"ACME_PROXY\") @severity(\"high\") @confidence(0.9)\nwhen ProxyEvent( "
                + "(".repeat(20_000) + "true" + ")".repeat(20_000) + " ) then Raise.finding(drools).insert(); end\n";
    }

    /** An authorization log with a proxy asking for credentials (a ProxyEvent). */
    static final String PROXY_LOG = "[2024-03-05T09:14:51:ERROR:windows_http.cc(420)] HTTP 407 Proxy Authentication Required\n"
            + "Proxy-Authenticate: Basic realm=\"corp\"\n";

    @TempDir
    Path tmp;

    private Path pack() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("acme"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"1\",\"apiVersion\":1}");
        Files.writeString(dir.resolve("messages_en.properties"), "ACME_PROXY.title=Acme\nACME_PROXY.explanation=Acme.\n");
        Files.writeString(dir.resolve("rules.drl"), rule("first"));
        return dir;
    }

    @Test
    void aPackThatOverflowsTheCompilerIsRejectedAndTheWatcherKeepsWatching() throws Exception {
        Path pack = pack();
        BlockingQueue<RulePackReload> reloads = new LinkedBlockingQueue<>();
        try (Sonde sonde = Sonde.builder().rulePack(pack).reloadDebounce(Duration.ofMillis(100))
                .watchRulePacks(reloads::add).build()) {
            Files.writeString(pack.resolve("rules.drl"), tooDeep());
            RulePackReload rejected = next(reloads, RulePackReload.Status.REJECTED);
            assertThat(String.join(" ", rejected.problems())).contains("rules.drl").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(sonde.analyzeText("Identity/auth.log", PROXY_LOG).finding("ACME_PROXY")).isPresent();

            Files.writeString(pack.resolve("rules.drl"), rule("second"));
            next(reloads, RulePackReload.Status.APPLIED);
            // on demand too
            Files.writeString(pack.resolve("rules.drl"), tooDeep());
            RulePackReload onDemand = sonde.reloadRulePacks();
            assertThat(onDemand.status()).isIn(RulePackReload.Status.REJECTED, RulePackReload.Status.UNCHANGED);
            assertThat(sonde.analyzeText("Identity/auth.log", PROXY_LOG).finding("ACME_PROXY")).isPresent();
        }
    }

    @Test
    void filesSavedInPlaceInSeveralWritesNeverServeHalfWrittenRules() throws Exception {
        Path pack = pack();
        Path drl = pack.resolve("rules.drl");
        AtomicInteger applied = new AtomicInteger();
        CountDownLatch anyApplied = new CountDownLatch(1);
        AtomicInteger rejected = new AtomicInteger();
        try (Sonde sonde = Sonde.builder().rulePack(pack).reloadDebounce(Duration.ofMillis(20))
                .watchRulePacks(r -> {
                    if (r.status() == RulePackReload.Status.APPLIED) {
                        applied.incrementAndGet();
                        anyApplied.countDown();
                    } else if (r.status() == RulePackReload.Status.REJECTED) {
                        rejected.incrementAndGet();
                    }
                }).build()) {
            AtomicBoolean saving = new AtomicBoolean(true);
            Thread editor = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        byte[] text = rule("version " + i).getBytes(StandardCharsets.UTF_8);
                        // an editor saving in place: truncate, then the text in three writes with pauses
                        try (OutputStream out = Files.newOutputStream(drl, StandardOpenOption.TRUNCATE_EXISTING)) {
                            int third = text.length / 3;
                            out.write(text, 0, third);
                            out.flush();
                            Thread.sleep(15);
                            out.write(text, third, third);
                            out.flush();
                            Thread.sleep(15);
                            out.write(text, 2 * third, text.length - 2 * third);
                        }
                        Thread.sleep(60);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    saving.set(false);
                }
            });
            editor.start();
            int analyses = 0;
            while (saving.get()) {
                Report r = sonde.analyzeText("Identity/auth.log", PROXY_LOG);
                assertThat(r.finding("ACME_PROXY")).as("analysis %d during in-place saves", analyses).isPresent();
                analyses++;
            }
            editor.join();
            assertThat(analyses).isGreaterThan(10);
            // the last save's reload may still be compiling: wait for the event, not for a time
            assertThat(anyApplied.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a reload applied").isTrue();
            assertThat(applied.get()).as("reloads applied").isPositive();
        }
    }

    private static RulePackReload next(BlockingQueue<RulePackReload> reloads, RulePackReload.Status wanted)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < until) {
            RulePackReload r = reloads.poll(1, TimeUnit.SECONDS);
            if (r != null && r.status() == wanted) {
                return r;
            }
        }
        throw new AssertionError("no " + wanted + " reload within " + WAIT_SECONDS + " s");
    }
}
