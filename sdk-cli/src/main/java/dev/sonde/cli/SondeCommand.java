package dev.sonde.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sonde} command-line tool. Exit codes: 0 complete and nothing of severity medium or above,
 * 1 at least one such finding (even when the analysis is incomplete), 2 usage error, 3 nothing to diagnose (no
 * input was a known log and no probe ran) or the rules could not be loaded, 4 incomplete with no such finding.
 */
@Command(name = "sonde",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnoses why Google Workspace Sync for Microsoft Outlook cannot reach Google.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the analysis is complete and found nothing of severity medium or above",
            "1:at least one finding of severity medium or above (even if the analysis is incomplete)",
            "2:usage error",
            "3:nothing to diagnose (no input is a log Sonde knows and no probe ran), or the rule pack could not be "
                    + "loaded (or was refused by --trust)",
            "4:the analysis is incomplete (a deadline, a limit, an unreadable input or a failed rule: the report "
                    + "names each) and found nothing of severity medium or above"})
public final class SondeCommand implements Runnable {

    /** Exit code: nothing of severity medium or above. */
    public static final int OK = 0;
    /** Exit code: at least one finding of severity medium or above. */
    public static final int PROBLEMS = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit code: nothing could be analyzed (or the rules could not be loaded). */
    public static final int NO_INPUT = 3;
    /** Exit code: the analysis is incomplete and found nothing of severity medium or above. */
    public static final int INCOMPLETE = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The commands by name, in the order {@code sonde --help} lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("analyze", AnalyzeCommand.class);
        commands.put("probe", ProbeCommand.class);
        commands.put("diagnose", DiagnoseCommand.class);
        commands.put("rules", RulesCommand.class);
        commands.put("collect", CollectCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("archive-training", ArchiveTrainingCommand.class);
        return commands;
    }

    /** True when the error stream given to {@link #run} is the process's own (a progress line may then be drawn). */
    static final ThreadLocal<Boolean> STDERR_IS_PROCESS = ThreadLocal.withInitial(() -> false);

    public static void main(String[] args) {
        StartTiming.start();
        STDERR_IS_PROCESS.set(true);
        if (java.util.Arrays.asList(args).contains("--debug")) {
            // the library logs through SLF4J; a CLI user sees its lines only when asking for them
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        PrintWriter err = new PrintWriter(System.err, true);
        int exit = run(args, new PrintWriter(System.out, true), err);
        StartTiming.print(err);
        System.exit(exit);
    }

    /** Runs the tool with the given streams and returns its exit code (never calls System.exit). */
    public static int run(String[] args, PrintWriter out, PrintWriter rawErr) {
        // what goes to stderr quotes input: redacted, and nothing in it may drive the terminal
        PrintWriter err = new PrintWriter(new TerminalWriter(rawErr), true);
        CommandLine cli = new CommandLine(new SondeCommand());
        // picocli reads the annotations of every command it is given, which cost a cold start about 0.1 s: when the
        // first argument names a command, only that one is added (it parses and fails the same way); else all are
        Class<?> asked = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (asked != null && asked != CommandLine.HelpCommand.class) {
            cli.addSubcommand(args[0], asked);
        } else {
            COMMANDS.forEach(cli::addSubcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("sonde: " + ex.getMessage());
            err.println("Try 'sonde --help' for usage.");
            return USAGE;
        });
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("sonde: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (debug) {
                ex.printStackTrace(err);
            }
            return NO_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'sonde analyze LOGS', 'sonde probe' or 'sonde diagnose LOGS'");
    }
}
