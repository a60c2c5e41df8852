package dev.sonde.rules.cases;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.Prober;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link Prober} that runs another one and keeps the facts of its most recent run, in the order they were sent
 * (runs that overlap share one list: use one recorder per run then). Made by {@link RecordedProbes#recording}.
 */
public final class RecordingProber implements Prober {

    private final Prober delegate;
    private final List<Fact> facts = new ArrayList<>();

    RecordingProber(Prober delegate) {
        this.delegate = Objects.requireNonNull(delegate, "prober");
    }

    @Override
    public List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink sink, Consumer<Warning> warnings) {
        synchronized (facts) {
            facts.clear();
        }
        return delegate.run(catalog, options, f -> {
            // what the probes saw; the host evidence a prober also reads (firewall, roots ...) is no probe result: a
            // support bundle carries those outputs as files (host/), and a golden case holds them the same way
            if (ProbeFactTypes.named(f.getClass().getSimpleName()) != null) {
                synchronized (facts) {
                    facts.add(f);
                }
            }
            sink.add(f);
        }, warnings);
    }


    /** The delegate's; not recorded: the facts come from an input, which a replay reads again. */
    @Override
    public Optional<InputSummary> evaluateSavedScript(ProbeCatalog catalog, LogInput script, FactSink sink,
            Consumer<Warning> warnings, Instant deadline) {
        return delegate.evaluateSavedScript(catalog, script, sink, warnings, deadline);
    }

    /** The facts sent by the most recent run. */
    public List<Fact> facts() {
        synchronized (facts) {
            return List.copyOf(facts);
        }
    }

    /**
     * Writes the facts of the most recent run to {@code file} ({@link RecordedProbes#write(java.util.Collection, Path)}).
     *
     * @return how many facts were written
     * @throws IOException when the file cannot be written
     */
    public int write(Path file) throws IOException {
        List<Fact> recorded = facts();
        RecordedProbes.write(recorded, file);
        return recorded.size();
    }
}
