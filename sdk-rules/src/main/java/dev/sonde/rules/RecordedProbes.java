package dev.sonde.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.SondeException;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.UrlCheck;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.Prober;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public final class RecordedProbes {

    /** The format tag of the files this version writes and reads. */
    public static final String FORMAT = "sonde.probes/1";

    /** The name of a golden case's recorded probes file. */
    public static final String FILE = "probes.json";
    /** The largest recorded probes file read: 4 MiB (a whole run of the built-in catalog takes about 20 KiB). */
    public static final int MAX_BYTES = 4 << 20;

    /** The probe fact types, by the name the file gives them, with the probe family each belongs to. */
    private static final Map<String, Class<? extends Fact>> TYPES = new LinkedHashMap<>();
    private static final Map<Class<? extends Fact>, ProbeFamily> FAMILY = new LinkedHashMap<>();

    static {
        type(DnsCheck.class, ProbeFamily.DNS);
        type(PortCheck.class, ProbeFamily.TCP);
        type(ServedChain.class, ProbeFamily.TLS);
        type(UrlCheck.class, ProbeFamily.HTTPS);
        type(RevocationCheck.class, ProbeFamily.REVOCATION);
        type(ClockCheck.class, ProbeFamily.CLOCK);
        type(ProxySetting.class, ProbeFamily.PROXY);
        type(ProxyCheck.class, ProbeFamily.PROXY);
        type(ProxyEvent.class, ProbeFamily.PROXY);
        type(ProbeSkipped.class, null); // its own family() says
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One fact per line, with a space after {@code :} and {@code ,}: readable and easy to edit by hand. */
    private static final ObjectWriter ONE_LINE = JSON.writer(new MinimalPrettyPrinter() {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    });

    /**
     * {@code scheme://user:password@} in a URL anywhere in a text, up to the authority's last {@code @}. Linear: the
     * scheme starts a run of its characters, and each authority (ended by {@code /}) is scanned once.
     */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://)[^\\s/?#\"<>]*@");

    private RecordedProbes() {
    }

    private static void type(Class<? extends Fact> type, ProbeFamily family) {
        TYPES.put(type.getSimpleName(), type);
        FAMILY.put(type, family);
    }

    /** The fact types a file can hold, by the name the file gives them ({@code PortCheck} ...). */
    public static List<String> types() {
        return List.copyOf(TYPES.keySet());
    }

    /**
     * The probe family a fact belongs to ({@code dns}, {@code tcp}, {@code tls}, {@code https},
     * {@code revocation}, {@code proxy}, {@code clock}), as in its source {@code probe:<family>}.
     *
     * @throws IllegalArgumentException when {@code fact} is not a probe fact (a log's {@code TlsFailure} ...)
     */
    public static ProbeFamily family(Fact fact) {
        Objects.requireNonNull(fact, "fact");
        if (fact instanceof ProbeSkipped s) {
            return s.family();
        }
        ProbeFamily family = FAMILY.get(fact.getClass());
        if (family == null) {
            throw new IllegalArgumentException(fact.getClass().getSimpleName() + " is not a probe fact (a recorded probes file "
                    + "holds " + String.join(", ", TYPES.keySet()) + ")");
        }
        return family;
    }

    // ---- writing ----------------------------------------------------------------------------------

    /**
     * Writes {@code facts} to {@code file} (UTF-8, replacing it), stamped as recorded now.
     *
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException when a fact is not a probe fact
     */
    public static void write(Collection<? extends Fact> facts, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = toJson(facts, Instant.now());
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
        out.write(toJson(facts, recordedAt));
        out.flush();
    }

    /** The file's text. */
    static String toJson(Collection<? extends Fact> facts, Instant recordedAt) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(recordedAt, "recordedAt");
        List<String> lines = new ArrayList<>();
        for (Fact f : facts) {
            Objects.requireNonNull(f, "fact");
            family(f); // refuses what is not a probe fact
            try {
                lines.add(ONE_LINE.writeValueAsString(node(f)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + f, e);
            }
        }
        StringWriter w = new StringWriter();
        w.append("{\n  \"format\": \"").append(FORMAT).append("\",\n");
        w.append("  \"recordedAt\": \"").append(recordedAt.truncatedTo(ChronoUnit.SECONDS).toString()).append("\",\n");
        w.append("  \"facts\": [");
        w.append(lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines) + "\n  ");
        w.append("]\n}\n");
        return w.toString();
    }

    /** A fact as a JSON object: its type, then its record components in order, credentials dropped. */
    private static ObjectNode node(Fact fact) {
        List<String> secrets = proxyUserInfo(fact);
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", fact.getClass().getSimpleName());
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(fact);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + fact.getClass().getSimpleName(), e);
            }
            String name = c.getName();
            if (value instanceof LogTime t) {
                if (t.known()) {
                    n.put(name, t.toString());
                }
            } else if (name.equals("thread") && "".equals(value)) {
                continue;
            } else if (value instanceof Evidence s) {
                ObjectNode src = n.putObject(name);
                src.put("file", clean(s.file(), secrets));
                if (s.line() != 0) {
                    src.put("line", s.line());
                }
                src.put("text", clean(s.text(), secrets));
            } else if (value == null) {
                n.putNull(name);
            } else if (value instanceof String s) {
                n.put(name, clean(s, secrets));
            } else if (value instanceof Integer i) {
                n.put(name, i);
            } else if (value instanceof Long l) {
                n.put(name, l);
            } else if (value instanceof Boolean b) {
                n.put(name, b);
            } else if (value instanceof Enum<?> e) {
                n.put(name, e.toString()); // the constant's name, or its lower-case label (crl, winhttp, dns ...)
            } else if (value instanceof Instant i) {
                n.put(name, i.toString());
            } else if (value instanceof List<?> list) {
                ArrayNode a = n.putArray(name);
                list.forEach(v -> a.add(clean(String.valueOf(v), secrets)));
            } else {
                throw new IllegalStateException(fact.getClass().getSimpleName() + "." + name + " has a type a recorded "
                        + "probes file cannot hold: " + value.getClass().getName());
            }
        }
        return n;
    }

    /** The {@code user:password} written before {@code @} in a proxy fact's proxy address, if any. */
    private static List<String> proxyUserInfo(Fact fact) {
        String proxy = fact instanceof ProxySetting s ? s.proxy() : fact instanceof ProxyCheck c ? c.proxy()
                : fact instanceof ProxyEvent e ? e.proxy() : "";
        String withoutScheme = proxy.contains("://") ? proxy.substring(proxy.indexOf("://") + 3) : proxy;
        int at = withoutScheme.lastIndexOf('@');
        return at > 0 ? List.of(withoutScheme.substring(0, at + 1)) : List.of();
    }

    /** The text without credentials: a proxy's {@code user:password@}, a URL's user info, what {@link Redaction} removes. */
    static String clean(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "");
        }
        Matcher m = URL_USER_INFO.matcher(out);
        if (m.find()) {
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        }
        return Redaction.redact(out);
    }

    // ---- reading (RecordedProbesReader) -----------------------------------------------------------

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

    /** The fact type a file names ({@code PortCheck}), or null. */
    static Class<? extends Fact> type(String name) {
        return TYPES.get(name);
    }

    // ---- playing back -----------------------------------------------------------------------------

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
        List<Fact> copy = List.copyOf(facts);
        copy.forEach(RecordedProbes::family);
        return new Replay(copy);
    }

    private record Replay(List<Fact> facts) implements Prober {
        @Override
        public List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink sink, Consumer<Warning> warnings) {
            List<InputSummary> out = Prober.handOver(facts, sink, warnings);
            if (out.isEmpty()) {
                warnings.accept(new Warning("probe", 0, "the recorded probes hold no result"));
            }
            return out;
        }
    }

    // ---- recording --------------------------------------------------------------------------------

    /**
     * Wraps {@code prober} so that the facts it sends are kept: run a {@code Sonde} built with
     * {@code .prober(recorder)}, then {@link Recorder#write(Path)} what the run saw.
     */
    public static Recorder recording(Prober prober) {
        return new Recorder(prober);
    }

    /**
     * A {@link Prober} that runs another one and keeps the facts of its most recent run, in the order they were
     * sent (runs that overlap share one list: use one recorder per run then).
     */
    public static final class Recorder implements Prober {
        private final Prober delegate;
        private final List<Fact> facts = new ArrayList<>();

        private Recorder(Prober delegate) {
            this.delegate = Objects.requireNonNull(delegate, "prober");
        }

        @Override
        public List<InputSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink sink, Consumer<Warning> warnings) {
            synchronized (facts) {
                facts.clear();
            }
            return delegate.run(catalog, options, f -> {
                synchronized (facts) {
                    facts.add(f);
                }
                sink.add(f);
            }, warnings);
        }

        /** The facts sent by the most recent run. */
        public List<Fact> facts() {
            synchronized (facts) {
                return List.copyOf(facts);
            }
        }

        /**
         * Writes the facts of the most recent run to {@code file} ({@link RecordedProbes#write(Collection, Path)}).
         *
         * @return how many facts were written
         * @throws IOException when the file cannot be written
         */
        public int write(Path file) throws IOException {
            List<Fact> recorded = facts();
            RecordedProbes.write(recorded, file);
            return recorded.size();
        }
    }
}
