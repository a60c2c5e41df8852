package dev.sonde.cli;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sonde analyze PATH... [--format text|json]}: ranked findings from GWSMO logs. */
@Command(name = "analyze",
        description = "Reads GWSMO trace logs (Trace-*.log) and authorization logs (Identity folder) and prints "
                + "the problems found, root cause first, with the log lines that prove them and what to do. "
                + "Folders are searched recursively for *.log files; all files are analyzed together.",
        mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ReportOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "log files or folders")
    List<Path> paths;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "300",
            description = "time limit of the analysis in seconds (default ${DEFAULT-VALUE})")
    long deadlineSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (deadlineSeconds <= 0 || deadlineSeconds > Sonde.MAX_DEADLINE.toSeconds()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--deadline must be a number of seconds from 1 to "
                    + Sonde.MAX_DEADLINE.toSeconds() + " (" + Sonde.MAX_DEADLINE.toHours() + " hours), was " + deadlineSeconds);
        }
        PackTrust.requirePack(spec.commandLine(), output.trust, output.rulePacks);
        Report report;
        try {
            Sonde sonde = ReportOptions.build(output.sonde().deadline(Duration.ofSeconds(deadlineSeconds)), err);
            report = sonde.analyze(paths);
        } catch (SondeException e) {
            err.println("sonde: " + e.getMessage());
            if (output.debug) {
                e.printStackTrace(err);
            }
            return SondeCommand.NO_INPUT;
        }
        return ReportPrinter.print(report, output, out, err,
                "no input could be read", "no *.log file found in " + paths);
    }
}
