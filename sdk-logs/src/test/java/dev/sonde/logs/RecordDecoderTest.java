package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.codes;
import static dev.sonde.logs.Records.flags;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.Fact;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decoders of one record do together: certificate lines, healthy records, quoted content, the order of facts. */
class RecordDecoderTest {

    @Test
    void certificateValuesDoNotTriggerOtherDecoders() {
        ReadResult r = trace(T + "Certificate details:", "---Subject---", "Proxy Error Code 12002 Inc",
                "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA", "---Issuer----", "Destination: 1.2.3.4:443", "-------------");
        assertThat(r.facts()).hasSize(1).allMatch(f -> f instanceof Certificate);
    }

    @Test
    void healthyRecordsGiveNoFactsButTheServersAnswer() {
        List<Fact> facts = trace(
                T + "Sync pass started for folder Inbox.",
                T + "Request completed. HTTP status: 200, 1432 bytes received.",
                T + "Setting event 0000000000001638.",
                T + "Uploaded 3 events, 0 errors.",
                T + "Using proxy settings: direct access",
                T + "Certificate revocation check succeeded for *.google.com",
                T + "Token refresh result: OK (code 200)").facts();
        // only the answer, a success that says the path worked then (for ongoing / resolved findings)
        assertThat(facts).singleElement().isInstanceOfSatisfying(ServerAnswer.class, a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.success()).isTrue();
            assertThat(a.failure()).isFalse();
            assertThat(a.source().line()).isEqualTo(2);
        });
    }

    @Test
    void singleQuotedContentIsNotReadButApostrophesAreNoQuotes() {
        assertThat(trace(T + "Calendar event 'TLS failure post-mortem' moved to Friday").tlsFailures()).isEmpty();
        assertThat(trace(T + "Task 'Proxy returned 407 - fix' completed").proxyEvents()).isEmpty();
        // the apostrophes of server's / can't do not hide what follows them
        assertThat(codes(A + "Can't reach the server's address: The operation timed out")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(flags(trace(T + "The server's certificate: secure connection failure, it's bad")).isEmpty()).isTrue();
    }

    @Test
    void factsComeInAStableOrderWhateverTheLinesSay() {
        ReadResult r = trace(T + "Request through proxy 10.0.0.5:3128 failed (error 12045); retrying direct.",
                "Network connection destination details: 142.250.74.46:443",
                "Certificate details:", "---Subject---", "*.google.com", "-------------");
        assertThat(r.facts()).extracting(f -> f.getClass().getSimpleName())
                .containsExactly("Certificate", "TlsFailure", "NetworkError", "Destination", "ProxyEvent");
    }
}
