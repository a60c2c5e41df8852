package dev.sonde.cli;

import dev.sonde.Sonde;
import dev.sonde.SondeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The options every reporting command shares (analyze, probe, diagnose): output, language, rule packs, trust. */
final class ReportOptions {

    enum Format { text, json, html }

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json (schema sonde.report/2) or html (one self-contained page: redirect it to a .html file)")
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

    @Option(names = "--no-cache",
            description = "compile the rule packs even when the compile cache holds them (and do not write it)")
    boolean noCache;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "text width (default: $COLUMNS or 80)")
    Integer width;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Option(names = "--anonymize",
            description = "replace e-mail addresses and the user names of home folder paths by pseudonyms (user1@domain1, "
                    + "user1) in the report; secrets are removed from every report anyway")
    boolean anonymize;

    boolean json() {
        return format == Format.json;
    }

    boolean html() {
        return format == Format.html;
    }

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    /**
     * A {@link Sonde} builder with these options: language, anonymizing, the rule packs (layered), the key they must
     * be signed with and the compile cache. The rules are built the API's way: verified, read and compiled (or read
     * from the cache) by {@code Sonde.Builder.build()}.
     *
     * @throws SondeException when the trusted key file cannot be read
     */
    Sonde.Builder sonde() {
        Sonde.Builder builder = Sonde.builder().locale(locale()).anonymize(anonymize).rulePacks(rulePacks);
        compileCache().ifPresent(builder::compileCache);
        if (trust != null && !rulePacks.isEmpty()) {
            builder.trustedPublicKey(PackTrust.publicKey(trust));
        }
        return builder;
    }

    /**
     * Builds the {@link Sonde} and prints on {@code err} what the person running it should know about its rules
     * ({@link Sonde#notes()}: how packs were layered, compiler warnings, compile cache trouble), one
     * {@code sonde: ...} line each.
     *
     * @throws SondeException when the packs are refused, cannot be read or do not compile
     */
    static Sonde build(Sonde.Builder builder, PrintWriter err) {
        Sonde sonde = builder.build();
        sonde.notes().forEach(note -> err.println("sonde: " + note));
        err.flush();
        return sonde;
    }

    /** Where compiled rule packs are kept between runs, unless {@code --no-cache}: see {@link #cacheFolder}. */
    Optional<Path> compileCache() {
        return noCache ? Optional.empty() : cacheFolder(System.getenv(), System.getProperties());
    }

    /**
     * The compile cache folder: {@code SONDE_CACHE_DIR} (or the system property {@code sonde.cache.dir}) when
     * set, else {@code %LOCALAPPDATA%\Sonde\cache} on Windows, {@code $XDG_CACHE_HOME/sonde} or
     * {@code ~/.cache/sonde} elsewhere; empty when none can be found.
     */
    static Optional<Path> cacheFolder(Map<String, String> env, Properties system) {
        String explicit = system.getProperty("sonde.cache.dir", env.getOrDefault("SONDE_CACHE_DIR", ""));
        if (!explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        if (system.getProperty("os.name", "").startsWith("Windows") && !env.getOrDefault("LOCALAPPDATA", "").isBlank()) {
            return Optional.of(Path.of(env.get("LOCALAPPDATA"), "Sonde", "cache"));
        }
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "sonde"));
        }
        String home = system.getProperty("user.home", "");
        return home.isBlank() || home.equals("?") ? Optional.empty() : Optional.of(Path.of(home, ".cache", "sonde"));
    }
}
