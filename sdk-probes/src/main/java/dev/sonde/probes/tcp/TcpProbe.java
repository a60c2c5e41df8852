package dev.sonde.probes.tcp;

import dev.sonde.facts.TcpReason;
import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.dns.HostResolver;
import java.io.IOException;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a TCP connection to {@code host:port} and closes it at once, sending nothing: is the port
 * reachable, refused (reset), silently dropped (no answer by the deadline), or unroutable?
 *
 * <p>Detail keys: {@value #ADDRESS} (the address that answered), {@value #ATTEMPTS} (each address
 * tried and how it ended), {@value #ERROR} (the JDK's message when it failed).
 *
 * <p>Immutable and thread-safe.
 */
public final class TcpProbe {

    /** Detail key: the address that accepted the connection. */
    public static final String ADDRESS = "address";
    /** Detail key: every address tried and its result, e.g. {@code 127.0.0.1=REFUSED}. */
    public static final String ATTEMPTS = "attempts";
    /** Detail key: the error text from the JDK. */
    public static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(TcpProbe.class);

    private final HostResolver resolver;

    /** A probe using the JVM's resolver. */
    public TcpProbe() {
        this(HostResolver.system());
    }

    /** A probe resolving names with {@code resolver}. */
    public TcpProbe(HostResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Connects to {@code host:port}, giving up at {@code deadline}. */
    public ProbeOutcome<TcpReason> probe(String host, int port, Deadline deadline) {
        checkPort(port);
        long start = System.nanoTime();
        String target = IpLiterals.hostPort(host, port);
        Map<String, String> detail = new LinkedHashMap<>();
        TcpReason reason;
        try (Socket socket = Connections.open(resolver, host, port, deadline)) {
            detail.put(ADDRESS, socket.getInetAddress().getHostAddress());
            reason = TcpReason.CONNECTED;
        } catch (Connections.ConnectFailure f) {
            reason = f.reason();
            detail.put(ATTEMPTS, f.attempts());
            if (f.getCause() != null) {
                detail.put(ERROR, String.valueOf(f.getCause().getMessage()));
            }
        } catch (IOException closing) {
            reason = TcpReason.CONNECTED; // connected; only the close failed
        }
        ProbeOutcome<TcpReason> outcome = ProbeOutcome.of(reason, target, detail, Elapsed.since(start));
        LOG.debug("tcp probe {}", outcome);
        return outcome;
    }

    public static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }
}
