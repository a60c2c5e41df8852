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

    /**
     * The {@link TriggerScan} bit of each decoder's {@code NEEDS}: words one of which a record must hold (on any of its
     * lines) for that decoder to find anything in the lines offered to it, as its own code shows (each list says why).
     * A decoder whose words are absent is not run: it would give nothing. {@code HTTP status 200} and {@code maxResults}
     * hold trigger words (a fifth of the lines of a busy log each); the first is read by the server-answer decoder
     * alone, the second by none. {@code PrefilterEquivalenceTest} checks the result against every decoder run on
     * every record.
     */
    static final int CERTIFICATE = 1 << 1;
    static final int NETWORK_ERROR = 1 << 2;
    static final int TLS_FAILURE = 1 << 3;
    static final int DESTINATION = 1 << 4;
    static final int PROXY_EVENT = 1 << 5;
    static final int SERVER_ANSWER = 1 << 6;
    /** Every decoder's bit. */
    static final int NEEDS = CERTIFICATE | NETWORK_ERROR | TLS_FAILURE | DESTINATION | PROXY_EVENT | SERVER_ANSWER;

    /** The lists {@link TriggerScan#DECODERS} looks for: the trigger words (bit 0), then each decoder's needs. */
    static final List<List<String>> WORD_LISTS = List.of(TRIGGERS, CertificateDecoder.NEEDS, NetworkErrorDecoder.NEEDS,
            TlsFailureDecoder.NEEDS, DestinationDecoder.NEEDS, ProxyEventDecoder.NEEDS, ServerAnswerDecoder.NEEDS);

    private final String file;
    private final boolean gated;
    private final RepeatedAnswers repeats = new RepeatedAnswers();
    private final AnchoredPattern.Matchers matchers = new AnchoredPattern.Matchers();

    /** A decoder that runs every decoder on every record. */
    RecordDecoder(String file) {
        this(file, false);
    }

    /** @param gated true to run a decoder only on a record that holds one of its {@link #NEEDS} words */
    RecordDecoder(String file, boolean gated) {
        this.file = file;
        this.gated = gated;
    }

    /** The facts in a record, in a stable order. */
    List<Fact> decode(LogRecord record) {
        int needs = gated ? record.needs() : NEEDS;
        if ((needs & NEEDS) == 0) {
            return List.of(); // no decoder would find anything: its lines are not even lower-cased
        }
        return decode(RecordText.of(file, record, matchers), needs);
    }

    /** The facts in a record's lines offered to the decoders, in a stable order, every decoder run. */
    List<Fact> decode(RecordText all) {
        return decode(all, NEEDS);
    }

    /**
     * The facts in a record's lines offered to the decoders, in a stable order, running the decoders whose bits
     * {@code needs} has (a decoder left out gives nothing: its result is the empty one).
     */
    private List<Fact> decode(RecordText all, int needs) {
        if (all.isEmpty()) {
            return List.of();
        }
        CertificateDecoder.Found certificates = (needs & CERTIFICATE) != 0 ? CertificateDecoder.decode(all) : CertificateDecoder.NONE;
        RecordText r = all.without(certificates.lines());
        List<NetworkErrorDecoder.Named> codes = (needs & NETWORK_ERROR) != 0 ? NetworkErrorDecoder.find(r) : List.of();
        // the TLS decoder also reads the security flags of the codes found
        Optional<TlsFailure> tls = (needs & TLS_FAILURE) != 0 || !codes.isEmpty() ? TlsFailureDecoder.decode(r, codes) : Optional.empty();
        List<NetworkError> errors = NetworkErrorDecoder.decode(r, codes);

        boolean failed = tls.isPresent() || !errors.isEmpty();
        // with a failure, a connection's address is read from any line
        List<Destination> destinations = (needs & DESTINATION) != 0 || failed ? DestinationDecoder.decode(r, failed) : List.of();
        List<ProxyEvent> proxies = (needs & PROXY_EVENT) != 0 ? ProxyEventDecoder.decode(r) : List.of();
        boolean failure = failed || !proxies.isEmpty();
        List<ServerAnswer> answers = (needs & SERVER_ANSWER) != 0 ? ServerAnswerDecoder.decode(r, failure, destinations, repeats) : List.of();
        if (certificates.certificates().isEmpty() && !failed && destinations.isEmpty() && proxies.isEmpty() && answers.isEmpty()) {
            return List.of(); // most decoded records (a repeated answer) give nothing
        }
        List<Fact> out = new ArrayList<>(certificates.certificates());
        tls.ifPresent(out::add);
        out.addAll(errors);
        out.addAll(destinations);
        out.addAll(proxies);
        for (ServerAnswer a : answers) {
            out.add(a);
            out.addAll(DateHeaderDecoder.decode(r, a));
        }
        return out;
    }
}
