package dev.sonde.probes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a proxy's answer head: bounded, tolerant of folding and bare LF, body never read. */
class HttpHeadTest {

    private static HttpHead read(String text) throws IOException {
        return HttpHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void statusAndRepeatedHeadersAreRead() throws IOException {
        HttpHead h = read("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: NTLM\r\n"
                + "proxy-authenticate: Basic realm=\"x\"\r\nVia: 1.1 squid\r\nContent-Length: 5\r\n\r\nbody!");

        assertThat(h.status()).isEqualTo(407);
        assertThat(h.values("Proxy-Authenticate")).containsExactly("NTLM", "Basic realm=\"x\"");
        assertThat(h.first("via")).isEqualTo("1.1 squid");
        assertThat(h.first("Server")).isEmpty();
    }

    @Test
    void foldedLinesAndBareLineFeedsAreAccepted() throws IOException {
        HttpHead h = read("HTTP/1.0 407 Auth\nProxy-Authenticate: Digest realm=\"corp\",\n\tnonce=\"abc\"\n\n");

        assertThat(h.values("Proxy-Authenticate")).containsExactly("Digest realm=\"corp\", nonce=\"abc\"");
    }

    @Test
    void nonHttpShortAndOversizedHeadsAreRejected() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH_9.2\r\n\r\n")).isInstanceOf(HttpHead.Malformed.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(EOFException.class).hasMessage("closed without answering");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nVia: x\r\n")).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nX: " + "a".repeat(HttpHead.MAX_BYTES) + "\r\n\r\n"))
                .isInstanceOf(HttpHead.Malformed.class)
                .hasMessageContaining("larger than");
    }
}
