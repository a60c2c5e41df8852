package dev.sonde.rules.cases;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.Prober;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Plays recorded probe facts back, whatever catalog and options it is run with: sends them in the order the live
 * prober would, warns about each skipped check and returns one summary per family ({@link Prober#handOver}).
 * A saved auto-config script among the inputs is evaluated by the live prober on the class path, if there is one:
 * that takes no network either. Immutable: any number of runs can share one.
 */
final class ReplayProber implements Prober {

    private final List<Fact> facts;

    /** @throws IllegalArgumentException when a fact is not a probe fact */
    ReplayProber(List<? extends Fact> facts) {
        this.facts = List.copyOf(facts);
        this.facts.forEach(ProbeFactTypes::family);
    }

    @Override
    public List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink sink, Consumer<Warning> warnings) {
        List<InputSummary> out = Prober.handOver(facts, sink, warnings);
        if (out.isEmpty()) {
            warnings.accept(new Warning("probe", 0, "the recorded probes hold no result"));
        }
        return out;
    }

    @Override
    public Optional<InputSummary> evaluateSavedScript(ProbeCatalog catalog, LogInput script, FactSink sink,
            Consumer<Warning> warnings, Instant deadline) {
        return ServiceLoader.load(Prober.class, ReplayProber.class.getClassLoader()).findFirst()
                .flatMap(live -> live.evaluateSavedScript(catalog, script, sink, warnings, deadline));
    }
}
