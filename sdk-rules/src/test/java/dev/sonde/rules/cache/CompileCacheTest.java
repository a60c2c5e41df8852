package dev.sonde.rules.cache;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.example.gadget.Gadget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compile cache: a second start with an unchanged pack reads the compiled rules instead of compiling
 * them, and those rules behave exactly as freshly compiled ones; any change is a new entry; a damaged or
 * foreign entry is never used.
 */
class CompileCacheTest {

    static final Path CASES = Path.of("src/main/resources/dev/sonde/packs/gwsmo/cases");

    @TempDir
    Path tmp;

    private List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(CompileCache.SUFFIX)).sorted().toList();
        }
    }

    @Test
    void theSecondStartReadsTheCompiledRulesAndTheyPassEveryGoldenCase() throws IOException {
        Path cache = tmp.resolve("cache");
        DroolsRuleEngine first = DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache));
        assertThat(first.fromCache()).isFalse();
        assertThat(entries(cache)).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");

        DroolsRuleEngine second = DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache));
        assertThat(second.fromCache()).isTrue();
        assertThat(second.ruleCount()).isEqualTo(first.ruleCount());
        assertThat(second.findingIds()).isEqualTo(first.findingIds());

        List<GoldenCase> cases = GoldenCase.load(CASES);
        assertThat(cases).hasSizeGreaterThan(50).anySatisfy(c -> assertThat(c.probes()).isPresent());
        for (GoldenCase c : cases) {
            Report report = c.run(second);
            assertThat(c.check(report)).as("case %s on cached rules", c.name()).isEmpty();
            assertThat(report.findings()).as("case %s: cached and fresh rules agree", c.name())
                    .isEqualTo(c.run(first).findings());
        }
    }

    @Test
    void anEditedPackIsANewEntryAndAVendorPackageWithDeclaredTypesIsCachedToo() throws IOException {
        Path cache = tmp.resolve("cache");
        Path pack = tmp.resolve("pack");
        RulePack.exportBuiltIn(pack);
        Files.writeString(pack.resolve("acmeguard.drl"), """
                package com.example.sonde;

                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;

                declare AcmeCertificate
                    certificate : Certificate
                end

                rule "An AcmeGuard certificate"
                when
                    $c : Certificate( issuerName() matches "(?i).*AcmeGuard Inspection CA.*" )
                then
                    insert(new AcmeCertificate($c));
                end

                rule "AcmeGuard inspects the connections to Google"
                    @finding("ACMEGUARD_INSPECTION") @severity("critical") @confidence(0.99) @articleStep("4")
                when
                    AcmeCertificate( $c : certificate )
                then
                    Raise.finding(drools).param("issuer", $c.issuerName()).insert();
                end
                """);
        Files.writeString(pack.resolve("messages_en.properties"), Files.readString(pack.resolve("messages_en.properties"))
                + "\nACMEGUARD_INSPECTION.title=AcmeGuard inspects the connections to Google\n"
                + "ACMEGUARD_INSPECTION.explanation=AcmeGuard ({issuer}) decrypts the traffic to Google.\n");
        String log = """
                [2025-03-10T09:12:44.101:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]
                [2025-03-10T09:12:44.101:ERROR:windows_http.cc(340)] Certificate details:
                ---Validity--
                Valid from: 2025-02-01 00:00:00 UTC
                Valid until: 2025-05-01 23:59:59 UTC
                ---Subject---
                US
                Google LLC
                www.googleapis.com
                ---Issuer----
                US
                Example Corp
                AcmeGuard Inspection CA
                -------------
                """;

        DroolsRuleEngine compiled = DroolsRuleEngine.compile(RulePack.open(pack), Optional.of(cache));
        DroolsRuleEngine cached = DroolsRuleEngine.compile(RulePack.open(pack), Optional.of(cache));
        assertThat(compiled.fromCache()).isFalse();
        assertThat(cached.fromCache()).isTrue();
        Report report = Sonde.builder().engine(cached).build().analyzeText("auth.log", log);
        assertThat(report.findings()).extracting(f -> f.id()).contains("ACMEGUARD_INSPECTION");
        assertThat(report.findings()).filteredOn(f -> f.id().equals("ACMEGUARD_INSPECTION"))
                .singleElement().satisfies(f -> assertThat(f.params()).containsEntry("issuer", "AcmeGuard Inspection CA"));

        // one character more in a rule: another key, compiled again, both entries kept
        Files.writeString(pack.resolve("acmeguard.drl"), Files.readString(pack.resolve("acmeguard.drl")) + "\n// edited\n");
        assertThat(DroolsRuleEngine.compile(RulePack.open(pack), Optional.of(cache)).fromCache()).isFalse();
        assertThat(entries(cache)).hasSize(2);
        // messages are not compiled: changing one keeps the entry
        Files.writeString(pack.resolve("messages_en.properties"), Files.readString(pack.resolve("messages_en.properties"))
                .replace("decrypts the traffic", "inspects the traffic"));
        DroolsRuleEngine again = DroolsRuleEngine.compile(RulePack.open(pack), Optional.of(cache));
        assertThat(again.fromCache()).isTrue();
        assertThat(Sonde.builder().engine(again).build().analyzeText("auth.log", log).findings())
                .filteredOn(f -> f.id().equals("ACMEGUARD_INSPECTION"))
                .singleElement().satisfies(f -> assertThat(f.explanation()).contains("inspects the traffic"));
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndRewritten() throws IOException {
        Path cache = tmp.resolve("cache");
        DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache));
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a; // one flipped byte in the middle
        Files.write(entry, bytes);

        DroolsRuleEngine afterDamage = DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache));
        assertThat(afterDamage.fromCache()).isFalse();
        assertThat(Files.readAllBytes(entry)).isNotEqualTo(bytes);
        assertThat(DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache)).fromCache()).isTrue();

        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 1000)); // truncated
        assertThat(DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache)).fromCache()).isFalse();
        assertThat(DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache)).fromCache()).isTrue();
    }

    @Test
    void aFolderOthersCanWriteIsNotUsed() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(DroolsRuleEngine.compile(RulePack.builtIn(), Optional.of(cache)).fromCache()).isFalse();
        assertThat(entries(cache)).isEmpty();
    }

    @Test
    void anEntryHoldingClassesOutsideJavaDroolsAndTheRulesIsRefused() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        RulePack pack = RulePack.builtIn();
        Properties noOptions = new Properties();
        String key = CacheKey.of(pack, getClass().getClassLoader(), noOptions);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (var h = new java.io.DataOutputStream(head)) {
            h.writeInt(0); // no declared classes
            h.writeInt(0); // no warnings
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(body)) {
            out.writeObject(new ArrayList<>(List.of(new Gadget("rm -rf /"))));
        }
        Gadget.ran = false;
        CompileCache compileCache = new CompileCache(cache);
        compileCache.store(key, head.toByteArray(), body.toByteArray());
        assertThat(compileCache.read(key, pack, getClass().getClassLoader(), noOptions)).isEmpty();
        assertThat(Gadget.ran).as("the gadget's readObject ran").isFalse();
        assertThat(Files.exists(compileCache.file(key))).isFalse();
    }

    @Test
    void theKeyFollowsTheDrlAndItsImports() {
        RulePack pack = RulePack.builtIn();
        ClassLoader loader = getClass().getClassLoader();
        Properties options = new Properties();
        String key = CacheKey.of(pack, loader, options);
        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(CacheKey.of(RulePack.builtIn(), loader, options));
        options.setProperty("drools.propertySpecific", "ALWAYS");
        assertThat(CacheKey.of(pack, loader, options)).isNotEqualTo(key);
        assertThat(CacheKey.imports("""
                package p;
                import dev.sonde.facts.*;
                import java.util.List;
                // import not.This;
                import function dev.sonde.rules.model.Values.first;
                import static java.lang.Math.max;
                rule "r" when then end
                """)).containsExactly("dev.sonde.facts.*", "dev.sonde.rules.model.Values.first", "java.lang.Math.max",
                "java.util.List");
    }

    @Test
    void theSerialFilterBoundsDepthArraysAndClasses() throws Exception {
        java.io.ObjectInputFilter filter = CompileCache.filter(List.of("java.", "dev.sonde."), 64 << 10);
        Object[] deep = new Object[0];
        for (int i = 0; i < 1_100; i++) {
            deep = new Object[] {deep};
        }
        Object[] shallow = {new Object[] {new Object[0]}, "text", new int[] {1, 2}};
        for (Object o : List.of(deep, new byte[100_000], new ArrayList<>(List.of(new Gadget("x"))), shallow)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(o);
            }
            Gadget.ran = false;
            try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                in.setObjectInputFilter(filter);
                if (o == shallow) {
                    assertThat((Object[]) in.readObject()).hasSize(3);
                } else {
                    org.assertj.core.api.Assertions.assertThatThrownBy(in::readObject).as(o.getClass().getName())
                            .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
                }
            }
            assertThat(Gadget.ran).isFalse();
        }
    }

    @Test
    void theHmacIsHmacSha256() throws Exception {
        // RFC 4231 test case 2
        assertThat(java.util.HexFormat.of().formatHex(CompileCache.hmac("Jefe".getBytes(),
                "what do ya want for nothing?xx".getBytes(), 28)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        java.util.Random random = new java.util.Random(8);
        for (int keyLength : new int[] {1, 32, 64, 65, 200}) {
            byte[] key = new byte[keyLength];
            byte[] data = new byte[random.nextInt(5000)];
            random.nextBytes(key);
            random.nextBytes(data);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            assertThat(CompileCache.hmac(key, data, data.length)).as("key of %d bytes", keyLength)
                    .isEqualTo(mac.doFinal(data));
        }
    }
}
