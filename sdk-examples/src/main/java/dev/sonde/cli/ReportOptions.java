package dev.sonde.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options every reporting command shares (analyze, probe, diagnose): output, language, rule packs, trust. */
final class ReportOptions {

    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json (schema sonde.report/1)")
    Format format;

    @Option(names = "--locale", paramLabel = "LANG", defaultValue = "en",
            description = "language of the text: en (default) or fr")
    String locale;

    @Option(names = "--rules", paramLabel = "PACK",
            description = "a rule pack folder or .zip instead of the built-in one; repeat to layer packs (later ones override)")
    List<Path> rulePacks = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "PUBKEY",
            description = "refuse the --rules pack unless it is signed by this public key (checked before anything is compiled)")
    Path trust;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "text width (default: $COLUMNS or 80)")
    Integer width;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    boolean json() {
        return format == Format.json;
    }

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }
}
