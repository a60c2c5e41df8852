package dev.sonde.probes.run;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Warning;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.UrlCheck;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.host.HostProbe;
import dev.sonde.probes.pac.PacOptions;
import dev.sonde.probes.pac.SavedScript;
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.Prober;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sonde's live prober (the {@link Prober} SPI, found with {@link java.util.ServiceLoader}): checks a
 * {@link ProbeCatalog} the way the troubleshooting article does, each check ending as ok, problem (a
 * typed reason) or not run (with why), and sends one fact per check.
 *
 * <p>Per catalog host: DNS → TCP to each of its ports ({@link PortCheck}) → for https ports, the
 * served chain captured and verified against the catalog's anchors ({@link ServedChain}) and each
 * allow-listed URL requested ({@link UrlCheck}, whose {@code Date} also measures the clock:
 * {@link ClockCheck}) → for a trusted chain, its leaf's CRL and OCSP ({@link RevocationCheck}); for
 * http (revocation) URLs, a plain GET ({@link RevocationCheck} of kind {@code http}). Proxies found by
 * {@code ProxyDiscovery} get a {@code CONNECT} without credentials ({@link ProxySetting},
 * {@link ProxyCheck}, and a {@link ProxyEvent} for a 407). A check whose prerequisite failed becomes a
 * {@link ProbeSkipped} fact and a warning.
 *
 * <p>Checks run concurrently on a bounded pool ({@link ProbeOptions#concurrency()}), each under its own
 * deadline ({@link ProbeOptions#probeTimeout()}) and all under {@link ProbeOptions#timeout()}, which holds
 * even when every host black-holes packets. URLs and proxy CONNECTs go direct unless a proxy was found,
 * in which case URL requests go through the first one found (as the client's would). Facts and warnings
 * are handed over from the calling thread, sorted, so equal networks give equal reports.
 *
 * <p>Stateless and thread-safe: every {@link #run} builds its own pool and HTTP clients. The work is split by
 * responsibility: {@link ProbePlan} (which check follows which), {@link ProbeRun} (pool, deadline, lost checks) and
 * {@link ResultFacts} (results into facts).
 */
public final class CatalogProber implements Prober {

    private final HostResolver resolver;
    private final HostProbe host;

    /** A prober using the JVM's resolver (what {@link java.util.ServiceLoader} creates). */
    public CatalogProber() {
        this(HostResolver.system());
    }

    /**
     * A prober resolving catalog host names with {@code resolver} (DNS, TCP and TLS checks; the HTTPS
     * requests of the JDK {@code HttpClient} always use the JVM's resolver).
     */
    public CatalogProber(HostResolver resolver) {
        this(resolver, new HostProbe());
    }

    /** A prober resolving with {@code resolver} and reading host evidence with {@code host}. */
    public CatalogProber(HostResolver resolver, HostProbe host) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Evaluates a saved auto-config script offline for the catalog's URLs ({@link SavedScript}). */
    @Override
    public Optional<InputSummary> evaluateSavedScript(ProbeCatalog catalog, LogInput script, FactSink facts,
            Consumer<Warning> warnings, Instant deadline) {
        return Optional.of(SavedScript.evaluate(script, urls(catalog), facts, warnings, deadline, PacOptions.defaults()));
    }

    private static List<URI> urls(ProbeCatalog catalog) {
        return catalog.endpoints().stream().map(e -> URI.create(e.url())).toList();
    }

    @Override
    public List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink facts, Consumer<Warning> warnings) {
        List<InputSummary> hostInputs = List.of();
        List<ProxyDiscovery.Found> configured = List.of();
        if (options.hostEvidence()) {
            // first the machine's configuration (Windows): the proxies it sends Google through (the Internet Settings'
            // own, and those its auto-config script chooses) are checked as any configured proxy is; half the time at most
            HostProbe.Result r = host.read(urls(catalog), facts, warnings, Instant.now().plus(options.timeout().dividedBy(2)));
            hostInputs = r.summaries();
            configured = r.proxies();
        }
        ProbeRun run = new ProbeRun(options);
        try (run) {
            ProbePlan.start(catalog, run, resolver, configured);
            run.awaitAll();
        }
        List<InputSummary> out = new ArrayList<>(Prober.handOver(run.facts(), facts, warnings));
        out.addAll(hostInputs);
        int lost = run.lost();
        if (lost > 0) {
            warnings.accept(Warning.incomplete("probe", 0, lost == 1
                    ? "1 check did not run or finish (deadline or failure; see the warnings about probe:*)"
                    : lost + " checks did not run or finish (deadline or failure; see the warnings about probe:*)"));
        }
        if (out.isEmpty()) {
            warnings.accept(new Warning("probe", 0, "the endpoint catalog lists nothing to probe"));
        }
        return out;
    }
}
