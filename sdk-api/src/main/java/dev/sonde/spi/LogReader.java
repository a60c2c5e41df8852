package dev.sonde.spi;

import dev.sonde.LogInput;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns one log into facts, in one streaming pass whose memory does not grow with the log's size.
 * Found with {@link java.util.ServiceLoader} ({@code sdk-probes} provides the GWSMO readers).
 *
 * <p>Implementations never throw for bad content: unreadable input, unknown lines, binary junk or
 * a passed deadline become {@link Warning}s and counts in the returned summary, and facts already
 * sent stay sent.
 */
public interface LogReader {

    /**
     * Reads {@code input}, sending facts to {@code facts} and problems to {@code warnings}, and stops
     * reading (with a warning) once {@code deadline} has passed.
     */
    InputSummary read(LogInput input, FactSink facts, Consumer<Warning> warnings, Instant deadline);
}
