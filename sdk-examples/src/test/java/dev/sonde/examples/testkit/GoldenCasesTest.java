package dev.sonde.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.SondeException;
import dev.sonde.testkit.GoldenCases;
import dev.sonde.testkit.logs.GwsmoLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vendor pack's golden cases as dynamic tests: one per case, each failing on its own with what and why. */
class GoldenCasesTest {

    @TempDir
    Path pack;

    private void writePack() throws IOException {
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"acme\", \"version\": \"2\", \"apiVersion\": 1, \"extends\": \"gwsmo\"}");
    }

    private Path aCase(String name, String expect) throws IOException {
        Path dir = Files.createDirectories(pack.resolve("cases").resolve(name));
        Files.writeString(dir.resolve("expect.json"), expect);
        return dir;
    }

    private static void proxyLog(Path dir) {
        GwsmoLog.trace().at("2026-02-02T08:30:01Z").healthy(1)
                .proxyAuthRequired("10.0.0.5:8080", "NTLM").writeTo(dir);
    }

    @Test
    void eachCaseIsATestThatPassesOrSaysWhatContradictsItsExpectation() throws Throwable {
        writePack();
        proxyLog(aCase("as-expected", "{\"top\": \"PROXY_AUTH_REQUIRED\"}"));
        proxyLog(aCase("wrong-expectation", "{\"description\": \"written wrong on purpose\", \"top\": \"CLOCK_SKEW\","
                + " \"absent\": [\"PROXY_AUTH_REQUIRED\"]}"));
        Path broken = aCase("bad-recording", "{\"top\": \"PORT_BLOCKED\"}");
        Files.writeString(broken.resolve("probes.json"), "{\"format\": \"not a recording\"");

        List<DynamicTest> tests = GoldenCases.dynamicTests(pack).toList();

        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("as-expected", "bad-recording", "wrong-expectation");
        assertThat(tests.get(0).getTestSourceUri()).hasValueSatisfying(u -> assertThat(u.getPath()).endsWith("cases/as-expected/"));
        tests.get(0).getExecutable().execute(); // passes
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("case bad-recording:\n  cannot run: ")
                .hasMessageContaining("probes.json");
        assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("case wrong-expectation (written wrong on purpose):\n"
                        + "  top finding is PROXY_AUTH_REQUIRED, expected CLOCK_SKEW\n"
                        + "  PROXY_AUTH_REQUIRED must not be found\nFindings:\n  1. PROXY_AUTH_REQUIRED (");
    }

    @Test
    void aPackWithoutCasesIsOneFailingTestNotASilentPass() throws IOException {
        writePack();
        List<DynamicTest> tests = GoldenCases.dynamicTests(pack).toList();
        assertThat(tests).hasSize(1);
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
                .isInstanceOf(AssertionError.class).hasMessageContaining("has no golden case");
    }

    @Test
    void aPackThatCannotBeLoadedFailsTheFactorySayingWhy() throws IOException {
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"acme\", \"apiVersion\": 99}");
        assertThatThrownBy(() -> GoldenCases.dynamicTests(pack))
                .isInstanceOf(SondeException.class).hasMessageContaining("acme").hasMessageContaining("rule API version 99");
    }
}
