package dev.sonde.cli;

import dev.sonde.HostEvidence;
import dev.sonde.ProbeOptions;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.probes.host.HostCommands;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sonde collect OUT.zip}: a support bundle that {@code sonde analyze OUT.zip} reads back, probes included.
 * Layout and manifest: {@code docs/collect.md}.
 */
@Command(name = "collect",
        description = {"Writes a support bundle: the recent logs of the standard folders (or --from), the machine's "
                + "firewall, proxy and trusted-root settings (on Windows), versions and a recorded probe run, secrets removed. 'sonde analyze OUT.zip' replays it "
                + "elsewhere, probes included."},
        mixinStandardHelpOptions = true)
final class CollectCommand implements Callable<Integer> {

    /** The proxy variables a bundle reports (credentials removed). */
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy");
    /** The longest one host evidence source may take: {@code certutil} on a large store takes a few seconds. */
    private static final Duration HOST_DEADLINE = Duration.ofSeconds(30);

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
            hostEvidence(bundle, machine, deadline);
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

    /**
     * The host evidence (docs/host-evidence.md), on Windows: each source's commands run within what is left of the
     * deadline (at most {@link #HOST_DEADLINE} each), its output decoded, cleaned and written to {@code host/<file>}.
     */
    private static void hostEvidence(SupportBundle bundle, LogFolders machine, Instant deadline) throws IOException {
        if (!machine.onWindows()) {
            bundle.skip("host/", "not Windows: there is no netsh, reg or certutil");
            return;
        }
        for (HostEvidence source : HostEvidence.values()) {
            if (source.commands().isEmpty()) {
                continue; // the auto-config script is fetched by the probes, not run
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.compareTo(Duration.ofSeconds(1)) < 0) {
                bundle.skip("host/" + source.fileName(), "the collection deadline passed before it was reached");
                continue;
            }
            HostCommands.Output o = HostCommands.run(source, left.compareTo(HOST_DEADLINE) < 0 ? left : HOST_DEADLINE);
            if (o.bytes().length > 0) {
                bundle.addHost(source, o.bytes());
            }
            o.skipped().ifPresent(why -> bundle.skip("host/" + source.fileName(), why));
        }
    }

    /** The probes, recorded as {@code probes.json} (the {@code --record} format: no credentials). */
    private void probe(SupportBundle bundle, ProbeOptions options, PrintWriter err) throws IOException {
        RecordingProber recorder = RecordedProbes.recording(ProbeSettings.liveProber());
        try {
            // the host evidence is in the bundle's host/ folder already: the probes do not read it again
            Sonde.Builder builder = Sonde.builder().probeOptions(options.withHostEvidence(false)).prober(recorder);
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
