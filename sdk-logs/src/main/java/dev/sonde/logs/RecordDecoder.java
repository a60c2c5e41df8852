package dev.sonde.logs;

import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TlsFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns one complete record (first line plus continuations) into facts, by asking one small decoder per fact
 * kind. Both log formats print the same WinHTTP messages, so the decoders serve both:
 *
 * <ul>
 *   <li>{@link CertificateDecoder}: {@code Certificate details:} blocks and labelled one-line forms; the lines of
 *       a block are the certificate's, the other decoders do not read them;</li>
 *   <li>{@link NetworkErrorDecoder}: error numbers, names and message texts, and the failing WinHTTP call;</li>
 *   <li>{@link TlsFailureDecoder}: the Status / Info bitmask, flag names, TLS failure words, and the flags of the
 *       certificate errors the record names;</li>
 *   <li>{@link DestinationDecoder}: where the connection went (a connection's address only when the record
 *       reports a network error or a TLS failure);</li>
 *   <li>{@link ProxyEventDecoder}: an authenticating proxy, a fallback to direct;</li>
 *   <li>{@link ServerAnswerDecoder}: a server's answer or a stated success, in a record that reports no failure;</li>
 *   <li>{@link DateHeaderDecoder}: that answer's {@code Date} header against the line's time.</li>
 * </ul>
 *
 * Each reads the same {@link RecordText} and hands back facts; what one passes to another is named in its
 * signature. Facts come in a stable order: certificates, the TLS failure, errors, destinations, proxy events, the
 * server's answer and its Date.
 * The client's name and version ({@link ClientInfoDecoder}) are the file's, not a record's.
 */
final class RecordDecoder {

    /**
     * Words one of which a line must hold (lower-cased) to be read at all: every decoder's. A line holding any
     * of them is offered to every decoder (a cheap first scan most lines of a log fail); {@link TriggerScan} looks
     * for them all in one pass, on the line's bytes when it is plain ASCII.
     */
    static final List<String> TRIGGERS = Stream.of(NetworkErrorDecoder.TRIGGERS, TlsFailureDecoder.TRIGGERS,
            DestinationDecoder.TRIGGERS, ProxyEventDecoder.TRIGGERS, CertificateDecoder.TRIGGERS,
            ServerAnswerDecoder.TRIGGERS)
            .flatMap(List::stream).distinct().toList();

    private final String file;
    private final RepeatedAnswers repeats = new RepeatedAnswers();

    RecordDecoder(String file) {
        this.file = file;
    }

    /** The facts in a record, in a stable order. */
    List<Fact> decode(LogRecord record) {
        return decode(RecordText.of(file, record));
    }

    /** The facts in a record's lines offered to the decoders, in a stable order. */
    List<Fact> decode(RecordText all) {
        if (all.isEmpty()) {
            return List.of();
        }
        CertificateDecoder.Found certificates = CertificateDecoder.decode(all);
        RecordText r = all.without(certificates.lines());
        List<NetworkErrorDecoder.Named> codes = NetworkErrorDecoder.find(r);
        Optional<TlsFailure> tls = TlsFailureDecoder.decode(r, codes);
        List<NetworkError> errors = NetworkErrorDecoder.decode(r, codes);

        List<Fact> out = new ArrayList<>(certificates.certificates());
        tls.ifPresent(out::add);
        out.addAll(errors);
        List<Destination> destinations = DestinationDecoder.decode(r, tls.isPresent() || !errors.isEmpty());
        List<ProxyEvent> proxies = ProxyEventDecoder.decode(r);
        out.addAll(destinations);
        out.addAll(proxies);
        for (ServerAnswer a : ServerAnswerDecoder.decode(r, tls.isPresent() || !errors.isEmpty() || !proxies.isEmpty(), destinations, repeats)) {
            out.add(a);
            out.addAll(DateHeaderDecoder.decode(r, a));
        }
        return out;
    }
}
