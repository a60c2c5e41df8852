package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.net.IpLiterals;
import java.io.Serializable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address block Google's front ends answer from (data: the {@code googleIpRanges} section), matched
 * against a logged destination's address when the log gives no name for it.
 *
 * @param prefix as written in the data, in CIDR form: {@code 142.250.0.0/15}, {@code 2607:f8b0::/32}
 * @param v6     whether it is an IPv6 block
 * @param first  the block's first address, as a number
 * @param bits   the prefix length
 */
public record GoogleIpRange(String prefix, boolean v6, BigInteger first, int bits) implements Serializable {

    public GoogleIpRange {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(first, "first");
    }

    /**
     * Parses {@code address/bits}.
     *
     * @throws IllegalArgumentException when it is not an IPv4 or IPv6 literal with a prefix length in range
     */
    @JsonCreator
    public static GoogleIpRange of(@JsonProperty("prefix") String prefix) {
        if (prefix == null || prefix.indexOf('/') < 0) {
            throw new IllegalArgumentException("'prefix' must be an address block such as 142.250.0.0/15, was " + prefix);
        }
        String address = prefix.substring(0, prefix.indexOf('/')).trim();
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 or IPv6 address");
        }
        int bits;
        try {
            bits = Integer.parseInt(prefix.substring(prefix.indexOf('/') + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the prefix length of '" + prefix + "' is not a number");
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("the prefix length of '" + prefix + "' is out of range (0-" + bytes.length * 8 + ")");
        }
        return new GoogleIpRange(prefix.trim(), bytes.length == 16, masked(new BigInteger(1, bytes), bytes.length * 8, bits), bits);
    }

    /** True when {@code ip} (as logged: {@code 142.250.72.10}, {@code 2607:f8b0::200a}, {@code [::1]}) is in this block. */
    public boolean covers(String ip) {
        if (ip == null) {
            return false;
        }
        byte[] bytes = literal(ip.trim()); // brackets allowed
        if (bytes == null || (bytes.length == 16) != v6) {
            return false;
        }
        return masked(new BigInteger(1, bytes), bytes.length * 8, bits).equals(first);
    }

    private static BigInteger masked(BigInteger value, int width, int bits) {
        return value.shiftRight(width - bits).shiftLeft(width - bits);
    }

    /** The bytes of an IPv4 or IPv6 literal ({@link IpLiterals}), or {@code null}; never asks a name server. */
    private static byte[] literal(String s) {
        return IpLiterals.parse(s).map(InetAddress::getAddress).orElse(null);
    }
}
