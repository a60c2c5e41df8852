package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.schemes;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link ProxyEventDecoder}: its documented sample, and the 407, {@code Proxy-Authenticate} and fallback wordings around it. */
class ProxyEventDecoderTest {

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(ProxyEventDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(10);
            ProxyEvent.Kind auth = ProxyEvent.Kind.AUTH_REQUIRED;
            ProxyEvent.Kind direct = ProxyEvent.Kind.DIRECT_FALLBACK;
            List<Tuple> expected = List.of(
                    Tuple.tuple(auth, List.of("NTLM", "Negotiate", "Basic", "Digest"), ""),
                    Tuple.tuple(auth, List.of("Negotiate", "NTLM"), ""),
                    Tuple.tuple(auth, List.of("Basic"), "proxy.corp.example:8080"),
                    Tuple.tuple(auth, List.of(), "10.0.0.5:8080"),
                    Tuple.tuple(auth, List.of(), ""),
                    Tuple.tuple(auth, List.of(), ""),
                    Tuple.tuple(direct, List.of(), ""),
                    Tuple.tuple(direct, List.of(), "10.0.0.5:3128"),
                    Tuple.tuple(direct, List.of(), ""),
                    Tuple.tuple(direct, List.of(), ""));
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k, ProxyEvent.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(ProxyEvent::kind, ProxyEvent::schemes, ProxyEvent::proxy).containsExactly(expected.get(k));
            }
            assertThat(s.facts(0, ProxyEvent.class).get(0).source().text()).endsWith("Proxy Authentication Required\n"
                    + "Proxy-Authenticate: NTLM\nproxy-authenticate: negotiate\n"
                    + "Proxy-Authenticate: Basic realm=\"Corp, Inc\", charset=\"UTF-8\"\n"
                    + "Proxy-Authenticate: Digest realm=\"x\", nonce=\"abc\", qop=\"auth\"");
        }
    }

    @Test
    void proxyFallbackToDirect() {
        ReadResult r = trace(A + "Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f");
        assertThat(r.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.DIRECT_FALLBACK);
            assertThat(p.schemes()).isEmpty();
            assertThat(p.proxy()).isEmpty();
        });
        assertThat(r.networkErrors()).extracting(NetworkError::code).containsExactly(NetworkErrorCode.SECURE_FAILURE);

        ReadResult withAddress = trace(T + "Request through proxy 10.0.0.5:3128 failed (error 12029); retrying direct.");
        assertThat(withAddress.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.DIRECT_FALLBACK);
            assertThat(p.proxy()).isEqualTo("10.0.0.5:3128");
        });
        assertThat(trace(T + "Using WinHTTP proxy proxy.corp:8080").proxyEvents()).isEmpty();
        assertThat(trace(T + "Direct access (no proxy server).").proxyEvents()).isEmpty();
        assertThat(trace(T + "Bypassing proxy for local addresses").proxyEvents()).isEmpty();
        assertThat(trace(T + "Connecting without proxy").proxyEvents()).isEmpty();
        assertThat(trace(T + "Proxy failed; retrying without the proxy").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
        assertThat(trace(T + "Proxy unreachable, falling back to direct connection").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
    }

    @Test
    void proxyAuthenticationRequired() {
        assertThat(schemes(T + "HTTP/1.1 407 Proxy Authentication Required", "Proxy-Authenticate: NTLM",
                "proxy-authenticate: negotiate", "Proxy-Authenticate: Basic realm=\"Corp, Inc\", charset=\"UTF-8\"",
                "Proxy-Authenticate: Digest realm=\"x\", nonce=\"abc\", qop=\"auth\""))
                .containsExactly("NTLM", "Negotiate", "Basic", "Digest");
        assertThat(schemes(T + "Response status 407")).isEmpty();
        assertThat(schemes(A + "Status code: 407")).isEmpty();
        assertThat(schemes(A + "The proxy said: Proxy Authentication Required")).isEmpty();
        assertThat(schemes(A + "Proxy-Authenticate: Negotiate, NTLM")).containsExactly("Negotiate", "NTLM");
        assertThat(schemes(A + "Proxy-Authenticate: Kerberos")).containsExactly("Kerberos");
        assertThat(schemes(A + "Proxy-Authenticate: Bearer realm=\"x\"")).containsExactly("Bearer");
        assertThat(schemes(A + "Request to https://www.googleapis.com failed: HTTP 407")).isEmpty();
        assertThat(schemes(A + "Got HTTP status code 407 from the proxy")).isEmpty();
        assertThat(trace(T + "Proxy-Authenticate header missing; see https://example.com").proxyEvents()).isEmpty();
        assertThat(trace(T + "HTTP/1.1 200 OK").proxyEvents()).isEmpty();
        assertThat(trace(T + "Proxy-Authorization header sent").proxyEvents()).isEmpty();
        assertThat(trace(T + "Uploaded 407 items").proxyEvents()).isEmpty();
    }

    @Test
    void moreProxyWordings() {
        assertThat(trace(T + "Proxy failed (error 12029); retry without WinHTTP proxy").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
        assertThat(schemes(A + "The proxy server requires authentication")).isEmpty();
        assertThat(schemes(A + "Proxy authentication is required (NTLM)")).isEmpty();
        assertThat(schemes(T + "Received 407 from the proxy")).isEmpty();
        ReadResult answered = trace(A + "Proxy 10.0.0.5:8080 answered 407");
        assertThat(answered.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
            assertThat(p.proxy()).isEqualTo("10.0.0.5:8080");
        });
        assertThat(trace(T + "Proxy: none; 407 items synchronized").proxyEvents()).isEmpty();
        assertThat(trace(T + "Downloaded message: \"Fwd: proxy vote 407 results\"").proxyEvents()).isEmpty();
        assertThat(trace(T + "Downloaded message: \"Retry without proxy next time\"").proxyEvents()).isEmpty();
    }
}
