package dev.sonde.facts;

import dev.sonde.Evidence;
import dev.sonde.net.IpLiterals;
import java.net.InetAddress;

/**
 * Where a failing connection went, from {@code Network connection destination details:
 * 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)}.
 *
 * @param ip       the address tried, as printed (IPv4 or IPv6)
 * @param port     the port tried
 * @param hostName the resolved name in parentheses, or {@code ""}
 */
public record Destination(String ip, int port, String hostName, LogTime time, String thread, Evidence source)
        implements Fact {

    /** True for 127.0.0.0/8 and ::1: a program on this machine (a local proxy), not a remote server. */
    public boolean loopback() {
        return ip.equalsIgnoreCase("localhost") || IpLiterals.parse(ip).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** True for an address of a private network (RFC 1918, link-local, IPv6 unique local: {@link IpLiterals#isPrivate}). */
    public boolean privateAddress() {
        return IpLiterals.isPrivate(ip);
    }

    /** {@code ip:port}, e.g. {@code 127.0.0.1:8888}. */
    public String address() {
        return (ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip) + ":" + port;
    }
}
