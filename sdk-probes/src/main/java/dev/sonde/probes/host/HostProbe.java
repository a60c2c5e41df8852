package dev.sonde.probes.host;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.LogReader;
import java.util.Optional;
import java.util.ServiceLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The host evidence a live probe run reads on Windows: each {@link HostEvidence} source's commands run
 * ({@link HostCommands}) and their output read as a saved one would be (by the log reader on the class path, under the name
 * {@code host/<file>}), so that a live run and a support bundle's {@code host/} folder give the same facts.
 * Off Windows there is nothing to run, and nothing is said.
 */
public final class HostProbe {

    /** The longest one source may take. */
    static final Duration PER_SOURCE = Duration.ofSeconds(30);

    private final BiFunction<HostEvidence, Duration, HostCommands.Output> commands;
    private final boolean available;

    /** The live one: runs the commands on Windows. */
    public HostProbe() {
        this(HostCommands::run, HostCommands.available());
    }

    /** One whose commands' outputs come from {@code commands} (tests give saved outputs). */
    HostProbe(BiFunction<HostEvidence, Duration, HostCommands.Output> commands, boolean available) {
        this.commands = commands;
        this.available = available;
    }

    /** Reads every source within {@code deadline}; one summary per source read. */
    public List<InputSummary> read(FactSink facts, Consumer<Warning> warnings, Instant deadline) {
        List<InputSummary> out = new ArrayList<>();
        if (!available) {
            return out;
        }
        Optional<LogReader> found = ServiceLoader.load(LogReader.class, HostProbe.class.getClassLoader()).findFirst();
        if (found.isEmpty()) {
            warnings.accept(new Warning("host/", 0, "the machine's configuration was not read: no log reader on the class"
                    + " path (dev.sonde:sdk-logs) to read it"));
            return out;
        }
        LogReader reader = found.get();
        for (HostEvidence source : HostEvidence.values()) {
            if (source.commands().isEmpty()) {
                continue; // the auto-config script is fetched, not run
            }
            String name = "host/" + source.fileName();
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.compareTo(Duration.ofMillis(500)) < 0) {
                warnings.accept(new Warning(name, 0, "not read: the probes' deadline passed before it was reached"));
                continue;
            }
            HostCommands.Output o = commands.apply(source, left.compareTo(PER_SOURCE) < 0 ? left : PER_SOURCE);
            o.skipped().ifPresent(why -> warnings.accept(new Warning(name, 0, "not read whole: " + why)));
            if (o.bytes().length > 0) {
                out.add(reader.read(LogInput.ofBytes(name, o.bytes()), facts, warnings, deadline));
            }
        }
        return out;
    }
}
