package dev.sonde.rules.cache;

import dev.sonde.Report;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.engine.PackCompiler;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in pack compiled at build time ({@link PrecompiledPack}): read for the built-in pack, with the findings
 * of freshly compiled rules; never for a pack whose DRL is not the one built; a damaged resource is compiled
 * instead, with a warning in the logs.
 */
class PrecompiledPackTest {

    static final Path CASES = Path.of("src/main/resources/dev/sonde/packs/gwsmo/cases");
    private static final Properties OPTIONS = PackCompiler.options();

    @TempDir
    Path tmp;

    @Test
    void theBuildShipsTheBuiltInPackPrecompiledAndItPassesEveryGoldenCaseAsCompiledRulesDo() throws IOException {
        assertThat(resource()).as("written by the build (sdk-rules/pom.xml)").hasSizeGreaterThan(100_000);
        DroolsRuleEngine precompiled = DroolsRuleEngine.builtIn(Optional.empty());
        assertThat(precompiled.fromCache()).as("read, not compiled").isTrue();
        DroolsRuleEngine compiled = DroolsRuleEngine.compile(RulePack.builtIn());
        assertThat(compiled.fromCache()).isFalse();
        assertThat(precompiled.ruleCount()).isEqualTo(compiled.ruleCount());
        assertThat(precompiled.findingIds()).isEqualTo(compiled.findingIds());
        assertThat(precompiled.notes()).isEmpty();

        List<GoldenCase> cases = GoldenCase.load(CASES);
        assertThat(cases).hasSizeGreaterThan(50);
        for (GoldenCase c : cases) {
            Report report = c.run(precompiled);
            assertThat(c.check(report)).as("case %s on precompiled rules", c.name()).isEmpty();
            assertThat(report.findings()).as("case %s: precompiled and compiled rules agree", c.name())
                    .isEqualTo(c.run(compiled).findings());
        }
    }

    @Test
    void aPackEditedAfterTheBuildNeverUsesThePrecompiledRules() throws Exception {
        Path pack = tmp.resolve("pack");
        RulePack.exportBuiltIn(pack);
        RulePack unchanged = RulePack.open(pack);
        assertThat(PrecompiledPack.read(unchanged, loader(), OPTIONS)).as("the same DRL, exported").isPresent();

        Path drl = pack.resolve("clock.drl");
        Files.writeString(drl, Files.readString(drl).replace("rule \"", "// edited after the build\nrule \""));
        RulePack edited = RulePack.open(pack);
        assertThat(PrecompiledPack.key(edited, OPTIONS)).isNotEqualTo(PrecompiledPack.key(unchanged, OPTIONS));
        assertThat(PrecompiledPack.read(edited, loader(), OPTIONS)).isEmpty();
        assertThat(PrecompiledPack.decode(resource(), edited, loader(), OPTIONS, 0)).as("stale: not read").isEmpty();
        assertThat(DroolsRuleEngine.compile(edited).fromCache()).isFalse();
    }

    @Test
    void otherCompilerOptionsAreAnotherKey() {
        Properties other = PackCompiler.options();
        other.setProperty("drools.propertySpecific", "ALWAYS");
        RulePack builtIn = RulePack.builtIn();
        assertThat(PrecompiledPack.key(builtIn, other)).isNotEqualTo(PrecompiledPack.key(builtIn, OPTIONS));
    }

    @Test
    void aDamagedResourceIsCompiledInsteadWithAWarning() throws IOException {
        RulePack builtIn = RulePack.builtIn();
        byte[] good = resource();
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 3);
        for (byte[] damaged : List.of(flipped, truncated, new byte[0])) {
            assertThatThrownBy(() -> PrecompiledPack.decode(damaged, builtIn, loader(), OPTIONS, 0))
                    .isInstanceOf(IOException.class);
            String logged = stderrOf(() -> assertThat(PrecompiledPack.read(damaged, builtIn, loader(), OPTIONS, 0))
                    .isEmpty());
            assertThat(logged).contains("WARN").contains("precompiled rules").contains("are compiled");
        }
    }

    @Test
    void aResourceWithAValidChecksumButPackagesDroolsCannotReadIsCompiledInsteadWithAWarning() throws IOException {
        // what a bug in writing it would give: format, key and checksum right, the packages not a serialization
        RulePack builtIn = RulePack.builtIn();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeUTF(PrecompiledPack.FORMAT);
            out.writeUTF(PrecompiledPack.key(builtIn, OPTIONS));
            out.writeInt(0);                      // allowed packages
            out.writeInt(8);                      // head: no classes, no warnings
            out.writeInt(0);
            out.writeInt(0);
            byte[] body = "not Drools' serialization".getBytes(StandardCharsets.UTF_8);
            out.writeInt(body.length);
            out.write(body);
            out.write(crc32c(bytes.toByteArray()));
        }
        assertThatThrownBy(() -> PrecompiledPack.decode(bytes.toByteArray(), builtIn, loader(), OPTIONS, 0))
                .isInstanceOf(IOException.class);
        String logged = stderrOf(() -> assertThat(PrecompiledPack.read(bytes.toByteArray(), builtIn, loader(),
                OPTIONS, 0)).isEmpty());
        assertThat(logged).contains("WARN").contains("are damaged").contains("are compiled");
    }

    private static byte[] resource() throws IOException {
        try (InputStream in = PrecompiledPack.class.getClassLoader().getResourceAsStream(PrecompiledPack.RESOURCE)) {
            assertThat(in).as(PrecompiledPack.RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    private static ClassLoader loader() {
        return PackCompiler.class.getClassLoader();
    }

    /** CRC-32C, big-endian: the resource's trailer. */
    private static byte[] crc32c(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    /** What the logging backend (slf4j-simple, test scope) wrote to System.err while {@code action} ran. */
    static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
