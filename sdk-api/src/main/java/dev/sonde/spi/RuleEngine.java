package dev.sonde.spi;

import dev.sonde.Report;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
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

    /** One analysis: facts in, ranked report out. Not thread-safe; use once. */
    interface Session extends FactSink, AutoCloseable {

        /** Fires the rules, ranks the findings and builds the report around the given inputs. */
        Report finish(List<SourceSummary> sources, List<Warning> warnings);

        /** Releases the session; safe to call more than once. */
        @Override
        void close();
    }
}
