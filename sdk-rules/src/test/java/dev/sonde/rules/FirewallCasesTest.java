package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.LogInput;
import dev.sonde.Report;
import dev.sonde.facts.Fact;
import dev.sonde.logs.GwsmoLogReader;
import dev.sonde.logs.host.FirewallProfilesOutput;
import dev.sonde.logs.host.FirewallRulesOutput;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in pack's {@code firewall-*} golden cases, with the host evidence handed to its readers by file name as
 * the analysis will once it finds {@code firewall-*.txt} files in a folder (issue 13's plumbing): the logs through
 * the GWSMO reader, {@value FirewallRulesOutput#FILE}, {@value FirewallProfilesOutput#FILE} and
 * {@value FirewallProfilesOutput#CURRENT_FILE} through theirs, {@code probes.json} played back, all in one session.
 * The cases' expectations are checked exactly as {@link GoldenCasesTest} checks them.
 */
public class FirewallCasesTest {

    @TestFactory
    Stream<DynamicTest> firewallCasesWithTheirHostEvidence() throws Exception {
        Path dir = Path.of(Objects.requireNonNull(FirewallCasesTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        List<GoldenCase> cases = GoldenCase.load(dir).stream().filter(c -> c.name().startsWith("firewall-")).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
        DroolsRuleEngine engine = DroolsRuleEngine.compile(RulePack.builtIn());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Report report = TestFacts.analyze(engine, facts(c.folder()));
            assertThat(c.check(report)).as("%s: %s", c.name(), report.findings()).isEmpty();
        }));
    }

    /** The facts of a case folder: its logs, host evidence and recorded probes, as the plumbing will read them. */
    public static List<Fact> facts(Path folder) throws IOException {
        List<Fact> facts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".log")) {
                    new GwsmoLogReader().read(LogInput.of(f), facts::add, w -> { }, Instant.now().plusSeconds(30));
                } else if (name.equals(FirewallRulesOutput.FILE)) {
                    facts.addAll(FirewallRulesOutput.parse(name, Files.readAllLines(f, StandardCharsets.UTF_8)));
                } else if (name.equals(FirewallProfilesOutput.FILE) || name.equals(FirewallProfilesOutput.CURRENT_FILE)) {
                    facts.addAll(FirewallProfilesOutput.parse(name, Files.readAllLines(f, StandardCharsets.UTF_8)));
                } else if (name.equals(RecordedProbes.FILE)) {
                    facts.addAll(RecordedProbes.read(f));
                }
            }
        }
        return facts;
    }
}
