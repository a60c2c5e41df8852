package dev.sonde.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {

    @Test
    void describesAFailureByTheFirstThrowableOfItsChainThatSaysSomething() {
        // the JDK client's ConnectException often has no message; its cause says what happened
        Throwable refused = new ConnectException();
        refused.initCause(new ConnectException("Connection refused"));
        assertThat(HttpErrors.describe(refused)).isEqualTo("ConnectException: Connection refused");
        assertThat(HttpErrors.describe(new IOException(" "))).isEqualTo("IOException");
        assertThat(HttpErrors.describe(new IOException("closed"))).isEqualTo("IOException: closed");
    }

    @Test
    void findsATypeAnywhereInTheChain() {
        assertThat(HttpErrors.has(new IOException(new HttpConnectTimeoutException("slow")), java.net.http.HttpTimeoutException.class))
                .isTrue();
        assertThat(HttpErrors.has(new IOException("x"), ConnectException.class)).isFalse();
    }
}
