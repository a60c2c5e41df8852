package dev.sonde.cli;

import dev.sonde.ProbeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How to probe: the options {@code sonde probe}, {@code diagnose} and {@code collect} share. */
final class ProbeFlags {

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = "an endpoint catalog (JSON, the rule pack's endpoints.json format) replacing the built-in one")
    Path endpoints;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20s",
            description = "overall deadline of all probes: 20s (default), 1500ms, 2m or PT20S")
    String timeout;

    @Option(names = "--probe-timeout", paramLabel = "DURATION", defaultValue = "8s",
            description = "deadline of each single probe (default ${DEFAULT-VALUE}, capped by --timeout)")
    String probeTimeout;

    @Option(names = "--clock-tolerance", paramLabel = "DURATION", defaultValue = "5m",
            description = "clock offsets from Google's Date beyond this are reported (default ${DEFAULT-VALUE})")
    String clockTolerance;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "a proxy to check as well (repeatable)")
    List<String> proxies = new ArrayList<>();

    @Option(names = "--winhttp-proxy", paramLabel = "FILE",
            description = "a file holding the output of 'netsh winhttp show proxy' (to diagnose another machine)")
    Path winHttpProxy;

    @Option(names = "--no-proxy-discovery",
            description = "do not look at HTTPS_PROXY/HTTP_PROXY, Java proxy settings or netsh for proxies")
    boolean noProxyDiscovery;

    @Option(names = "--no-host-evidence",
            description = "on Windows, do not run netsh, reg and certutil to read the firewall, proxy settings and "
                    + "trusted roots (docs/host-evidence.md)")
    boolean noHostEvidence;

    /**
     * The probe options these flags say. A bad duration or proxy is a {@link CommandLine.ParameterException}; an
     * unreadable {@code --winhttp-proxy} file a {@link dev.sonde.SondeException}.
     */
    ProbeOptions options(CommandLine cli) {
        try {
            return ProbeOptions.defaults()
                    .withTimeout(ProbeSettings.duration(cli, "--timeout", timeout))
                    .withProbeTimeout(ProbeSettings.duration(cli, "--probe-timeout", probeTimeout))
                    .withClockTolerance(ProbeSettings.duration(cli, "--clock-tolerance", clockTolerance))
                    .withProxies(proxies)
                    .withSystemProxyDiscovery(!noProxyDiscovery)
                    .withHostEvidence(!noHostEvidence)
                    .withWinHttpProxyText(winHttpProxy == null ? "" : ProbeSettings.winHttpProxyText(winHttpProxy));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
