package dev.sonde.probes.tcp;

import dev.sonde.facts.TcpReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.dns.HostResolver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens TCP connections within a deadline and names why one failed. Shared by every probe that
 * talks TCP, so a refused or dropped connection reads the same whichever probe met it.
 */
public final class Connections {

    /** A connection that could not be opened, with the reason and what was tried. */
    public static final class ConnectFailure extends Exception {
        private final TcpReason reason;
        private final String attempts;

        ConnectFailure(TcpReason reason, String attempts, Throwable cause) {
            super(reason + ": " + attempts, cause);
            this.reason = reason;
            this.attempts = attempts;
        }

        public TcpReason reason() {
            return reason;
        }

        /** The addresses tried and how each ended, e.g. {@code 127.0.0.1=REFUSED ::1=REFUSED}. */
        public String attempts() {
            return attempts;
        }
    }

    private Connections() {
    }

    /**
     * Resolves {@code host} and connects to its addresses in order until one accepts; each attempt
     * gets the time left. The returned socket has its read timeout set to the time left.
     */
    public static Socket open(HostResolver resolver, String host, int port, Deadline deadline) throws ConnectFailure {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host, deadline);
        } catch (HostResolver.DnsTimeoutException e) {
            throw new ConnectFailure(TcpReason.DNS_FAILED, "dns timed out", e);
        } catch (IOException e) {
            throw new ConnectFailure(TcpReason.DNS_FAILED, "dns: " + e.getMessage(), e);
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new ConnectFailure(TcpReason.DNS_FAILED, "dns: no address for " + host, null);
        }
        List<String> tried = new ArrayList<>();
        ConnectFailure last = null;
        for (InetAddress address : addresses) {
            if (deadline.expired()) {
                tried.add(address.getHostAddress() + "=" + TcpReason.TIMED_OUT);
                last = new ConnectFailure(TcpReason.TIMED_OUT, String.join(" ", tried), null);
                break;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), deadline.remainingMillisAtLeastOne());
                socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException e) {
                Deadline.closeQuietly(socket);
                TcpReason reason = classify(e, deadline);
                tried.add(address.getHostAddress() + "=" + reason);
                last = new ConnectFailure(reason, String.join(" ", tried), e);
            }
        }
        throw last;
    }

    /** The reason a connect (or a read right after it) failed. */
    static TcpReason classify(IOException e, Deadline deadline) {
        if (e instanceof SocketTimeoutException) {
            return TcpReason.TIMED_OUT;
        }
        if (e instanceof UnknownHostException) {
            return TcpReason.DNS_FAILED;
        }
        if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return TcpReason.UNREACHABLE;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException && message.contains("refused")) {
            return TcpReason.REFUSED;
        }
        if (message.contains("timed out") || deadline.expired()) {
            return TcpReason.TIMED_OUT;
        }
        if (message.contains("refused")) {
            return TcpReason.REFUSED;
        }
        return TcpReason.UNREACHABLE;
    }
}
