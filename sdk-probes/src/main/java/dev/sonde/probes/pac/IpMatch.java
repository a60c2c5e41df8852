package dev.sonde.probes.pac;

import dev.sonde.net.IpLiterals;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Address arithmetic of the PAC helpers, on IP literals only (never a name lookup): {@code isInNet}'s
 * address-and-mask test, {@code isInNetEx}'s prefix test, {@code convert_addr}.
 */
final class IpMatch {

    private IpMatch() {
    }

    /** A dotted-quad IPv4 address, or empty for anything else (names, IPv6, garbage). */
    static Optional<Inet4Address> ipv4(String text) {
        if (text == null || text.length() > 15) {
            return Optional.empty();
        }
        return IpLiterals.parse(text).filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast);
    }

    static long toLong(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    /** {@code isInNet}: {@code (address & mask) == (pattern & mask)}; false when pattern or mask is no IPv4 address. */
    static boolean inNet(Inet4Address address, String pattern, String mask) {
        Optional<Inet4Address> p = ipv4(pattern);
        Optional<Inet4Address> m = ipv4(mask);
        if (p.isEmpty() || m.isEmpty()) {
            return false;
        }
        long bits = toLong(m.get());
        return (toLong(address) & bits) == (toLong(p.get()) & bits);
    }

    /** {@code isInNetEx}: whether {@code address} is in {@code prefix} ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). */
    static boolean inPrefix(InetAddress address, String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0 || prefix.length() > 64) {
            return false;
        }
        Optional<InetAddress> net = IpLiterals.parse(prefix.substring(0, slash));
        int length;
        try {
            length = Integer.parseInt(prefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (net.isEmpty()) {
            return false;
        }
        byte[] a = address.getAddress();
        byte[] n = net.get().getAddress();
        if (a.length != n.length || length < 0 || length > a.length * 8) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
