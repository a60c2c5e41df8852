package dev.sonde.cli;

import dev.sonde.HostEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --host-evidence DIR}: the saved outputs of the Windows commands Sonde reads as evidence of the machine's
 * firewall, proxy configuration and trusted roots ({@link HostEvidence}, {@code docs/host-evidence.md}), read with
 * the logs. A folder given as a log path is searched for them too; the option says it is meant, and refuses a
 * folder that holds none of them.
 */
final class HostEvidenceOption {

    /** How deep the check looks for a documented file (a bundle's {@code host/} is one level down). */
    private static final int DEPTH = 4;

    @Option(names = "--host-evidence", paramLabel = "DIR",
            description = "a folder (or .zip) of saved Windows command outputs under their documented names "
                    + "(firewall-rules.txt, internet-settings.txt, roots-machine.txt ...: docs/host-evidence.md), "
                    + "as 'sonde collect' writes them into a bundle's host/ folder")
    Path dir;

    /** {@code paths} and the evidence folder, when one was given and holds a documented file. */
    List<Path> with(CommandLine cli, List<Path> paths) {
        if (dir == null) {
            return paths;
        }
        boolean archive = dir.getFileName() != null && dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip") && Files.isRegularFile(dir);
        if (!archive && !holdsEvidence(dir)) {
            throw new CommandLine.ParameterException(cli, "--host-evidence " + dir + ": " + (Files.isDirectory(dir)
                    ? "holds none of the documented files (" + names() + ")" : "is not a folder or a .zip"));
        }
        List<Path> out = new ArrayList<>(paths);
        out.add(dir);
        return out;
    }

    private static boolean holdsEvidence(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder, DEPTH)) {
            return files.anyMatch(f -> HostEvidence.ofFile(f.toString()).isPresent() && Files.isRegularFile(f));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static String names() {
        return Arrays.stream(HostEvidence.values()).map(HostEvidence::fileName).collect(Collectors.joining(", "));
    }
}
