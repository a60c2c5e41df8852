package dev.sonde;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a finding is about: the destination a failing attempt went to, the proxy it went through and the catalog
 * service it serves. Every part may be empty ({@code ""}, port 0) when the evidence does not say it. Two targets are
 * kept apart that an empty one would confuse: {@link #MACHINE} stands for findings about this computer as a whole
 * (a wrong clock, an outdated client), which apply to every target; {@link #UNKNOWN} (or any target that names no
 * host and no address, {@link #unknown()}) for a failure whose destination the log did not write. Only a rule says
 * a finding is machine-wide ({@code machine} true); an empty target is never read as one.
 *
 * @param host    the name asked for or seen (URL host, catalog host, the name a log prints next to the address), or {@code ""}
 * @param address the IP address the connection went to (or the local proxy's), or {@code ""}
 * @param port    the port, or 0
 * @param proxy   {@code host:port} of the proxy the traffic went through; {@code ""} for direct or unknown
 * @param service the catalog's service name(s) for the host ({@code mail}, {@code calendar, mail}), or {@code ""}
 * @param machine true only for {@link #MACHINE}: this computer as a whole (every other part is then empty)
 */
public record Target(String host, String address, int port, String proxy, String service, boolean machine) {

    /** This computer as a whole: machine-wide findings (CLOCK_SKEW, OUTDATED_CLIENT) have this one target. */
    public static final Target MACHINE = new Target("", "", 0, "", "", true);

    /** A destination the evidence does not name (an error logged without host, address or port): not machine-wide. */
    public static final Target UNKNOWN = new Target("", "", 0, "", "");

    public Target {
        host = Objects.requireNonNullElse(host, "").trim();
        address = Objects.requireNonNullElse(address, "").trim();
        proxy = Objects.requireNonNullElse(proxy, "").trim();
        service = Objects.requireNonNullElse(service, "").trim();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (machine && !(host.isEmpty() && address.isEmpty() && port == 0 && proxy.isEmpty() && service.isEmpty())) {
            throw new IllegalArgumentException("the machine-wide target names no destination, proxy or service");
        }
    }

    /** A destination (never machine-wide); all parts empty is {@link #UNKNOWN}. */
    public Target(String host, String address, int port, String proxy, String service) {
        this(host, address, port, proxy, service, false);
    }

    /** True when the destination was not written: neither host nor address (a proxy or port alone names none). */
    public boolean unknown() {
        return !machine && host.isEmpty() && address.isEmpty();
    }

    /** This target with {@code f} applied to each text part (redaction); {@link #MACHINE} stays itself. */
    public Target withText(UnaryOperator<String> f) {
        return machine ? this : new Target(f.apply(host), f.apply(address), port, f.apply(proxy), f.apply(service));
    }

    /** {@code address:port} (brackets around an IPv6 address), or {@code ""} when the address is unknown. */
    public String endpoint() {
        if (address.isEmpty()) {
            return "";
        }
        String a = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return port == 0 ? a : a + ":" + port;
    }

    /**
     * A short text for people and logs: {@code mail.google.com (142.250.1.2:443) via proxy 192.0.2.10:8080},
     * {@code this computer}, {@code destination not logged}.
     */
    @Override
    public String toString() {
        if (machine) {
            return "this computer";
        }
        StringBuilder b = new StringBuilder();
        if (unknown()) {
            b.append("destination not logged");
        } else if (!host.isEmpty()) {
            b.append(host);
            String endpoint = endpoint();
            if (!endpoint.isEmpty()) {
                b.append(" (").append(endpoint).append(')');
            } else if (port != 0) {
                b.append(':').append(port);
            }
        } else {
            b.append(endpoint());
        }
        if (!proxy.isEmpty()) {
            b.append(" via proxy ").append(proxy);
        }
        return b.toString();
    }

    /**
     * Where a problem stands at the end of the input (the latest time any input knows; live probes: now). Ordered
     * from the most to the least pressing, so a finding's state is the smallest of its targets'.
     */
    public enum State {
        /** The last attempt to the target (or, when it has no later attempt, to its service) failed: still broken. */
        ONGOING,
        /** Failures and successes interleave. */
        INTERMITTENT,
        /** Later attempts to the same target or service succeeded and none failed after them: history. */
        RESOLVED;

        /** The more pressing of two states. */
        public State worst(State other) {
            return compareTo(other) <= 0 ? this : other;
        }
    }
}
