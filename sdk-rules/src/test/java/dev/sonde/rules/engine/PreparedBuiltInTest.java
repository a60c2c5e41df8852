package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link DroolsRuleEngine#prepareBuiltIn}: the engine it begins is handed to the next {@link DroolsRuleEngine#builtIn}
 * call with the same cache folder, once, and is the built-in pack's; a call with another folder builds its own.
 */
class PreparedBuiltInTest {

    @Test
    void thePreparedEngineGoesOnceToTheCallWithTheSameCacheFolder() {
        Optional<Path> cache = Optional.of(Path.of("/nonexistent/sonde-prepared-test"));
        DroolsRuleEngine reference = DroolsRuleEngine.builtIn(Optional.empty());

        DroolsRuleEngine.prepareBuiltIn(cache);
        assertThat(DroolsRuleEngine.prepared(Optional.empty())).as("another cache folder").isNull();
        DroolsRuleEngine prepared = DroolsRuleEngine.builtIn(cache);
        assertThat(DroolsRuleEngine.prepared(cache)).as("handed over once").isNull();

        assertThat(prepared).isNotSameAs(reference);
        assertThat(prepared.findingIds()).isEqualTo(reference.findingIds()).isNotEmpty();
        assertThat(prepared.ruleCount()).isEqualTo(reference.ruleCount());
        assertThat(DroolsRuleEngine.builtIn(cache)).as("a later call builds its own").isNotSameAs(prepared);
    }

    @Test
    void aSecondPrepareWhileOneIsPendingChangesNothing() {
        Optional<Path> first = Optional.of(Path.of("/nonexistent/sonde-prepared-a"));
        DroolsRuleEngine.prepareBuiltIn(first);
        DroolsRuleEngine.prepareBuiltIn(Optional.of(Path.of("/nonexistent/sonde-prepared-b")));
        assertThat(DroolsRuleEngine.prepared(Optional.of(Path.of("/nonexistent/sonde-prepared-b")))).isNull();
        assertThat(DroolsRuleEngine.builtIn(first).ruleCount()).isPositive();
        assertThat(DroolsRuleEngine.prepared(first)).isNull();
    }
}
