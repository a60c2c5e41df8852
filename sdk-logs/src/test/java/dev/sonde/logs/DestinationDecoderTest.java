package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Destination;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link DestinationDecoder}: its documented sample, and the address forms around it. */
class DestinationDecoderTest {

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(DestinationDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(7);
            List<List<Tuple>> expected = List.of(
                    List.of(Tuple.tuple("216.58.194.170", 443, "sfo07s13-in-f170.1e100.net")),
                    List.of(Tuple.tuple("2607:f8b0::1", 443, "lhr25s34-in-x01.1e100.net")),
                    List.of(Tuple.tuple("127.0.0.1", 8888, "")),
                    List.of(Tuple.tuple("142.250.1.1", 443, "www.googleapis.com")), // the address is the literal
                    List.of(Tuple.tuple("142.250.74.46", 443, "")),
                    List.of(Tuple.tuple("216.239.36.223", 443, "")),
                    List.of(Tuple.tuple("142.250.74.46", 443, "par10s40-in-f14.1e100.net"))); // the details, not the connection
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k, Destination.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(Destination::ip, Destination::port, Destination::hostName).isEqualTo(expected.get(k));
            }
            // the connection's address counts because the record reports an error, which is read too
            assertThat(s.facts(4, NetworkError.class)).extracting(NetworkError::code).containsExactly(NetworkErrorCode.TIMEOUT);
            assertThat(s.facts(5, NetworkError.class)).extracting(NetworkError::code).containsExactly(NetworkErrorCode.WSAETIMEDOUT);
            assertThat(s.facts(6, Destination.class).get(0).source().text()).endsWith("failed: error 12029\n"
                    + "Network connection destination details: 142.250.74.46:443 (par10s40-in-f14.1e100.net)");
        }
    }

    @Test
    void destinations() {
        ReadResult v4 = trace(A + "Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)");
        assertThat(v4.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("216.58.194.170");
            assertThat(d.port()).isEqualTo(443);
            assertThat(d.hostName()).isEqualTo("sfo07s13-in-f170.1e100.net");
        });
        ReadResult v6 = trace(T + "network connection DESTINATION DETAILS:[2607:f8b0::1]:443 ( lhr25s34-in-x01.1e100.net )");
        assertThat(v6.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("2607:f8b0::1");
            assertThat(d.port()).isEqualTo(443);
            assertThat(d.hostName()).isEqualTo("lhr25s34-in-x01.1e100.net");
        });
        ReadResult noName = trace(T + "Destination: 127.0.0.1:8888");
        assertThat(noName.destinations()).singleElement().satisfies(d -> {
            assertThat(d.hostName()).isEmpty();
            assertThat(d.loopback()).isTrue();
        });
        assertThat(trace(T + "destination details: 1.2.3.4:99999").destinations()).isEmpty();

        ReadResult failedConnection = trace(T + "Connection to 142.250.74.46:443 timed out (error 12002)");
        assertThat(failedConnection.destinations()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("142.250.74.46:443");
            assertThat(d.hostName()).isEmpty();
        });
        assertThat(trace(T + "Connection to 142.250.74.46:443 established").destinations()).isEmpty();
        ReadResult both = trace(T + "Connecting to 10.0.0.9:443 failed: error 12029",
                "Network connection destination details: 142.250.74.46:443 (par10s40-in-f14.1e100.net)");
        assertThat(both.destinations()).extracting(d -> d.address()).containsExactly("142.250.74.46:443");
    }

    @Test
    void aDestinationNamedFirstKeepsTheAddressAsItsAddress() {
        assertThat(trace(A + "Network connection destination details: www.googleapis.com:443 (142.250.1.1)").destinations())
                .singleElement().satisfies(d -> {
                    assertThat(d.ip()).isEqualTo("142.250.1.1");
                    assertThat(d.hostName()).isEqualTo("www.googleapis.com");
                });
        assertThat(trace(T + "Destination: localhost:8888 ([::1])").destinations()).singleElement()
                .satisfies(d -> assertThat(d.loopback()).isTrue());
        assertThat(trace(T + "Destination: proxy.corp.example:8080 (branch proxy)").destinations()).singleElement()
                .satisfies(d -> assertThat(d.ip()).isEqualTo("proxy.corp.example"));
    }

    @Test
    void moreDestinationWordings() {
        assertThat(trace(T + "connect() to 216.239.36.223:443 failed, WSAETIMEDOUT (10060)").destinations())
                .extracting(d -> d.address()).containsExactly("216.239.36.223:443");
    }
}
