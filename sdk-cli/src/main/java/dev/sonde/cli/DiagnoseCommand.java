package dev.sonde.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sonde diagnose [LOGS...]}: live probes and log analysis in one ranked report. */
@Command(name = "diagnose",
        description = {
            "Live probes and log analysis in one ranked report.",
            "",
            "Runs the probes of 'sonde probe' and analyzes the given GWSMO logs (files or folders) in the same "
                    + "rule session, so a cause seen on the network now explains failures in the logs. Same JSON "
                    + "schema as 'analyze' and 'probe'."},
        mixinStandardHelpOptions = true)
final class DiagnoseCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "LOGS", description = "log files or folders (optional)")
    List<Path> paths = new ArrayList<>();

    @Mixin
    ProbeSettings settings;

    @Override
    public Integer call() {
        List<Path> inputs = settings.host.with(spec.commandLine(), paths);
        return settings.run(spec.commandLine(), sonde -> sonde.diagnose(inputs));
    }
}
