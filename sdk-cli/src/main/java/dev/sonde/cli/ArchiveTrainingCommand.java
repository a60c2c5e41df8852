package dev.sonde.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sonde archive-training PATH...} (hidden): what the {@code ./sonde} launcher runs, in the background and
 * only once per build, in a JVM that writes a class-data archive at its exit (AppCDS, or the AOT cache of Java
 * 25+) for the next starts to map instead of loading Sonde's classes again. It runs {@code analyze} on the paths
 * (a shipped sample) once in each format, as a user would, and prints nothing; the exit code is always 0.
 */
@Command(name = "archive-training", hidden = true,
        description = "Runs analyze on the paths in every format, printing nothing (used by the launcher).")
final class ArchiveTrainingCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        for (String format : List.of("text", "json", "html")) {
            List<String> args = new ArrayList<>(List.of("analyze", "--format", format));
            paths.forEach(p -> args.add(p.toString()));
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            SondeCommand.run(args.toArray(String[]::new), nowhere, nowhere);
        }
        return SondeCommand.OK;
    }
}
