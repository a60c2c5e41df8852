package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Target;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.model.Magnitude;
import dev.sonde.rules.model.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

class CauseCheckTest {

    private static final Explanation ON_TARGET =
            new Explanation("TLS_INTERCEPTION", "URL_BLOCKED", Where.TARGET, false, Magnitude.NONE);

    private static TargetSpan span(String host, int port) {
        return new TargetSpan(new Target(host, "", port, "", ""), List.of(), List.of(), List.of(), Target.State.ONGOING);
    }

    @Test
    void aTargetLinkHoldsOnTheSameHostAndPort() {
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("localhost", 4431))).isTrue();
    }

    @Test
    void aTargetLinkHoldsWhenEitherPortIsUnknown() {
        assertThat(CauseCheck.holds(ON_TARGET, span("mail.google.com", 0), span("mail.google.com", 443))).isTrue();
        assertThat(CauseCheck.holds(ON_TARGET, span("mail.google.com", 443), span("mail.google.com", 0))).isTrue();
    }

    @Test
    void oneNameOnAnotherPortIsAnotherServerSoATargetLinkDoesNotHold() {
        // issue 10 loopback lab: interception on localhost:4431 explained the blocked URL on localhost:4432
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("localhost", 4432))).isFalse();
    }

    @Test
    void anotherHostIsAnotherTarget() {
        assertThat(CauseCheck.holds(ON_TARGET, span("localhost", 4431), span("example.test", 4431))).isFalse();
    }
}
