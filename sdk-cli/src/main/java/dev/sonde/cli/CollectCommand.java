package dev.sonde.cli;

import dev.sonde.ProbeOptions;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.RecordingProber;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sonde collect OUT.zip}: a support bundle that {@code sonde analyze OUT.zip} reads back, probes included.
 * Layout and manifest: {@code docs/collect.md}.
 */
@Command(name = "collect",
        description = {"Writes a support bundle: the recent logs of the standard folders (or --from), the proxy "
                + "settings, versions and a recorded probe run, secrets removed. 'sonde analyze OUT.zip' replays it "
                + "elsewhere, probes included."},
        mixinStandardHelpOptions = true)
final class CollectCommand implements Callable<Integer> {

    /** The proxy variables a bundle reports (credentials removed). */
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy");
    /** {@code netsh winhttp show proxy} answers in well under a second; its output is a few hundred bytes. */
    private static final Duration NETSH_DEADLINE = Duration.ofSeconds(10);
    private static final int NETSH_MAX_BYTES = 64 << 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.zip", description = "the bundle to write (replaced if it exists)")
    Path out;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "logs modified in the last N days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--from", paramLabel = "DIR", arity = "1..*",
            description = "log folders to collect instead of the standard ones (required off Windows)")
    List<Path> from = new ArrayList<>();

    @Option(names = "--no-probe", description = "do not run and record the probes")
    boolean noProbe;

    @Option(names = "--anonymize",
            description = "replace e-mail addresses and home folder user names by pseudonyms in the copied logs")
    boolean anonymize;

    @CommandLine.Mixin
    ProbeFlags flags;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "180",
            description = "time limit of the whole collection (default ${DEFAULT-VALUE})")
    long deadlineSeconds;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter err = cli.getErr();
        if (days < 1 || days > 3650) {
            throw new CommandLine.ParameterException(cli, "--days must be from 1 to 3650, was " + days);
        }
        if (deadlineSeconds < 1 || deadlineSeconds > Sonde.MAX_DEADLINE.toSeconds()) {
            throw new CommandLine.ParameterException(cli, "--deadline must be from 1 to " + Sonde.MAX_DEADLINE.toSeconds()
                    + " seconds, was " + deadlineSeconds);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out) || parent == null || !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(cli, out + ": " + (Files.isDirectory(out) ? "is a folder; give a file name"
                    : "the folder " + parent + " does not exist"));
        }
        LogFolders machine = LogFolders.MACHINE.get();
        List<Path> folders = from;
        if (folders.isEmpty()) {
            if (!machine.onWindows()) {
                throw new CommandLine.ParameterException(cli, "give the log folders with --from DIR: only on Windows does "
                        + "'sonde collect' find them by itself");
            }
            folders = machine.existing();
        }
        ProbeOptions options;
        try {
            options = flags.options(cli);
        } catch (SondeException e) {
            err.println("sonde: --winhttp-proxy: " + e.getMessage());
            return SondeCommand.USAGE;
        }
        Instant deadline = Instant.now().plusSeconds(deadlineSeconds);
        Path partial = parent.resolve(out.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(partial);
                SupportBundle bundle = new SupportBundle(file, deadline, anonymize)) {
            describeMachine(bundle, machine);
            bundle.describe("days", days);
            bundle.describe("folders", folders.stream().map(p -> Redaction.redact(p.toString())).toList());
            if (folders.isEmpty()) {
                bundle.skip("logs", "no standard log folder exists here: " + machine.standard());
            }
            Instant since = Instant.now().minus(Duration.ofDays(days));
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    bundle.skip(folder.toString(), "not a folder");
                } else {
                    bundle.addLogs(folder, since);
                }
            }
            netsh(bundle, machine);
            if (noProbe) {
                bundle.skip(RecordedProbes.FILE, "--no-probe");
            } else if (bundle.late()) {
                bundle.skip(RecordedProbes.FILE, "the collection deadline passed before the probes");
            } else {
                probe(bundle, options, err);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            err.println("sonde: " + out + " cannot be written (" + (e instanceof IOException io ? InputFiles.reason(io)
                    : e.getMessage()) + ")");
            return SondeCommand.NO_INPUT;
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        err.println("sonde: wrote the support bundle " + out + " (what it holds: manifest.json inside)");
        return SondeCommand.OK;
    }

    private static void describeMachine(SupportBundle bundle, LogFolders machine) {
        bundle.describe("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        bundle.describe("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        String v = SondeCommand.class.getPackage().getImplementationVersion();
        bundle.describe("sonde", v == null ? "development build" : v);
        Map<String, String> proxies = new LinkedHashMap<>();
        for (String name : PROXY_VARIABLES) {
            String value = machine.variable(name);
            if (value != null) {
                proxies.put(name, Redaction.redact(value)); // user:password@ loses its password
            }
        }
        bundle.describe("proxyEnvironment", proxies);
    }

    /** {@code netsh winhttp show proxy}, on Windows: a bounded process run, its output to {@code winhttp-proxy.txt}. */
    private static void netsh(SupportBundle bundle, LogFolders machine) throws IOException {
        if (!machine.onWindows()) {
            bundle.skip("winhttp-proxy.txt", "not Windows: there is no netsh");
            return;
        }
        Path output = Files.createTempFile("sonde-netsh", ".txt");
        try {
            Process p = new ProcessBuilder("netsh", "winhttp", "show", "proxy").redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(NETSH_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                bundle.skip("winhttp-proxy.txt", "netsh did not answer within " + NETSH_DEADLINE.toSeconds() + " seconds");
                return;
            }
            String text = InputFiles.readUtf8(output, NETSH_MAX_BYTES, "the output of netsh");
            bundle.add("winhttp-proxy.txt", Redaction.redact(text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | SondeException e) {
            bundle.skip("winhttp-proxy.txt", "netsh could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bundle.skip("winhttp-proxy.txt", "interrupted");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The probes, recorded as {@code probes.json} (the {@code --record} format: no credentials). */
    private void probe(SupportBundle bundle, ProbeOptions options, PrintWriter err) throws IOException {
        RecordingProber recorder = RecordedProbes.recording(ProbeSettings.liveProber());
        try {
            Sonde.Builder builder = Sonde.builder().probeOptions(options).prober(recorder);
            if (flags.endpoints != null) {
                builder.endpoints(flags.endpoints);
            }
            builder.build().probe();
        } catch (SondeException e) {
            bundle.skip(RecordedProbes.FILE, "the probes could not run: " + e.getMessage());
            return;
        }
        StringWriter json = new StringWriter();
        RecordedProbes.write(recorder.facts(), json);
        bundle.add(RecordedProbes.FILE, json.toString().getBytes(StandardCharsets.UTF_8));
        bundle.describe("probes", Map.of("file", RecordedProbes.FILE, "results", recorder.facts().size(),
                "catalog", flags.endpoints == null ? "built-in" : Redaction.redact(flags.endpoints.toString())));
        err.println("sonde: recorded " + recorder.facts().size() + " probe results");
    }
}
