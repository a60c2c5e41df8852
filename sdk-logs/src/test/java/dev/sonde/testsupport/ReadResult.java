package dev.sonde.testsupport;

import dev.sonde.LogInput;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TlsFailure;
import dev.sonde.spi.LogReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * What a log reader made of one input: the facts in order, the warnings and the summary. Helpers
 * give a normalised view of the facts for comparing variants of one log.
 */
public record ReadResult(List<Fact> facts, List<Warning> warnings, InputSummary summary) {

    /** Reads one input with the {@link LogReader} found on the class path (the SPI entry point). */
    public static ReadResult read(LogInput input) {
        return read(reader(), input, Instant.now().plusSeconds(600));
    }

    /** Reads a log held in a string. */
    public static ReadResult read(String name, String text) {
        return read(LogInput.ofText(name, text));
    }

    /** Reads a log held as bytes (encoding detected). */
    public static ReadResult read(String name, byte[] bytes) {
        return read(LogInput.ofBytes(name, bytes));
    }

    /** Reads with a given reader and deadline. */
    public static ReadResult read(LogReader reader, LogInput input, Instant deadline) {
        List<Fact> facts = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        InputSummary summary = reader.read(input, facts::add, warnings::add, deadline);
        return new ReadResult(List.copyOf(facts), List.copyOf(warnings), summary);
    }

    /** The log reader registered with {@link ServiceLoader}. */
    public static LogReader reader() {
        return ServiceLoader.load(LogReader.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no LogReader on the class path"));
    }

    /**
     * The warnings that report a failure of the reader itself, swallowed so that reading goes on: a record a
     * decoder threw on ("could not be decoded (an internal error, logged)"), or reading stopped by an exception
     * that is not an I/O error ("an internal error (logged)"). A "never throws" property must also find none:
     * a decoder that throws on every record would otherwise pass it.
     */
    public List<Warning> internalErrors() {
        return warnings.stream()
                .filter(w -> w.message().contains("could not be decoded") || w.message().contains("internal error"))
                .toList();
    }

    public <T extends Fact> List<T> of(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    public List<TlsFailure> tlsFailures() {
        return of(TlsFailure.class);
    }

    public List<Certificate> certificates() {
        return of(Certificate.class);
    }

    public List<NetworkError> networkErrors() {
        return of(NetworkError.class);
    }

    public List<Destination> destinations() {
        return of(Destination.class);
    }

    public List<ProxyEvent> proxyEvents() {
        return of(ProxyEvent.class);
    }

    public List<ClientInfo> clientInfos() {
        return of(ClientInfo.class);
    }

    /**
     * The facts with what may legitimately differ between variants of one log removed: line numbers
     * set to 0 and line ends in evidence text normalised. Keeps everything else (values, times, threads).
     */
    public List<Fact> withoutLineNumbers() {
        return facts.stream().map(ReadResult::normalise).collect(Collectors.toList());
    }

    /** {@link #withoutLineNumbers()} without the servers' answers ({@link ServerAnswer}): what healthy chatter leaves alone. */
    public List<Fact> withoutLineNumbersOrAnswers() {
        return withoutLineNumbers().stream().filter(f -> !(f instanceof ServerAnswer)).collect(Collectors.toList());
    }

    /** A fact with its source's line number set to 0 and its text's line ends normalised to LF. */
    public static Fact normalise(Fact f) {
        Evidence s = new Evidence(f.source().file(), 0, f.source().text().replace("\r\n", "\n").replace('\r', '\n'));
        if (f instanceof TlsFailure t) {
            return new TlsFailure(t.flags(), t.time(), t.thread(), s);
        }
        if (f instanceof Certificate c) {
            return new Certificate(c.subject(), c.issuer(), c.notBefore(), c.notAfter(), c.time(), c.thread(), s);
        }
        if (f instanceof NetworkError e) {
            return new NetworkError(e.code(), e.operation(), e.time(), e.thread(), s);
        }
        if (f instanceof Destination d) {
            return new Destination(d.ip(), d.port(), d.hostName(), d.time(), d.thread(), s);
        }
        if (f instanceof ProxyEvent p) {
            return new ProxyEvent(p.kind(), p.schemes(), p.proxy(), p.time(), p.thread(), s);
        }
        if (f instanceof ClientInfo c) {
            return new ClientInfo(c.product(), c.exe(), c.version(), c.time(), c.thread(), s);
        }
        if (f instanceof ServerAnswer a) {
            return new ServerAnswer(a.host(), a.url(), a.address(), a.port(), a.status(), a.time(), a.thread(), s);
        }
        return f;
    }
}
