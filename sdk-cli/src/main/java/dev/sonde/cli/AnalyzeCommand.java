package dev.sonde.cli;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.facts.Fact;
import dev.sonde.rules.cases.RecordedProbes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sonde analyze PATH... [--format text|json]}: ranked findings from GWSMO logs. */
@Command(name = "analyze",
        description = "Reads GWSMO trace logs (Trace-*.log) and authorization logs (Identity folder) and prints "
                + "the problems found, root cause first, with the log lines that prove them and what to do. "
                + "Folders are searched recursively for *.log files and .zip/.gz archives of logs; all files are "
                + "analyzed together. With no PATH on Windows, the standard log folders are read (%%LOCALAPPDATA%%\\Google\\"
                + "Identity and the products' Tracing folders).",
        mixinStandardHelpOptions = true)
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ReportOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "log files, folders, .zip or .gz archives "
            + "(none: the standard log folders, on Windows)")
    List<Path> paths = new ArrayList<>();

    @CommandLine.Mixin
    HostEvidenceOption host;

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
        paths = host.with(spec.commandLine(), paths); // alone, it is what to analyze: no search of the log folders
        if (paths.isEmpty()) {
            LogFolders folders = LogFolders.MACHINE.get();
            if (!folders.onWindows()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give the logs to analyze (files, folders, "
                        + ".zip or .gz): only on Windows does 'sonde analyze' find them by itself");
            }
            paths = folders.existing();
            if (paths.isEmpty()) {
                err.println("sonde: no log folder found in the standard places: " + folders.standard()
                        + "; give the logs' folder or archive");
                return SondeCommand.NO_INPUT;
            }
            err.println("sonde: reading the standard log folders: " + String.join(", ",
                    paths.stream().map(Path::toString).toList()));
        }
        Report report;
        try {
            Sonde.Builder builder = output.sonde().deadline(Duration.ofSeconds(deadlineSeconds));
            // a support bundle (sonde collect) carries its probe run: replayed, the bundle is the diagnose made there
            Optional<List<Fact>> recorded = BundleProbes.find(paths);
            recorded.ifPresent(facts -> builder.prober(RecordedProbes.prober(facts)));
            StartTiming.mark("command line");
            Sonde sonde = ReportOptions.build(builder, err);
            StartTiming.mark("rules");
            if (recorded.isPresent()) {
                err.println("sonde: replaying the " + recorded.get().size() + " probe results recorded in the bundle");
            }
            report = recorded.isPresent() ? sonde.diagnose(paths) : sonde.analyze(paths);
            StartTiming.mark("analysis");
        } catch (SondeException e) {
            err.println("sonde: " + e.getMessage());
            if (output.debug) {
                e.printStackTrace(err);
            }
            return SondeCommand.NO_INPUT;
        }
        int exit = ReportPrinter.print(report, output, out, err,
                "no input could be read", "no *.log file found in " + paths);
        StartTiming.mark("report");
        return exit;
    }
}
