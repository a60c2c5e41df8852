package dev.sonde.probes.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals: recognised and parsed without any DNS lookup. */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /**
     * Hex digits, dots and at least one colon, then an optional zone ({@code %eth0}). Written with the first colon
     * explicit and possessive runs: {@code [0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*} (the same language) tried every colon
     * as "the" colon, quadratic on a long run of colons.
     */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*+:[0-9A-Fa-f:.]*+(%[\\w.]++)?");

    private IpLiterals() {
    }

    /** True for a dotted-quad IPv4 or a (bracket-less) IPv6 literal. */
    static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    /** The address a literal stands for; empty for a name. Never does a DNS lookup. */
    static Optional<InetAddress> parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!isLiteral(h)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host).toLowerCase(Locale.ROOT) + ":" + port;
    }
}
