package dev.sonde.spi;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
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
    List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink facts, Consumer<Warning> warnings);

    /**
     * Evaluates a saved proxy auto-config script ({@link HostEvidence#PROXY_SCRIPT}, from a support bundle or a
     * {@code --host-evidence} folder) for the catalog's URLs, as a live run evaluates the script the Internet
     * Settings name, but offline: no DNS lookup and no network, which a warning says when the script asks for them.
     * Called by an analysis for each input so named, instead of the log reader.
     *
     * @return the input's summary; empty when this prober does not evaluate scripts, without having read
     *         {@code script} (the log reader then reads it and says it was not understood)
     */
    default Optional<InputSummary> evaluateSavedScript(ProbeCatalog catalog, LogInput script, FactSink facts,
            Consumer<Warning> warnings, Instant deadline) {
        return Optional.empty();
    }

    /** The probe families, in the order their summaries are reported. */
    List<String> FAMILIES = List.of("dns", "tcp", "tls", "https", "revocation", "proxy", "clock");

    /**
     * Hands the facts of a finished probe run over as {@link #run} must: to {@code sink} in a stable order (by
     * source, text, type), one warning per probe that did not run ({@code ProbeSkipped}), and one summary per
     * family, {@link #FAMILIES} order first (the family is the fact's source, {@code probe:<family>}):
     * {@code ProbeSkipped} counts as not run, {@code ProxySetting} and {@code ProxyEvent} as facts only,
     * any other fact as a probe that ran. Empty when there is no fact.
     */
    static List<InputSummary> handOver(Collection<? extends Fact> facts, FactSink sink, Consumer<Warning> warnings) {
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparing((Fact f) -> f.source().file()).thenComparing(f -> f.source().text())
                .thenComparing(f -> f.getClass().getSimpleName()));
        Map<String, long[]> counts = new HashMap<>(); // family -> {ran, not run, facts}
        List<Warning> notRun = new ArrayList<>();
        for (Fact f : ordered) {
            String family = f.source().file().startsWith("probe:") ? f.source().file().substring(6) : f.source().file();
            long[] c = counts.computeIfAbsent(family, k -> new long[3]);
            if (f instanceof ProbeSkipped s) {
                c[1]++;
                notRun.add(new Warning("probe:" + s.family(), 0, s.target() + " not checked: " + s.why()));
            } else if (!(f instanceof ProxySetting) && !(f instanceof ProxyEvent)) {
                c[0]++;
            }
            c[2]++;
            sink.add(f);
        }
        notRun.stream().sorted().distinct().forEach(warnings);
        List<String> families = new ArrayList<>(FAMILIES);
        counts.keySet().stream().filter(f -> !FAMILIES.contains(f)).sorted().forEach(families::add);
        List<InputSummary> out = new ArrayList<>();
        for (String family : families) {
            long[] c = counts.get(family);
            if (c != null) {
                out.add(new InputSummary("probe:" + family, "probe", "", c[0], c[1], c[2], InputSummary.Status.READ));
            }
        }
        return out;
    }
}
