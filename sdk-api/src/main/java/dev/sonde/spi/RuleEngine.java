package dev.sonde.spi;

import dev.sonde.ProbeCatalog;
import dev.sonde.Report;
import dev.sonde.SondeException;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A compiled rule pack, shareable across threads, that opens one short-lived session per analysis.
 * {@code sdk-rules} provides the Drools implementation through {@link RuleEngineFactory}.
 */
public interface RuleEngine {

    /** Opens a session that collects facts until {@link Session#finish} fires the rules. */
    Session openSession(Locale locale, Instant deadline);

    /**
     * The live-probe catalog of this engine's rule pack (endpoints and trust anchors), or
     * {@link ProbeCatalog#EMPTY} when the pack has none.
     */
    default ProbeCatalog probeCatalog() {
        return ProbeCatalog.EMPTY;
    }

    /**
     * Reads a catalog file in the pack's data format: an {@code endpoints} section (required, non-empty, http or
     * https URLs only: a catalog is never completed with another's endpoints) and optionally {@code trustAnchors}
     * (taken from {@link #probeCatalog()} when the file has none). Read only as a regular file, within a size cap.
     *
     * @throws SondeException when the file cannot be read or is not valid, saying where (file:line:column)
     */
    default ProbeCatalog readProbeCatalog(Path file) {
        throw new SondeException("this rule engine cannot read endpoint catalogs (" + file + ")");
    }

    /**
     * What the person running Sonde should know about how these rules were made, one sentence each, none of which
     * stopped them loading: how packs were layered (lines starting with {@code rules: }), the compiler's warnings,
     * trouble with a compile cache. Empty by default, and when all went well. A command-line tool prints them; a
     * library caller may log them.
     */
    default List<String> notes() {
        return List.of();
    }

    /** One analysis: facts in, ranked report out. Not thread-safe; use once. */
    interface Session extends FactSink, AutoCloseable {

        /** Fires the rules, ranks the findings and builds the report around the given inputs. */
        Report finish(List<InputSummary> sources, List<Warning> warnings);

        /** Releases the session; safe to call more than once. */
        @Override
        void close();
    }
}
