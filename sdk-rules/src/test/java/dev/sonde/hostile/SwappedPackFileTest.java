package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import dev.sonde.rules.trust.TrustedPacks;
import dev.sonde.spi.RuleEngineFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, §3 "Verify what you compile": while a pack is loaded again and again with a trusted key, another thread
 * keeps replacing its rule file by an unsigned one and back. Every load must either give the signed rule or be
 * refused: the unsigned rule (its own rule name and finding id) is never read into a pack, never compiled.
 */
class SwappedPackFileTest {

    static final PackSignature.Keys VENDOR = PackSignature.generateKeys();

    @TempDir
    Path tmp;

    /** Flips {@code acme.drl} between the two versions until stopped; each version is moved in whole. */
    private static Thread flipper(Path pack, String signed, String unsigned, AtomicBoolean stop, AtomicInteger flips) {
        Thread t = new Thread(() -> {
            try {
                Path a = Files.writeString(pack.getParent().resolve("signed.drl"), signed);
                Path b = Files.writeString(pack.getParent().resolve("unsigned.drl"), unsigned);
                while (!stop.get()) {
                    Path from = flips.get() % 2 == 0 ? b : a;
                    Path copy = Files.copy(from, pack.getParent().resolve("next.drl"), StandardCopyOption.REPLACE_EXISTING);
                    Files.move(copy, pack.resolve("acme.drl"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    flips.incrementAndGet();
                    Thread.sleep(1); // each version stays a moment, so that some loads read the pack between two swaps
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "flipper");
        t.setDaemon(true);
        return t;
    }

    @Test
    void anUnsignedFileSwappedInDuringLoadingIsNeverRead() throws Exception {
        String signed = HostilePacks.rule("SIGNED_RULE");
        String unsigned = HostilePacks.rule("UNSIGNED_RULE");
        Path pack = HostilePacks.pack(tmp.resolve("work/acme"), "SIGNED_RULE");
        PackSignature.sign(pack, VENDOR.privateKeyPem());

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        Thread t = flipper(pack, signed, unsigned, stop, flips);
        t.start();
        int loaded = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 500; i++) {
                try {
                    RulePack p = TrustedPacks.load(List.of(pack), Optional.of(VENDOR.publicKeyPem()));
                    assertThat(p.drl()).containsExactly(java.util.Map.entry("acme.drl", signed));
                    loaded++;
                } catch (SondeException e) {
                    assertThat(e.getMessage()).isEqualTo("refused: rule pack " + pack
                            + " was modified after it was signed: changed acme.drl; nothing of it was loaded");
                    refused++;
                }
            }
        } finally {
            stop.set(true);
            t.join(10_000);
        }
        assertThat(loaded + refused).isEqualTo(500);
        assertThat(flips.get()).as("the file was swapped while packs were loaded").isGreaterThan(10);
        assertThat(loaded).as("loads that met the signed file").isPositive();
        assertThat(refused).as("loads that met the unsigned file").isPositive();
    }

    @Test
    void theApiPathCompilesOnlyTheSignedRule() throws Exception {
        String signed = HostilePacks.rule("SIGNED_RULE");
        String unsigned = HostilePacks.rule("UNSIGNED_RULE");
        Path pack = HostilePacks.pack(tmp.resolve("api/acme"), "SIGNED_RULE");
        PackSignature.sign(pack, VENDOR.privateKeyPem());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        Thread t = flipper(pack, signed, unsigned, stop, flips);
        t.start();
        int compiled = 0;
        try {
            RuleEngineFactory.Request request = new RuleEngineFactory.Request(List.of(pack), Optional.empty(),
                    Optional.of(VENDOR.publicKeyPem()));
            // at least twelve rounds, each a real Drools compile or a refusal, and more (within 60 s) until the flipper has
            // swapped the file often and some round met the signed file between two swaps: both depend on scheduling
            java.time.Instant end = java.time.Instant.now().plusSeconds(60);
            for (int i = 0; i < 12 || ((flips.get() <= 10 || compiled == 0) && java.time.Instant.now().isBefore(end)); i++) {
                try {
                    DroolsRuleEngine engine = (DroolsRuleEngine) new DroolsRuleEngineFactory().create(request);
                    assertThat(engine.findingIds()).containsExactly("SIGNED_RULE");
                    compiled++;
                } catch (SondeException e) {
                    assertThat(e.getMessage()).startsWith("refused: ").contains("changed acme.drl");
                }
            }
        } finally {
            stop.set(true);
            t.join(10_000);
        }
        assertThat(flips.get()).isGreaterThan(10);
        assertThat(compiled).as("rounds that met the signed file and compiled it").isPositive();
    }
}
