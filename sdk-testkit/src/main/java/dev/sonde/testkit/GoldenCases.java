package dev.sonde.testkit;

import dev.sonde.SondeException;
import dev.sonde.spi.RuleEngineFactory;
import dev.sonde.spi.RuleEngineFactory.CaseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Assertions;

/**
 * A rule pack's golden cases ({@code cases/NAME/} with logs and/or {@code probes.json}, and {@code expect.json}) as
 * JUnit dynamic tests, one per case, as {@code sonde rules test} runs them:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> acmePackCases() {
 *     return GoldenCases.dynamicTests(Path.of("src/main/sonde/acme-pack"));
 * }
 * }</pre>
 *
 * <p>The pack is loaded and compiled once (layered over the packs it extends) and its cases run when the factory is
 * called; each dynamic test then reports its case: what contradicts the expectation, and the findings one per line.
 * A pack without cases gives one failing test saying so, never a silent pass.
 */
public final class GoldenCases {

    private GoldenCases() {
    }

    /**
     * One dynamic test per golden case of the pack in a folder or archive.
     *
     * @throws SondeException when the pack cannot be read or does not compile, or an expectation file is not valid
     */
    public static Stream<DynamicTest> dynamicTests(Path rulePack) {
        return dynamicTests(rulePack, Optional.empty());
    }

    /**
     * One dynamic test per golden case of a pack that must be signed by {@code trustedPublicKeyPem} (Ed25519, PEM).
     *
     * @throws SondeException when the pack is refused by the key, cannot be read or does not compile
     */
    public static Stream<DynamicTest> dynamicTests(Path rulePack, String trustedPublicKeyPem) {
        return dynamicTests(rulePack, Optional.of(trustedPublicKeyPem));
    }

    private static Stream<DynamicTest> dynamicTests(Path rulePack, Optional<String> key) {
        RuleEngineFactory engine = ServiceLoader.load(RuleEngineFactory.class, GoldenCases.class.getClassLoader())
                .findFirst().orElseThrow(() -> new SondeException(
                        "no Sonde rule engine on the class path: add the dev.sonde:sdk-rules dependency"));
        List<CaseResult> results = engine.runGoldenCases(rulePack, key);
        if (results.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no golden case in " + rulePack, () -> {
                Assertions.fail(rulePack + " has no golden case: add cases/NAME/ folders holding logs"
                        + " or probes.json, and an expect.json");
            }));
        }
        return results.stream().map(r -> DynamicTest.dynamicTest(r.name(), r.source(), () -> check(r)));
    }

    private static void check(CaseResult r) {
        if (r.passed()) {
            return;
        }
        StringBuilder m = new StringBuilder("case ").append(r.name());
        if (!r.description().isEmpty()) {
            m.append(" (").append(r.description()).append(')');
        }
        m.append(":\n  ").append(String.join("\n  ", r.problems()));
        r.report().ifPresent(report -> m.append("\nFindings:\n").append(ReportLines.findings(report)));
        Assertions.fail(m.toString());
    }
}
