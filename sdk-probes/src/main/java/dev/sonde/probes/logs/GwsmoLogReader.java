package dev.sonde.probes.logs;

import dev.sonde.LogInput;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.LogReader;
import java.time.Instant;
import java.util.function.Consumer;

/** Placeholder: reads nothing yet. */
public final class GwsmoLogReader implements LogReader {
    @Override
    public SourceSummary read(LogInput input, FactSink facts, Consumer<Warning> warnings, Instant deadline) {
        return new SourceSummary(input.name(), null, "UTF-8", 0, 0, 0, SourceSummary.Status.UNRECOGNISED);
    }
}
