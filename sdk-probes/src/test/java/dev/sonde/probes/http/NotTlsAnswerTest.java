package dev.sonde.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.tls.TlsChainProbe;
import dev.sonde.probes.tls.TlsChainResult;
import dev.sonde.testsupport.net.FixedAnswerServer;
import dev.sonde.testsupport.net.LoopbackPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server on 127.0.0.1 that answers the ClientHello with something that is not TLS (plain HTTP, an SMTP banner,
 * random bytes) is a bad response for both the URL probe and the chain probe, never an untrusted chain.
 */
class NotTlsAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static Stream<byte[]> answers() {
        Random seeded = new Random(10);
        Stream.Builder<byte[]> b = Stream.builder();
        b.add("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        b.add("220 mail.example.test ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 4; i++) {
            byte[] noise = new byte[64 + seeded.nextInt(512)];
            seeded.nextBytes(noise);
            noise[0] = (byte) (0x30 + i); // never a TLS content type (20..24): noise, not a malformed record
            b.add(noise);
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("answers")
    void theUrlProbeCallsItABadResponse(byte[] answer) {
        try (LoopbackPki pki = LoopbackPki.start(); FixedAnswerServer server = FixedAnswerServer.answering(answer)) {
            UrlProbe probe = new UrlProbe(pki.genuineAnchors(), HttpClient.Builder.NO_PROXY, Clock.systemUTC(), TIMEOUT);
            ProbeOutcome<UrlReason> o = probe.probe(URI.create("https://127.0.0.1:" + server.port() + "/"), Deadline.after(TIMEOUT));

            assertThat(o.reason()).as(o.detail(UrlProbe.ERROR)).isEqualTo(UrlReason.BAD_RESPONSE);
            assertThat(o.status()).isEqualTo(ProbeStatus.PROBLEM);
        }
    }

    @ParameterizedTest
    @MethodSource("answers")
    void theChainProbeCallsItABadResponse(byte[] answer) {
        try (LoopbackPki pki = LoopbackPki.start(); FixedAnswerServer server = FixedAnswerServer.answering(answer)) {
            TlsChainResult r = new TlsChainProbe(pki.genuineAnchors(), Clock.systemUTC())
                    .probe("127.0.0.1", server.port(), "mail.google.com", Deadline.after(TIMEOUT));

            assertThat(r.outcome().reason()).as(r.outcome().detail(TlsChainProbe.ERROR)).isEqualTo(TlsReason.BAD_RESPONSE);
            assertThat(r.problems()).doesNotContain(TlsReason.UNTRUSTED_CHAIN);
            assertThat(r.chain()).isEmpty();
        }
    }
}
