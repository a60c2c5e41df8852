package dev.sonde.probes.dns;

import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a host name into addresses within a deadline. Probes take one so that tests (and callers
 * with their own DNS view) can decide what a name resolves to without touching a real resolver.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of {@code host}, in the order to try them; never empty.
     *
     * @throws UnknownHostException when the name does not resolve
     * @throws DnsTimeoutException  when resolution did not finish by the deadline
     */
    List<InetAddress> resolve(String host, Deadline deadline) throws IOException;

    /** Resolution did not finish by its deadline. */
    final class DnsTimeoutException extends IOException {
        /** A timeout resolving {@code host}. */
        public DnsTimeoutException(String host) {
            super("resolving " + host + " did not finish in time");
        }
    }

    /**
     * The JVM's resolver ({@link InetAddress#getAllByName}), which has no timeout of its own: the
     * lookup runs on a short-lived daemon thread and the caller stops waiting at the deadline. IP
     * literals are parsed without any lookup.
     */
    static HostResolver system() {
        return (host, deadline) -> {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            Optional<InetAddress> literal = IpLiterals.parse(h);
            if (literal.isPresent()) {
                return List.of(literal.get());
            }
            FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(h));
            Thread t = new Thread(lookup, "sonde-dns");
            t.setDaemon(true);
            t.start();
            try {
                InetAddress[] all = lookup.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (all.length == 0) {
                    throw new UnknownHostException(h);
                }
                return List.of(all);
            } catch (TimeoutException e) {
                lookup.cancel(true);
                throw new DnsTimeoutException(h);
            } catch (InterruptedException e) {
                lookup.cancel(true);
                Thread.currentThread().interrupt();
                throw new DnsTimeoutException(h);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException u) {
                    throw u;
                }
                UnknownHostException u = new UnknownHostException(h + ": " + e.getCause());
                u.initCause(e.getCause());
                throw u;
            }
        };
    }
}
