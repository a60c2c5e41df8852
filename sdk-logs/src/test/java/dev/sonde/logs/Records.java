package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import java.util.Set;

/** Short logs for the decoders' tests: the two record prefixes, and what a few records read as. */
final class Records {

    /** A trace record's prefix; its executable names no product, so no ClientInfo. */
    static final String T = SampleLog.TRACE;
    /** An authorization record's prefix. */
    static final String A = SampleLog.AUTHORIZATION;

    private Records() {
    }

    /** Reads lines as one log. */
    static ReadResult trace(String... lines) {
        return ReadResult.read("t.log", String.join("\n", lines) + "\n");
    }

    /** The flags of the one TLS failure read. */
    static Set<SecurityFlag> flags(ReadResult r) {
        assertThat(r.tlsFailures()).hasSize(1);
        return r.tlsFailures().get(0).flags();
    }

    /** The codes of the network errors one line reads as. */
    static List<NetworkErrorCode> codes(String line) {
        return trace(line).networkErrors().stream().map(NetworkError::code).toList();
    }

    /** The operation of the one network error a line reads as. */
    static String operation(String line) {
        List<NetworkError> errors = trace(line).networkErrors();
        assertThat(errors).hasSize(1);
        return errors.get(0).operation();
    }

    /** The schemes of the one AUTH_REQUIRED proxy event (and no other) the lines read as. */
    static List<String> schemes(String... lines) {
        ReadResult r = trace(lines);
        assertThat(r.proxyEvents()).singleElement().extracting(ProxyEvent::kind).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
        return r.proxyEvents().get(0).schemes();
    }

    /** The one certificate the lines read as. */
    static Certificate cert(String... lines) {
        ReadResult r = trace(lines);
        assertThat(r.certificates()).hasSize(1);
        return r.certificates().get(0);
    }
}
