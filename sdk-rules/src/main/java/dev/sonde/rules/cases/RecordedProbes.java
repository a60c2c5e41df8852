package dev.sonde.rules.cases;

import dev.sonde.SondeException;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.UrlCheck;
import dev.sonde.spi.Prober;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Live probe results recorded to a file and played back: the facts a {@link Prober} sent in one run
 * ({@link DnsCheck}, {@link PortCheck}, {@link ServedChain}, {@link UrlCheck}, {@link RevocationCheck},
 * {@link ClockCheck}, {@link ProxySetting}, {@link ProxyCheck}, {@link ProxyEvent}, {@link ProbeSkipped}),
 * so that a machine's network as it was can be analyzed again, elsewhere and later: a vendor records a
 * customer's probes ({@code sonde probe --record FILE}) and turns them into a golden case
 * ({@code cases/NAME/probes.json}, see {@link GoldenCase}).
 *
 * <p>The file is UTF-8 JSON, one fact per line:
 *
 * <pre>{@code
 * {
 *   "format": "sonde.probes/1",
 *   "recordedAt": "2025-03-10T09:15:02Z",
 *   "facts": [
 *     {"type": "DnsCheck", "host": "www.googleapis.com", "status": "OK", "reason": "RESOLVED", "addresses": ["142.250.185.74"], "source": {"file": "probe:dns", "text": "DNS www.googleapis.com: RESOLVED 142.250.185.74 in 12 ms"}},
 *     {"type": "PortCheck", "host": "www.googleapis.com", "port": 443, "services": ["mail"], "status": "PROBLEM", "reason": "TIMED_OUT", "address": "142.250.185.74", "source": {"file": "probe:tcp", "text": "TCP www.googleapis.com:443 (142.250.185.74): no answer in 8000 ms (dropped)"}}
 *   ]
 * }
 * }</pre>
 *
 * <p>A fact is its {@code type} (the fact's class name in {@code dev.sonde.facts}) and its record
 * components by name, every one required: strings, numbers, string arrays, enum constants by name
 * as their text form ({@code status}: {@code OK}, {@code PROBLEM}, {@code NOT_RUN}; {@code reason}: {@code TIMED_OUT} ...;
 * {@code kind}, {@code origin} and {@code family} in lower case: {@code crl}, {@code winhttp}, {@code dns}), instants as ISO-8601 text or {@code null}.
 * Two are optional because probes always leave them so: {@code time} (the log time, ISO-8601 as the fact
 * prints it; absent for unknown) and {@code thread} (absent for {@code ""}). {@code source} is
 * {@code {"file", "line" (optional, 0), "text"}}: the evidence a report quotes. Keys starting with
 * {@code _} are comments. {@link #read} refuses anything else with a message naming the file, the fact's
 * index and what is wrong.
 *
 * <p>{@link #write} never writes credentials: a {@code user:password@} written into a proxy address (or any
 * URL) is dropped, and text goes through {@link Redaction}, as evidence does.
 *
 * <p>{@link #prober(Path)} plays a file back as a {@link Prober}, sending its facts in the order and with
 * the {@code probe:<family>} summaries and warnings the live prober gives; {@link #recording(Prober)} wraps
 * a prober to keep what it sends. The static methods are thread-safe and keep no state; a played-back prober
 * can be shared by any number of runs.
 *
 * <p>Each job is its own class of this package: {@link ProbeFactTypes} (which facts, which family),
 * {@code RecordedProbesWriter}, {@code RecordedProbesReader} (Jackson's record binding, problems in words by
 * {@code FactProblem}), {@code ReplayProber} and {@link RecordingProber}; this class is their front door.
 */
public final class RecordedProbes {

    /** The format tag of the files this version writes and reads. */
    public static final String FORMAT = "sonde.probes/1";

    /** The name of a golden case's recorded probes file. */
    public static final String FILE = "probes.json";
    /** The largest recorded probes file read: 4 MiB (a whole run of the built-in catalog takes about 20 KiB). */
    public static final int MAX_BYTES = 4 << 20;

    private RecordedProbes() {
    }

    /** The fact types a file can hold, by the name the file gives them ({@code PortCheck} ...). */
    public static List<String> types() {
        return ProbeFactTypes.names();
    }

    /**
     * The probe family a fact belongs to ({@code dns}, {@code tcp}, {@code tls}, {@code https},
     * {@code revocation}, {@code proxy}, {@code clock}), as in its source {@code probe:<family>}.
     *
     * @throws IllegalArgumentException when {@code fact} is not a probe fact (a log's {@code TlsFailure} ...)
     */
    public static ProbeFamily family(Fact fact) {
        return ProbeFactTypes.family(fact);
    }

    /**
     * Writes {@code facts} to {@code file} (UTF-8, replacing it), stamped as recorded now.
     *
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException when a fact is not a probe fact
     */
    public static void write(Collection<? extends Fact> facts, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Files.writeString(file, RecordedProbesWriter.toJson(facts, Instant.now()), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code facts} to {@code out}, stamped as recorded now; {@code out} is not closed.
     *
     * @throws IOException              when {@code out} fails
     * @throws IllegalArgumentException when a fact is not a probe fact
     */
    public static void write(Collection<? extends Fact> facts, Writer out) throws IOException {
        write(facts, Instant.now(), out);
    }

    /**
     * Writes {@code facts} to {@code out}, stamped as recorded at {@code recordedAt}; {@code out} is not closed.
     *
     * @throws IOException              when {@code out} fails
     * @throws IllegalArgumentException when a fact is not a probe fact
     */
    public static void write(Collection<? extends Fact> facts, Instant recordedAt, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        out.write(RecordedProbesWriter.toJson(facts, recordedAt));
        out.flush();
    }

    /**
     * Reads a recorded probes file: a regular file (never a pipe or device) of at most {@value #MAX_BYTES} bytes.
     *
     * @return the facts, in the file's order
     * @throws SondeException when the file cannot be read or is not a valid recorded probes file: the message
     *                        names the file and, for a bad fact, its index ({@code facts[3]}), its type and what
     *                        is wrong
     */
    public static List<Fact> read(Path file) {
        return RecordedProbesReader.read(file);
    }

    /**
     * Reads a recorded probes file from {@code in} (not closed, at most {@value #MAX_BYTES} characters);
     * {@code name} is what error messages call it.
     *
     * @throws SondeException as {@link #read(Path)}
     */
    public static List<Fact> read(Reader in, String name) {
        return RecordedProbesReader.read(in, name);
    }

    /**
     * A prober that plays back the facts of a recorded probes file, read now, whatever catalog and options it is
     * run with.
     *
     * @throws SondeException as {@link #read(Path)}
     */
    public static Prober prober(Path file) {
        return prober(read(file));
    }

    /**
     * A prober that plays back {@code facts}: it sends them in the order the live prober would (by source file,
     * text and type), warns about each {@link ProbeSkipped} ({@code probe:<family>}: "{@code <target>} not
     * checked: {@code <why>}") and returns one summary per family as the live prober does ({@code linesRead} =
     * checks that ran, {@code linesSkipped} = checks not run, {@code facts} = facts sent; a
     * {@link ProxySetting} or {@link ProxyEvent} counts as a fact only).
     *
     * @throws IllegalArgumentException when a fact is not a probe fact
     */
    public static Prober prober(List<? extends Fact> facts) {
        return new ReplayProber(facts);
    }

    /**
     * Wraps {@code prober} so that the facts it sends are kept: run a {@code Sonde} built with
     * {@code .prober(recorder)}, then {@link RecordingProber#write(Path)} what the run saw.
     */
    public static RecordingProber recording(Prober prober) {
        return new RecordingProber(prober);
    }
}
