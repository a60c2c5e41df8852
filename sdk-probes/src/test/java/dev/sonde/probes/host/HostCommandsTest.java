package dev.sonde.probes.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sonde.HostEvidence;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's bounds with real processes (POSIX {@code sh} stands in for netsh, reg and certutil, which exist only
 * on Windows): outputs kept and joined, a command that never ends stopped at the deadline, large outputs that do not
 * block, a cap, a program that does not exist.
 */
class HostCommandsTest {

    @BeforeAll
    static void posix() {
        assumeTrue(!HostCommands.available(), "the portable commands below are POSIX ones");
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void theOutputsOfASourcesCommandsAreKeptOneAfterTheOther() {
        HostCommands.Output o = HostCommands.run(HostEvidence.UNINSTALL,
                List.of(sh("printf 'first\\n'"), sh("printf 'second\\n'; echo oops >&2; exit 1")), Duration.ofSeconds(10), 1000);
        assertThat(new String(o.bytes(), StandardCharsets.UTF_8)).isEqualTo("first\nsecond\noops\n");
        assertThat(o.skipped()).isEmpty(); // a refusal or an absent key is evidence too: its output is kept
    }

    @Test
    void aCommandRefusedForLackOfRightsIsSaidToBeMissingAndItsOutputKept() {
        HostCommands.Output o = HostCommands.run(HostEvidence.FIREWALL_RULES,
                List.of(sh("printf 'ok\\n'"), sh("echo 'ERROR: Access is denied.'; exit 5")), Duration.ofSeconds(10), 1000);
        assertThat(new String(o.bytes(), StandardCharsets.UTF_8)).isEqualTo("ok\nERROR: Access is denied.\n");
        assertThat(o.skipped()).hasValueSatisfying(s -> assertThat(s)
                .isEqualTo("sh -c echo 'ERROR: Access is denied.'; exit 5 was refused (access denied): what it lists is missing"
                        + " from the evidence"));
    }

    @Test
    void aRefusalInFrenchFromTheConsoleCodePageOrInUtf16IsRecognised() {
        // "Accès refusé." in code page 850 (è = 0x8A, é = 0x82), then "Zugriff verweigert" in UTF-16LE
        HostCommands.Output french = HostCommands.run(HostEvidence.ROOTS_MACHINE,
                List.of(sh("printf 'Acc\\212s refus\\202.\\r\\n'; exit 1")), Duration.ofSeconds(10), 1000);
        assertThat(french.skipped()).hasValueSatisfying(s -> assertThat(s).contains("was refused (access denied)"));
        HostCommands.Output german = HostCommands.run(HostEvidence.ROOTS_MACHINE,
                List.of(sh("printf 'Z\\0u\\0g\\0r\\0i\\0f\\0f\\0 \\0v\\0e\\0r\\0w\\0e\\0i\\0g\\0e\\0r\\0t\\0'; exit 1")),
                Duration.ofSeconds(10), 1000);
        assertThat(german.skipped()).hasValueSatisfying(s -> assertThat(s).contains("was refused (access denied)"));
        // a key that does not exist is evidence, not a refusal
        HostCommands.Output absent = HostCommands.run(HostEvidence.INTERNET_SETTINGS_POLICY,
                List.of(sh("echo 'ERROR: The system was unable to find the specified registry key or value.'; exit 1")),
                Duration.ofSeconds(10), 1000);
        assertThat(absent.skipped()).isEmpty();
    }

    @Test
    void aCommandThatNeverEndsIsStoppedAtTheDeadlineAndWhatItWroteIsKept() {
        HostCommands.Output o = HostCommands.run(HostEvidence.ROOTS_MACHINE,
                List.of(sh("printf 'partial\\n'; exec sleep 60"), sh("printf never")), Duration.ofMillis(700), 1000);
        assertThat(new String(o.bytes(), StandardCharsets.UTF_8)).isEqualTo("partial\n");
        assertThat(o.skipped()).hasValueSatisfying(s -> assertThat(s)
                .contains("sleep 60 did not finish within 1 s and was stopped")
                .contains("printf never was not run: the deadline of 1 s passed"));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains("sleep 60"))).isEmpty();
    }

    @Test
    void anOutputLargerThanAPipeDoesNotBlockAndTheCapCutsIt() {
        HostCommands.Output whole = HostCommands.run(HostEvidence.ROOTS_USER,
                List.of(sh("head -c 3000000 /dev/zero | tr '\\\\0' x")), Duration.ofSeconds(20), 4_000_000);
        assertThat(whole.bytes()).hasSize(3_000_000);
        assertThat(whole.skipped()).isEmpty();
        HostCommands.Output cut = HostCommands.run(HostEvidence.ROOTS_USER,
                List.of(sh("head -c 300000 /dev/zero | tr '\\\\0' x")), Duration.ofSeconds(20), 100_000);
        assertThat(cut.bytes()).hasSize(100_000);
        assertThat(cut.skipped()).hasValueSatisfying(s -> assertThat(s).endsWith(": output cut at 97 KiB"));
    }

    @Test
    void aProgramThatDoesNotExistIsSaidAndOffWindowsNothingRuns() {
        HostCommands.Output o = HostCommands.run(HostEvidence.FIREWALL_RULES,
                List.of(List.of("no-such-program-sonde")), Duration.ofSeconds(5), 1000);
        assertThat(o.bytes()).isEmpty();
        assertThat(o.skipped()).hasValueSatisfying(s -> assertThat(s).startsWith("no-such-program-sonde could not be run ("));
        HostCommands.Output off = HostCommands.run(HostEvidence.FIREWALL_RULES, Duration.ofSeconds(5));
        assertThat(off.skipped()).contains("not Windows: there is no netsh");
    }
}
