package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.LogInput;
import dev.sonde.ProbeCatalog;
import dev.sonde.Report;
import dev.sonde.RulePackReload;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hot reload with the real Drools engine and log reader, on an exported copy of the built-in pack edited
 * as {@code docs/writing-rules.md} does: the AcmeGuard rule. Waits are generous (30 s) and never measure
 * speed; "nothing else happened" is checked after a quiet time several times the debounce.
 */
class HotReloadTest {

    static final long WAIT_SECONDS = 30;
    static final String WATCHER = "sonde-rule-pack-watcher";

    /** docs/writing-rules.md, step 2. */
    static final String ACMEGUARD_DRL = """
            // AcmeGuard, our company's inspection proxy, re-signs HTTPS traffic with its own authority.
            package com.example.sonde;

            import dev.sonde.facts.*;
            import dev.sonde.rules.model.*;

            rule "AcmeGuard inspects the connections to Google"
                @finding("ACMEGUARD_INSPECTION") @severity("critical") @confidence(0.99) @articleStep("4")
            when
                $c : Certificate( issuerName() matches "(?i).*AcmeGuard Inspection CA.*" )
            then
                Raise.finding(drools)
                    .param("issuer", $c.issuerName())
                    .param("subject", $c.subjectName())
                    .insert();
            end
            """;

    /** The same rule with {@code then} misspelled: Drools stumbles on line 12. */
    static final String BROKEN_DRL = ACMEGUARD_DRL.replace("\nthen\n", "\nthne\n");

    /** docs/writing-rules.md, step 3. */
    static final String ACMEGUARD_MESSAGES = """

            # --- ACMEGUARD_INSPECTION (added by Example Corp) ---
            ACMEGUARD_INSPECTION.title=AcmeGuard inspects the connections to Google
            ACMEGUARD_INSPECTION.explanation=The certificate presented for {subject} was issued by "{issuer}".
            ACMEGUARD_INSPECTION.remediation.1=Ask the network team to add Google's sync hosts to AcmeGuard's "do not inspect" list.
            """;

    /** docs/writing-rules.md, step 4: AcmeGuard answers for www.googleapis.com. */
    static final String ACMEGUARD_LOG = """
            [2025-03-10T09:12:44.101:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]
            [2025-03-10T09:12:44.101:ERROR:windows_http.cc(340)] Certificate details:
            ---Validity--
            Valid from: 2025-02-01 00:00:00 UTC
            Valid until: 2025-05-01 23:59:59 UTC
            ---Subject---
            US
            California
            Mountain View
            Google LLC
            www.googleapis.com
            ---Issuer----
            US
            Example Corp
            AcmeGuard Inspection CA
            -------------
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The function is unfamiliar with the Certificate Authority that generated the server's certificate.
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(210)] WinHttpSendRequest failed: error 12175 (ERROR_WINHTTP_SECURE_FAILURE)
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(107)] Network connection destination details: 10.20.0.5:443
            """;

    @TempDir
    Path tmp;

    Path pack;
    final BlockingQueue<RulePackReload> reloads = new LinkedBlockingQueue<>();
    ExecutorService executor;

