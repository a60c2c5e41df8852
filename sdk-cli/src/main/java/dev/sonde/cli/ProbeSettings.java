package dev.sonde.cli;

import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.RecordingProber;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.Prober;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code sonde probe} and {@code sonde diagnose} share, and the run they share. */
final class ProbeSettings {

    @CommandLine.Mixin
    ReportOptions output;

    @CommandLine.Mixin
    ProbeFlags flags;

    @CommandLine.Mixin
    HostEvidenceOption host;

    @Option(names = "--record", paramLabel = "FILE",
            description = "also write what the probes saw to FILE (JSON, format " + RecordedProbes.FORMAT + "; no credentials): "
                    + "put it in a rule pack's cases/NAME/ as probes.json to make a golden case of it")
    Path record;

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    /** {@code 20s}, {@code 1500ms}, {@code 2m}, {@code 1h}, {@code 20} (seconds) or ISO-8601 {@code PT20S}. */
    static Duration duration(CommandLine cli, String option, String text) {
        String t = text.strip();
        Matcher m = SIMPLE.matcher(t);
        Duration d;
        Duration max = option.equals("--clock-tolerance") ? ProbeOptions.MAX_CLOCK_TOLERANCE : ProbeOptions.MAX_TIMEOUT;
        String most = option.equals("--clock-tolerance") ? max.toDays() + " days" : max.toHours() + "h";
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
                d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                throw new CommandLine.ParameterException(cli, option + " must be at most " + most + ", was '" + text + "'");
            }
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(cli, option + " must be a duration such as 20s, 1500ms, 2m or PT20S, was '"
                        + text + "'");
            }
        }
        if (d.isNegative() || (d.isZero() && !option.equals("--clock-tolerance"))) {
            throw new CommandLine.ParameterException(cli, option + " must be positive, was '" + text + "'");
        }
        if (d.compareTo(max) > 0) {
            throw new CommandLine.ParameterException(cli, option + " must be at most " + most + ", was '" + text + "'");
        }
        return d;
    }

    /**
     * Builds Sonde, runs {@code probe} (probes, with or without logs), prints the report and returns the
     * exit code. A progress line goes to stderr while probes run, when stderr is a terminal and the
     * format is text. With {@code --record FILE}, the live prober is wrapped so that the facts it sends are
     * kept, and they are written to FILE ({@link RecordedProbes}) after the report.
     */
    int run(CommandLine cli, Function<Sonde, Report> probe) {
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        ProbeOptions options;
        try {
            options = flags.options(cli);
        } catch (SondeException e) {
            err.println("sonde: --winhttp-proxy: " + e.getMessage());
            return SondeCommand.USAGE;
        }
        PackTrust.requirePack(cli, output.trust, output.rulePacks);
        if (record != null) {
            Path folder = record.toAbsolutePath().getParent();
            if (Files.isDirectory(record) || folder == null || !Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(cli, "--record " + record + ": "
                        + (Files.isDirectory(record) ? "is a folder; give a file name" : "the folder " + folder + " does not exist"));
            }
        }
        ProgressLine progress = null;
        if (!output.json() && System.console() != null && cli.getErr() != null && isRealStderr(err)) {
            progress = new ProgressLine(err);
            options = options.withProgress(progress);
        }
        Report report;
        RecordingProber recorder = null;
        try {
            Sonde.Builder builder = output.sonde().probeOptions(options);
            if (flags.endpoints != null) {
                builder.endpoints(flags.endpoints);
            }
            if (record != null) {
                recorder = RecordedProbes.recording(liveProber());
                builder.prober(recorder);
            }
            report = probe.apply(ReportOptions.build(builder, err));
        } catch (SondeException e) {
            err.println("sonde: " + e.getMessage());
            if (output.debug) {
                e.printStackTrace(err);
            }
            return SondeCommand.NO_INPUT;
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        int exit = ReportPrinter.print(report, output, out, err,
                "nothing could be probed or read", "the endpoint catalog is empty");
        if (recorder != null) {
            try {
                int n = recorder.write(record);
                err.println("sonde: recorded " + n + (n == 1 ? " probe result" : " probe results") + " to " + record);
            } catch (IOException e) {
                err.println("sonde: --record " + record + " cannot be written (" + RulesCommand.reason(e) + ")");
                if (output.debug) {
                    e.printStackTrace(err);
                }
                return SondeCommand.NO_INPUT;
            }
        }
        return exit;
    }

    /** Saved {@code netsh winhttp show proxy} output takes a few hundred bytes; a bypass list a few KiB. */
    static final int MAX_WINHTTP_PROXY_FILE = 1 << 20;

    /**
     * The saved {@code netsh winhttp show proxy} output: a regular file only (never a pipe or device), read with a
     * cap. ({@code --endpoints FILE} is read by the rule engine, with the same care: {@code CatalogFile}.)
     *
     * @throws SondeException one sentence naming the file when it is not a regular file, too large or unreadable
     */
    static String winHttpProxyText(Path file) {
        return InputFiles.readUtf8(file, MAX_WINHTTP_PROXY_FILE, "the saved WinHTTP proxy settings");
    }

    /** The live prober Sonde itself would use: the one on the class path (sdk-probes' {@link CatalogProber}). */
    static Prober liveProber() {
        return ServiceLoader.load(Prober.class, ProbeSettings.class.getClassLoader()).findFirst()
                .orElseGet(CatalogProber::new);
    }

    /** True when {@code err} writes to the process's stderr (not to a test's buffer). */
    private static boolean isRealStderr(PrintWriter err) {
        return SondeCommand.STDERR_IS_PROCESS.get();
    }

    /** One self-overwriting line on a terminal: {@code probing... 12/40 tls localhost:443}. */
    static final class ProgressLine implements ProbeOptions.Progress {
        private final PrintWriter err;
        private int lastLength;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void update(int done, int total, String last) {
            String text = "probing... " + done + "/" + total + " " + last;
            if (text.length() > 78) {
                text = text.substring(0, 77) + "…";
            }
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            err.flush();
            lastLength = text.length();
        }

        synchronized void clear() {
            if (lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
            }
        }
    }
}
