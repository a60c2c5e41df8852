package dev.sonde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.spi.LogReader;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of hot reload that need no rule engine: the outcome record and the builder's checks. {@code sdk-rules}'
 * {@code RulePackWatcherTest} tests the watcher and the content digest, and {@code HotReloadTest} runs the whole
 * thing with Drools.
 */
class RulePackReloadTest {

    @Test
    void theOutcomeRecordKeepsItsInvariants() {
        Instant now = Instant.now();
        RulePackReload ok = new RulePackReload(now, RulePackReload.Status.APPLIED, List.of(Path.of("p")), List.of(),
                Duration.ofMillis(5));
        assertThat(ok.applied()).isTrue();
        assertThat(new RulePackReload(now, RulePackReload.Status.UNCHANGED, List.of(), List.of(), Duration.ZERO)
                .applied()).isFalse();
        RulePackReload rejected = new RulePackReload(now, RulePackReload.Status.REJECTED, List.of(),
                List.of("t/rules.drl line 2: boom"), Duration.ZERO);
        assertThat(rejected.applied()).isFalse();
        assertThat(rejected.problems()).containsExactly("t/rules.drl line 2: boom");
        assertThatThrownBy(() -> new RulePackReload(now, RulePackReload.Status.REJECTED, List.of(), List.of(),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("problem");
        assertThatThrownBy(() -> new RulePackReload(now, RulePackReload.Status.APPLIED, List.of(), List.of("x"),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RulePackReload(now, RulePackReload.Status.APPLIED, List.of(), List.of(),
                Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }

    @Test
    void problemsAreTheLinesOfTheMessage() {
        assertThat(LiveRules.problems(new SondeException("t/a.drl line 3: bad\n\nt/b.drl line 9: worse\n")))
                .containsExactly("t/a.drl line 3: bad", "t/b.drl line 9: worse");
        assertThat(LiveRules.problems(new IllegalStateException("odd"))).containsExactly("java.lang.IllegalStateException: odd");
        assertThat(LiveRules.problems(new SondeException(null))).containsExactly("dev.sonde.SondeException");
    }

    @Test
    void theBuilderRefusesWhatCannotWork() {
        assertThatThrownBy(() -> Sonde.builder().reloadDebounce(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reloadDebounce");
        RuleEngine engine = (locale, deadline) -> {
            throw new AssertionError("not used");
        };
        assertThatThrownBy(() -> Sonde.builder().engine(engine).watchRulePacks(r -> { }).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("engine");
        LogReader reader = (input, facts, warnings, deadline) -> InputSummary.unreadable(input.name());
        Sonde given = Sonde.builder().engine(engine).logReader(reader).build();
        assertThatThrownBy(given::reloadRulePacks).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no rule packs to reload");
        given.close(); // nothing to stop: closing twice is fine too
        given.close();
        assertThat(given.probeCatalog()).isEqualTo(ProbeCatalog.EMPTY);
    }
}
