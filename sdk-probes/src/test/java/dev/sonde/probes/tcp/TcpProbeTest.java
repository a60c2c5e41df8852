package dev.sonde.probes.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.TcpReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.testsupport.net.BlackHolePort;
import dev.sonde.testsupport.net.ClosedPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP connects to real loopback ports: open, closed, and silently dropping. */
class TcpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final TcpProbe probe = new TcpProbe();

    @Test
    void listeningPortConnects() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeOutcome<TcpReason> r = probe.probe("127.0.0.1", listening.getLocalPort(), Deadline.after(TIMEOUT));

            assertThat(r.status()).isEqualTo(ProbeStatus.OK);
            assertThat(r.reason()).isEqualTo(TcpReason.CONNECTED);
            assertThat(r.detail(TcpProbe.ADDRESS)).isEqualTo("127.0.0.1");
            assertThat(r.target()).isEqualTo("127.0.0.1:" + listening.getLocalPort());
        }
    }

    @Test
    void closedPortIsRefused() {
        int port = ClosedPort.allocate().port();

        ProbeOutcome<TcpReason> r = probe.probe("127.0.0.1", port, Deadline.after(TIMEOUT));

        assertThat(r.status()).isEqualTo(ProbeStatus.PROBLEM);
        assertThat(r.reason()).isEqualTo(TcpReason.REFUSED);
        assertThat(r.detail(TcpProbe.ATTEMPTS)).isEqualTo("127.0.0.1=REFUSED");
        assertThat(r.elapsed()).isLessThan(TIMEOUT);
    }

    @Test
    void everyAddressOfANameIsTried() {
        int port = ClosedPort.allocate().port();
        TcpProbe twoAddresses = new TcpProbe((host, deadline) ->
                List.of(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1")));

        ProbeOutcome<TcpReason> r = twoAddresses.probe("localhost", port, Deadline.after(TIMEOUT));

        assertThat(r.reason()).isEqualTo(TcpReason.REFUSED);
        assertThat(r.detail(TcpProbe.ATTEMPTS)).isEqualTo("0:0:0:0:0:0:0:1=REFUSED 127.0.0.1=REFUSED");
    }

    @Test
    void droppedSynsTimeOutWithinTheDeadline() {
        try (BlackHolePort hole = BlackHolePort.droppingSyns()) {
            ProbeOutcome<TcpReason> r = probe.probe("127.0.0.1", hole.port(), Deadline.after(SHORT));

            assertThat(r.reason()).isEqualTo(TcpReason.TIMED_OUT);
            assertThat(r.elapsed()).isGreaterThanOrEqualTo(SHORT.minusMillis(50));
            assertThat(r.elapsed()).isLessThan(SHORT.plus(SLACK)); // sanity bound, not a performance claim
        }
    }

    @Test
    void aPortThatAcceptsButNeverAnswersIsOpenForTcp() {
        // honest: TCP only learns that the port accepts; the silence shows in TLS, HTTP and proxy probes
        try (BlackHolePort hole = BlackHolePort.accepting()) {
            assertThat(probe.probe("127.0.0.1", hole.port(), Deadline.after(TIMEOUT)).reason()).isEqualTo(TcpReason.CONNECTED);
        }
    }

    @Test
    void unresolvableNameIsADnsFailure() {
        TcpProbe noDns = new TcpProbe((host, deadline) -> {
            throw new UnknownHostException(host);
        });
        TcpProbe slowDns = new TcpProbe((host, deadline) -> {
            throw new HostResolver.DnsTimeoutException(host);
        });

        ProbeOutcome<TcpReason> failed = noDns.probe("oauth2.googleapis.com", 443, Deadline.after(TIMEOUT));
        ProbeOutcome<TcpReason> slow = slowDns.probe("oauth2.googleapis.com", 443, Deadline.after(TIMEOUT));

        assertThat(failed.reason()).isEqualTo(TcpReason.DNS_FAILED);
        assertThat(failed.target()).isEqualTo("oauth2.googleapis.com:443");
        assertThat(slow.reason()).isEqualTo(TcpReason.DNS_FAILED);
        assertThat(slow.detail(TcpProbe.ATTEMPTS)).isEqualTo("dns timed out");
    }

    @Test
    void systemResolverParsesLiteralsWithoutLookingThemUp() throws IOException {
        HostResolver system = HostResolver.system();

        assertThat(system.resolve("127.0.0.1", Deadline.after(TIMEOUT))).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(system.resolve("[::1]", Deadline.after(TIMEOUT))).containsExactly(InetAddress.getByName("::1"));
        assertThat(system.resolve("localhost", Deadline.after(TIMEOUT))).allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void errorsAreClassifiedByKind() {
        Deadline later = Deadline.after(TIMEOUT);

        assertThat(Connections.classify(new ConnectException("Connection refused"), later)).isEqualTo(TcpReason.REFUSED);
        assertThat(Connections.classify(new SocketTimeoutException("Connect timed out"), later)).isEqualTo(TcpReason.TIMED_OUT);
        assertThat(Connections.classify(new ConnectException("Connection timed out"), later)).isEqualTo(TcpReason.TIMED_OUT);
        assertThat(Connections.classify(new NoRouteToHostException("No route to host"), later)).isEqualTo(TcpReason.UNREACHABLE);
        assertThat(Connections.classify(new SocketException("Network is unreachable"), later)).isEqualTo(TcpReason.UNREACHABLE);
        assertThat(Connections.classify(new SocketException("Socket closed"), Deadline.after(Duration.ZERO)))
                .isEqualTo(TcpReason.TIMED_OUT);
    }

    @Test
    void portsAreChecked() {
        assertThatThrownBy(() -> probe.probe("127.0.0.1", 0, Deadline.after(TIMEOUT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> probe.probe("127.0.0.1", 65536, Deadline.after(TIMEOUT))).isInstanceOf(IllegalArgumentException.class);
    }
}
