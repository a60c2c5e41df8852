package dev.sonde.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * IPv4 and IPv6 address literals, recognised and parsed in one linear pass without any DNS lookup.
 *
 * <ul>
 *   <li>IPv4: a dotted quad, {@code 142.250.72.10}; each part 0-255 in decimal without a leading zero
 *       ({@code 010.0.0.1} is refused: some readers take it as octal, others as decimal).
 *   <li>IPv6: the RFC 4291 text forms, {@code 2607:f8b0:4005:80c::200a}, {@code ::1}, {@code ::ffff:1.2.3.4},
 *       in either case, optionally in brackets as in a URL ({@code [::1]}). A zone ({@code fe80::1%eth0}) is
 *       not part of an address a catalog, a certificate or a log names, so text with one is not a literal.
 * </ul>
 *
 * Everything else (host names, {@code 1.2.3}, {@code 127.1}, {@code 1.2.3.4.5}) is not a literal.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** True for an IPv4 dotted quad or an IPv6 literal, with or without brackets. */
    public static boolean isLiteral(String text) {
        return parse(text, null) > 0;
    }

    /**
     * The address a literal stands for, made from its bytes ({@link InetAddress#getByAddress(byte[])}: an
     * IPv4-mapped IPv6 literal gives the IPv4 address, as {@link InetAddress#getByName} does); empty for
     * anything else. Never asks a name server.
     */
    public static Optional<InetAddress> parse(String text) {
        byte[] bytes = new byte[16];
        int length = parse(text, bytes);
        if (length < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(length == 4 ? java.util.Arrays.copyOf(bytes, 4) : bytes));
        } catch (UnknownHostException impossible) { // only thrown for a length other than 4 or 16
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * True for a literal of a private network: RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), IPv4
     * link-local ({@code 169.254/16}), IPv6 unique local ({@code fc00::/7}) and link-local ({@code fe80::/10}).
     * Loopback is not private here (it is this computer: {@link InetAddress#isLoopbackAddress()}); a host name is
     * never private, whatever it resolves to.
     */
    public static boolean isPrivate(String text) {
        return parse(text).map(a -> a.isSiteLocalAddress() && a.getAddress().length == 4 || a.isLinkLocalAddress()
                || a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc).orElse(false);
    }

    /** {@code host:port}, lower case, with an IPv6 literal in brackets: {@code [2607:f8b0::200a]:443}. */
    public static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host).toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Parses {@code text} into {@code out} (when not null): 4 or 16 bytes written, or -1 for no literal. */
    private static int parse(String text, byte[] out) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        int from = 0;
        int to = text.length();
        boolean bracketed = text.charAt(0) == '[';
        if (bracketed) {
            if (to < 3 || text.charAt(to - 1) != ']') {
                return -1;
            }
            from = 1;
            to--;
        }
        if (text.indexOf(':', from) < 0) {
            return !bracketed && parse4(text, from, to, out, 0) ? 4 : -1;
        }
        return parse6(text, from, to, out) ? 16 : -1;
    }

    /** A dotted quad filling exactly {@code [from, to)}, written at {@code out[at..at+3]}. */
    private static boolean parse4(String s, int from, int to, byte[] out, int at) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            if (out != null) {
                out[at + part] = (byte) value;
            }
        }
        return i == to;
    }

    /**
     * An IPv6 literal filling exactly {@code [from, to)}: groups of one to four hex digits separated by
     * colons, at most one {@code ::} standing for one or more zero groups, and optionally a dotted quad as
     * the last 32 bits.
     */
    private static boolean parse6(String s, int from, int to, byte[] out) {
        byte[] groups = out == null ? new byte[16] : out; // written in place, then the tail moves behind the gap
        int written = 0; // groups of 16 bits
        int gap = -1; // the group index where "::" stands
        int i = from;
        if (s.startsWith("::", i)) {
            gap = 0;
            i += 2;
            if (i == to) {
                java.util.Arrays.fill(groups, (byte) 0);
                return true;
            }
        }
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && hex(s.charAt(i)) >= 0) {
                value = value * 16 + hex(s.charAt(i));
                i++;
            }
            if (i == start) {
                return false;
            }
            if (i < to && s.charAt(i) == '.') { // the last 32 bits as a dotted quad
                if (written > 6 || !parse4(s, start, to, groups, written * 2)) {
                    return false;
                }
                written += 2;
                break;
            }
            if (i - start > 4 || written == 8) {
                return false;
            }
            groups[written * 2] = (byte) (value >>> 8);
            groups[written * 2 + 1] = (byte) value;
            written++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = written;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false; // a single trailing colon
            }
        }
        if (gap < 0) {
            return written == 8;
        }
        if (written > 7) {
            return false; // "::" stands for at least one group
        }
        int tail = (written - gap) * 2;
        System.arraycopy(groups, gap * 2, groups, 16 - tail, tail);
        java.util.Arrays.fill(groups, gap * 2, 16 - tail, (byte) 0);
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
