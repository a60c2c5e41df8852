package dev.sonde.probes.host;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.ProxySettingsPerMachine;
import dev.sonde.probes.pac.PacOptions;
import dev.sonde.probes.pac.PacRoutes;
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.LogReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The host evidence a live probe run reads on Windows: each {@link HostEvidence} source's commands run
 * ({@link HostCommands}) and their output read as a saved one would be (by the log reader on the class path, under the name
 * {@code host/<file>}), so that a live run and a support bundle's {@code host/} folder give the same facts; and the
 * proxy auto-config script the Internet Settings name, evaluated for the catalog's URLs.
 * Off Windows there is nothing to run, and nothing is said.
 */
public final class HostProbe {

    /** The longest one source may take. */
    static final Duration PER_SOURCE = Duration.ofSeconds(30);

    private final BiFunction<HostEvidence, Duration, HostCommands.Output> commands;
    private final boolean available;
    private final PacOptions pacOptions;

    /** The live one: runs the commands on Windows. */
    public HostProbe() {
        this(HostCommands::run, HostCommands.available(), PacOptions.defaults());
    }

    /** One whose commands' outputs come from {@code commands} (tests give saved outputs), on any system. */
    public HostProbe(BiFunction<HostEvidence, Duration, HostCommands.Output> commands, PacOptions pacOptions) {
        this(commands, true, pacOptions);
    }

    private HostProbe(BiFunction<HostEvidence, Duration, HostCommands.Output> commands, boolean available,
            PacOptions pacOptions) {
        this.commands = java.util.Objects.requireNonNull(commands, "commands");
        this.available = available;
        this.pacOptions = java.util.Objects.requireNonNull(pacOptions, "pacOptions");
    }

    /**
     * What the machine's configuration said.
     *
     * @param summaries  one per source read (and {@code probe:pac} when a script was evaluated)
     * @param proxies    the proxies the machine's configuration sends Google through, each once with where it was
     *                   found: the Internet Settings' manual proxy (the policy's first: origin {@code policy} or
     *                   {@code user}, with its bypass list), then those the auto-config script chooses for the
     *                   catalog's URLs (origin {@code pac}); the probes check them as they check any configured proxy
     */
    public record Result(List<InputSummary> summaries, List<ProxyDiscovery.Found> proxies) {
        /** Copies the lists. */
        public Result {
            summaries = List.copyOf(summaries);
            proxies = List.copyOf(proxies);
        }
    }

    /**
     * Reads every source within {@code deadline}, then, when the Internet Settings name an auto-config script (the
     * policy's first), fetches it and evaluates it for {@code catalogUrls} ({@link PacRoutes}): which proxy each
     * Google URL really takes.
     */
    public Result read(List<URI> catalogUrls, FactSink facts, Consumer<Warning> warnings, Instant deadline) {
        List<InputSummary> out = new ArrayList<>();
        if (!available) {
            return new Result(out, List.of());
        }
        List<ProxyScriptSetting> scripts = new ArrayList<>();
        List<ProxySetting> manual = new ArrayList<>();
        boolean[] perMachine = {false};
        FactSink sink = f -> {
            if (f instanceof ProxyScriptSetting p && p.hasScript()) {
                scripts.add(p);
            } else if (f instanceof ProxySetting p) {
                manual.add(p); // the Internet Settings' proxy (ProxyEnable=1): WinHTTP's own comes from discovery
            } else if (f instanceof ProxySettingsPerMachine) {
                perMachine[0] = true;
            }
            facts.add(f);
        };
        Optional<LogReader> found = ServiceLoader.load(LogReader.class, HostProbe.class.getClassLoader()).findFirst();
        if (found.isEmpty()) {
            warnings.accept(new Warning("host/", 0, "the machine's configuration was not read: no log reader on the class"
                    + " path (dev.sonde:sdk-logs) to read it"));
            return new Result(out, List.of());
        }
        LogReader reader = found.get();
        for (HostEvidence source : HostEvidence.values()) {
            if (source.commands().isEmpty()) {
                continue; // the auto-config script is fetched, not run
            }
            String name = "host/" + source.fileName();
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.compareTo(Duration.ofMillis(500)) < 0) {
                warnings.accept(new Warning(name, 0, "not read: the probes' deadline passed before it was reached"));
                continue;
            }
            HostCommands.Output o = commands.apply(source, left.compareTo(PER_SOURCE) < 0 ? left : PER_SOURCE);
            o.skipped().ifPresent(why -> warnings.accept(new Warning(name, 0, "not read whole: " + why)));
            if (o.bytes().length > 0) {
                out.add(reader.read(LogInput.ofBytes(name, o.bytes()), sink, warnings, deadline));
            }
        }
        Map<String, ProxyDiscovery.Found> proxies = new LinkedHashMap<>();
        manual.stream().filter(p -> p.origin().internetSettingsRank(perMachine[0]) >= 0)
                .sorted(Comparator.comparingInt(p -> p.origin().internetSettingsRank(perMachine[0])))
                .forEach(p -> proxies.putIfAbsent(p.proxy(), new ProxyDiscovery.Found(p.origin(), p.proxy(), p.bypass())));
        if (!scripts.isEmpty() && Instant.now().isAfter(deadline)) {
            warnings.accept(new Warning(PacRoutes.PROBE_FILE, 0, "the auto-config script was not run: the probes' deadline"
                    + " passed before it was reached"));
            return new Result(out, List.copyOf(proxies.values()));
        }
        Result pac = pac(scripts, perMachine[0], catalogUrls, facts, out);
        pac.proxies().forEach(p -> proxies.putIfAbsent(p.proxy(), p));
        return new Result(pac.summaries(), List.copyOf(proxies.values()));
    }

    /** The auto-config script in force (the policy's, else the user's or, per-machine, the machine's), evaluated for the catalog's URLs. */
    private Result pac(List<ProxyScriptSetting> scripts, boolean perMachine, List<URI> catalogUrls, FactSink facts,
            List<InputSummary> out) {
        Optional<ProxyScriptSetting> script = scripts.stream().filter(p -> p.origin().internetSettingsRank(perMachine) >= 0)
                .min(Comparator.comparingInt(p -> p.origin().internetSettingsRank(perMachine)));
        if (script.isEmpty()) {
            return new Result(out, List.of());
        }
        List<Fact> found = PacRoutes.evaluate(script.get().autoConfigUrl(), Optional.empty(), catalogUrls, pacOptions);
        Map<String, ProxyDiscovery.Found> proxies = new LinkedHashMap<>();
        long routes = 0;
        for (Fact f : found) {
            facts.add(f);
            if (f instanceof PacRoute r) {
                routes++;
                if (!r.direct() && r.proxies().get(0).type().http()) {
                    proxies.putIfAbsent(r.firstProxy(), new ProxyDiscovery.Found(ProxyOrigin.SCRIPT, r.firstProxy(), ""));
                }
            }
        }
        out.add(new InputSummary(PacRoutes.PROBE_FILE, "probe", "", routes, found.size() - routes, found.size(),
                InputSummary.Status.READ));
        return new Result(out, List.copyOf(proxies.values()));
    }
}
