package dev.sonde.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.LogInput;
import dev.sonde.Report;
import dev.sonde.facts.Fact;
import dev.sonde.logs.host.RootStoreOutput;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testsupport.ReadResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trusted-root golden cases with their files handed over the way the host-evidence plumbing will hand them: each
 * {@code *.log} to the log reader, each {@code roots-machine.txt} / {@code roots-user.txt} to {@link RootStoreOutput},
 * all facts into one session, and the case's {@code expect.json} checked on the report. Until {@code Sonde.analyze}
 * finds host evidence in a folder, {@code GoldenCasesTest} cannot see the roots; this test can.
 */
class InstalledRootCasesTest {

    static DroolsRuleEngine engine;
    static Path cases;

    @BeforeAll
    static void setUp() throws URISyntaxException {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        cases = Path.of(Objects.requireNonNull(InstalledRootCasesTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"installed-root-zscaler-no-logs", "installed-root-fiddler-and-article-log",
            "installed-roots-benign-healthy-sync", "installed-root-kaspersky-healthy-log"})
    void caseHolds(String name) throws IOException {
        GoldenCase c = GoldenCase.load(cases).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        List<Fact> facts = new ArrayList<>();
        int roots = 0;
        try (Stream<Path> files = Files.list(c.folder())) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".log")) {
                    facts.addAll(ReadResult.read(LogInput.ofBytes(file, Files.readAllBytes(f))).facts());
                } else if (RootStoreOutput.reads(file)) {
                    List<Fact> read = RootStoreOutput.parse(file,
                            List.of(Files.readString(f, StandardCharsets.UTF_8).split("\n")));
                    roots += read.size();
                    facts.addAll(read);
                }
            }
        }
        assertThat(roots).as("roots read in %s", name).isPositive();
        Report report = TestFacts.analyze(engine, facts);
        assertThat(c.check(report)).as("%s: %s", name, GoldenCasesTest.describe(report)).isEmpty();
    }
}
