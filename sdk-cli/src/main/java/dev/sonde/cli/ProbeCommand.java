package dev.sonde.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sonde probe [--endpoints FILE] [--timeout DURATION] [--format text|json]}: checks this machine's network now. */
@Command(name = "probe",
        description = {
            "Checks this machine's network now, root cause first.",
            "",
            "The way Google's article does: DNS, TCP 443 and 80, the certificate chain each Google host serves "
                    + "(verified against Google's own roots), every allow-listed URL, CRL and OCSP, proxies (and whether "
                    + "they ask for credentials) and the clock. Every probe has a deadline; checks that could not run "
                    + "are listed as warnings."},
        mixinStandardHelpOptions = true)
final class ProbeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProbeSettings settings;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        // saved host evidence is read in the probes' session, as diagnose reads logs
        List<Path> evidence = settings.host.with(cli, List.of());
        return settings.run(cli, sonde -> evidence.isEmpty() ? sonde.probe() : sonde.diagnose(evidence));
    }
}
