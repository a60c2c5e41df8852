package dev.sonde.spi;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs live probes against a {@link ProbeCatalog} and turns what they see into facts
 * ({@code dev.sonde.facts.PortCheck}, {@code ServedChain}, {@code UrlCheck} ...). Found with
 * {@link java.util.ServiceLoader} ({@code sdk-probes} provides it).
 *
 * <p>Implementations run probes concurrently, each under its own deadline and all under
 * {@link ProbeOptions#timeout()}; they call {@code facts} and {@code warnings} only from the calling
 * thread, in a stable order, and never throw for network trouble: a failed probe is a fact, a probe
 * that could not run is a {@code ProbeSkipped} fact and a warning.
 */
public interface Prober {

    /**
     * Probes everything {@code catalog} lists and returns one summary per probe family
     * ({@code probe:dns}, {@code probe:tcp}, {@code probe:tls}, {@code probe:https}, {@code probe:revocation},
     * {@code probe:proxy}, {@code probe:clock}): {@code linesRead} = probes that ran, {@code linesSkipped} =
     * probes that did not, {@code facts} = facts sent.
     */
    List<SourceSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink facts, Consumer<Warning> warnings);
}