    @BeforeEach
    void exportThePack() {
        pack = tmp.resolve("my-pack");
        assertThat(RulePack.exportBuiltIn(pack)).isGreaterThan(10);
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopTheExecutor() {
        executor.shutdownNow();
    }

    Sonde watching(Duration debounce) {
        return Sonde.builder().rulePack(pack).watchRulePacks(reloads::add).reloadDebounce(debounce).build();
    }

    RulePackReload nextReload() throws InterruptedException {
        RulePackReload r = reloads.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(r).as("a reload within %s s", WAIT_SECONDS).isNotNull();
        return r;
    }

    /** The messages first, then the rule: whatever the watcher sees in between compiles. */
    void addAcmeGuard() throws IOException {
        Files.writeString(pack.resolve("messages_en.properties"), ACMEGUARD_MESSAGES, StandardOpenOption.APPEND);
        Files.writeString(pack.resolve("acmeguard.drl"), ACMEGUARD_DRL);
    }

    static List<String> ids(Report r) {
        return r.findings().stream().map(Finding::id).toList();
    }

    Report analyzeAcmeLog(Sonde sonde) {
        return sonde.analyzeText("Identity/auth.log", ACMEGUARD_LOG);
    }

    static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(WATCHER) && t.isAlive()).count();
    }

    /** Waits for the watcher threads to end (their {@code join}), {@link #WAIT_SECONDS} at most. */
    static void awaitNoWatcherThread() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(WATCHER)) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        }
    }

    @Test
    void withATrustedKeyAnUnsignedEditIsRejectedUntilItIsSignedAgain() throws Exception {
        PackSignature.Keys vendor = PackSignature.generateKeys();
        PackSignature.sign(pack, vendor.privateKeyPem());
        try (Sonde sonde = Sonde.builder().rulePack(pack).trustedPublicKey(vendor.publicKeyPem()).build()) {
            assertThat(ids(analyzeAcmeLog(sonde))).contains("TLS_INTERCEPTION").doesNotContain("ACMEGUARD_INSPECTION");

            addAcmeGuard(); // an edit nobody signed
            RulePackReload refused = sonde.reloadRulePacks();
            assertThat(refused.status()).isEqualTo(RulePackReload.Status.REJECTED);
            assertThat(String.join("\n", refused.problems())).contains("refused").contains("acmeguard.drl")
                    .contains("messages_en.properties");
            assertThat(ids(analyzeAcmeLog(sonde))).as("the signed rules keep serving")
                    .doesNotContain("ACMEGUARD_INSPECTION");

            PackSignature.sign(pack, vendor.privateKeyPem());
            assertThat(sonde.reloadRulePacks().status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(ids(analyzeAcmeLog(sonde))).contains("ACMEGUARD_INSPECTION");
        }
        PackSignature.Keys other = PackSignature.generateKeys();
        assertThatThrownBy(() -> Sonde.builder().rulePack(pack).trustedPublicKey(other.publicKeyPem()).build())
                .isInstanceOf(SondeException.class).hasMessageContaining("refused");
        Files.delete(pack.resolve(PackSignature.FILE));
        assertThatThrownBy(() -> Sonde.builder().rulePack(pack).trustedPublicKey(vendor.publicKeyPem()).build())
                .isInstanceOf(SondeException.class).hasMessageContaining("not signed");
        assertThatThrownBy(() -> Sonde.builder().trustedPublicKey(vendor.publicKeyPem()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no pack");
    }

    @Test
    void anAddedRuleIsPickedUpByTheWatcher() throws Exception {
        try (Sonde sonde = watching(Duration.ofSeconds(1))) {
            Report before = analyzeAcmeLog(sonde);
            assertThat(ids(before)).contains("TLS_INTERCEPTION").doesNotContain("ACMEGUARD_INSPECTION");

            addAcmeGuard();
            RulePackReload r = nextReload();
            assertThat(r.status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(r.applied()).isTrue();
            assertThat(r.problems()).isEmpty();
            assertThat(r.rulePacks()).containsExactly(pack);
            assertThat(r.at()).isBefore(Instant.now().plusSeconds(1));

            Report after = analyzeAcmeLog(sonde);
            Finding acme = after.top().orElseThrow();
            assertThat(acme.id()).isEqualTo("ACMEGUARD_INSPECTION");
            assertThat(acme.title()).isEqualTo("AcmeGuard inspects the connections to Google");
            assertThat(acme.params().get("issuer")).isEqualTo("AcmeGuard Inspection CA");
            assertThat(ids(after)).contains("UNTRUSTED_CA");

            // editing a text is a change too: the next analysis shows the new wording
            Files.writeString(pack.resolve("messages_en.properties"), Files.readString(pack.resolve("messages_en.properties"))
                    .replace("ACMEGUARD_INSPECTION.title=AcmeGuard inspects the connections to Google",
                            "ACMEGUARD_INSPECTION.title=AcmeGuard decrypts the traffic to Google"));
            assertThat(nextReload().status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().title()).isEqualTo("AcmeGuard decrypts the traffic to Google");
        }
    }

    @Test
    void aBrokenEditKeepsTheOldRulesAndSaysWhereUntilItIsFixed() throws Exception {
        try (Sonde sonde = watching(Duration.ofSeconds(1))) {
            addAcmeGuard();
            assertThat(nextReload().status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");

            Files.writeString(pack.resolve("acmeguard.drl"), BROKEN_DRL);
            RulePackReload rejected = nextReload();
            assertThat(rejected.status()).isEqualTo(RulePackReload.Status.REJECTED);
            assertThat(rejected.applied()).isFalse();
            assertThat(rejected.problems()).isNotEmpty()
                    .anySatisfy(p -> assertThat(p).startsWith("gwsmo/acmeguard.drl line 12"));

            // the previous rules keep serving, AcmeGuard rule included
            Report meanwhile = analyzeAcmeLog(sonde);
            assertThat(meanwhile.top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");

            // touching the broken file unchanged compiles it again: still rejected, still saying why
            Files.setLastModifiedTime(pack.resolve("acmeguard.drl"), FileTime.from(Instant.now().plusSeconds(5)));
            Files.writeString(pack.resolve("acmeguard.drl"), BROKEN_DRL);
            RulePackReload again = nextReload();
            assertThat(again.status()).isEqualTo(RulePackReload.Status.REJECTED);
            assertThat(again.problems()).isEqualTo(rejected.problems());

            // reverting to the content in use applies again
            Files.writeString(pack.resolve("acmeguard.drl"), ACMEGUARD_DRL);
            RulePackReload fixed = nextReload();
            assertThat(fixed.status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");

            // and a different fix too: the rule removed, the built-in finding is back
            Files.delete(pack.resolve("acmeguard.drl"));
            assertThat(nextReload().status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(ids(analyzeAcmeLog(sonde))).contains("TLS_INTERCEPTION").doesNotContain("ACMEGUARD_INSPECTION");
        }
    }

    /** Gives the first bytes of a log, then waits for {@code release} before the rest. */
    static final class HeldStream extends InputStream {
        private final byte[] bytes;
        private final int holdAt;
        private final CountDownLatch reading;
        private final CountDownLatch release;
        private int pos;

        HeldStream(String text, CountDownLatch reading, CountDownLatch release) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
            this.holdAt = text.indexOf("---Issuer----");
            this.reading = reading;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == holdAt) {
                reading.countDown();
                try {
                    if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            if (pos >= bytes.length) {
                return -1;
            }
            int end = pos < holdAt ? holdAt : bytes.length;
            int n = Math.min(len, end - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void anAnalysisInFlightFinishesOnTheRulesItStartedWith() throws Exception {
        try (Sonde sonde = Sonde.builder().rulePack(pack).build()) {
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Report> inFlight = executor.submit(() -> sonde.analyze(
                    LogInput.of("Identity/auth.log", new HeldStream(ACMEGUARD_LOG, reading, release))));
            assertThat(reading.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the analysis is reading").isTrue();

            addAcmeGuard();
            RulePackReload r = sonde.reloadRulePacks();
            assertThat(r.status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
            assertThat(inFlight.isDone()).isFalse();

            release.countDown();
            Report old = inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(ids(old)).contains("TLS_INTERCEPTION", "UNTRUSTED_CA").doesNotContain("ACMEGUARD_INSPECTION");
            assertThat(old.top().orElseThrow().id()).isEqualTo("TLS_INTERCEPTION");
            // the in-flight analysis did read the whole log: the issuer after the hold is in its evidence
            assertThat(old.finding("TLS_INTERCEPTION").orElseThrow().explanation()).contains("AcmeGuard Inspection CA");
        }
    }

    @Test
    void aBurstOfWritesGivesOneReload() throws Exception {
        Duration debounce = Duration.ofSeconds(2);
        try (Sonde sonde = watching(debounce)) {
            Path messages = pack.resolve("messages_en.properties");
            String base = Files.readString(messages);
            // an editor saving again and again, a tool writing a file in pieces: each write changes the
            // content, and they come closer together than the debounce, so they are one burst
            for (int i = 1; i <= 10; i++) {
                Files.writeString(messages, base + "\n# save " + i + "\n");
                Thread.sleep(100); // the editor's pace (input), not a wait
            }
            RulePackReload r = nextReload();
            assertThat(r.status()).isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("TLS_INTERCEPTION");
            // one more edit after the burst: the next reload event is that edit's, applied; a second reload of the
            // burst would have come first, as UNCHANGED (its files are the ones already in use)
            addAcmeGuard();
            RulePackReload edit = nextReload();
            assertThat(edit.status()).as("the reload after the burst's").isEqualTo(RulePackReload.Status.APPLIED);
            assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
        }
    }

    @Test
    void closeStopsTheWatcherThreadAndAnalysesGoOn() throws Exception {
        awaitNoWatcherThread(); // threads of other tests are gone
        Sonde sonde = watching(Duration.ofMillis(100));
        assertThat(watcherThreads()).isEqualTo(1);
        sonde.close();
        awaitNoWatcherThread();
        assertThat(watcherThreads()).isZero();
        sonde.close(); // again: nothing happens

        // no more watching: an edit is not picked up until asked
        addAcmeGuard();
        assertThat(reloads.poll(2, TimeUnit.SECONDS)).isNull();
        assertThat(ids(analyzeAcmeLog(sonde))).contains("TLS_INTERCEPTION").doesNotContain("ACMEGUARD_INSPECTION");
        RulePackReload asked = sonde.reloadRulePacks();
        assertThat(asked.status()).isEqualTo(RulePackReload.Status.APPLIED);
        assertThat(reloads.poll()).isEqualTo(asked); // the listener hears of reloads asked for too
        assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
    }

    @Test
    void reloadRulePacksWorksWithoutWatchingAndReplacesTheCatalog() throws Exception {
        Sonde sonde = Sonde.builder().rulePack(pack).build(); // not watching: nothing to close
        assertThat(sonde.probeCatalog().endpoints()).extracting(ProbeCatalog.Endpoint::service).contains("mail");

        addAcmeGuard();
        Files.writeString(pack.resolve("endpoints.json"), """
                {"endpoints": [{"service": "lab", "url": "https://127.0.0.1:8443/lab"}]}
                """);
        assertThat(ids(analyzeAcmeLog(sonde))).doesNotContain("ACMEGUARD_INSPECTION"); // nothing watched
        RulePackReload r = sonde.reloadRulePacks();
        assertThat(r.status()).isEqualTo(RulePackReload.Status.APPLIED);
        assertThat(r.duration()).isPositive();
        assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
        assertThat(sonde.probeCatalog().endpoints()).extracting(ProbeCatalog.Endpoint::service).containsExactly("lab");

        // a catalog given to the builder stays whatever the pack says
        ProbeCatalog given = new ProbeCatalog(List.of(ProbeCatalog.Endpoint.of("fixed", "https://127.0.0.1:9443/")), List.of());
        Sonde fixed = Sonde.builder().rulePack(pack).probeCatalog(given).build();
        Files.writeString(pack.resolve("endpoints.json"), """
                {"endpoints": [{"service": "lab2", "url": "https://127.0.0.1:8444/lab"}]}
                """);
        assertThat(fixed.reloadRulePacks().status()).isEqualTo(RulePackReload.Status.APPLIED);
        assertThat(fixed.probeCatalog()).isEqualTo(given);
    }

    @Test
    void unchangedPacksAreNotCompiledAgain() throws Exception {
        Sonde sonde = Sonde.builder().rulePack(pack).build();
        RulePackReload first = sonde.reloadRulePacks();
        assertThat(first.status()).isEqualTo(RulePackReload.Status.UNCHANGED);
        assertThat(first.applied()).isFalse();
        assertThat(first.problems()).isEmpty();

        // re-saved unchanged, a golden case edited, an editor's backup file: still the same rules
        Path certificates = pack.resolve("certificates.drl");
        Files.writeString(certificates, Files.readString(certificates));
        Files.setLastModifiedTime(certificates, FileTime.from(Instant.now().plusSeconds(60)));
        Files.writeString(pack.resolve("cases/zscaler-inspection/expect.json"), "{\"top\": \"CLOCK_SKEW\"}");
        Files.writeString(pack.resolve("certificates.drl~"), "rule \"broken");
        assertThat(sonde.reloadRulePacks().status()).isEqualTo(RulePackReload.Status.UNCHANGED);

        // the built-in pack cannot change while Sonde runs
        assertThat(Sonde.builder().build().reloadRulePacks().status()).isEqualTo(RulePackReload.Status.UNCHANGED);
    }

    @Test
    void theCompileCacheIsUsedAtBuildAndOnReload() throws Exception {
        Path cache = tmp.resolve("cache");
        Sonde sonde = Sonde.builder().rulePack(pack).compileCache(cache).build();
        assertThat(entries(cache)).hasSize(1);
        addAcmeGuard();
        assertThat(sonde.reloadRulePacks().status()).isEqualTo(RulePackReload.Status.APPLIED);
        assertThat(entries(cache)).hasSize(2); // the edited pack has its own entry
        assertThat(analyzeAcmeLog(sonde).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
        // a second start with the same packs reads the entry: same rules, no new entry
        Sonde second = Sonde.builder().rulePack(pack).compileCache(cache).build();
        assertThat(entries(cache)).hasSize(2);
        assertThat(analyzeAcmeLog(second).top().orElseThrow().id()).isEqualTo("ACMEGUARD_INSPECTION");
    }

    static List<Path> entries(Path cache) throws IOException {
        try (var files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kbase")).toList();
        }
    }
}
