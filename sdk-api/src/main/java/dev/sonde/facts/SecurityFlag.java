package dev.sonde.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * WinHTTP secure-failure flags ({@code WINHTTP_CALLBACK_STATUS_FLAG_*}), the bitmask logged as
 * {@code Info} / {@code Status Info} when {@code Status} is {@code 0x00010000}
 * ({@code WINHTTP_CALLBACK_STATUS_SECURE_FAILURE}).
 */
public enum SecurityFlag {
    /** The revocation check could not be completed (revocation server unreachable). */
    CERT_REV_FAILED(0x00000001L),
    /** The certificate is invalid. */
    INVALID_CERT(0x00000002),
    /** The certificate has been revoked. */
    CERT_REVOKED(0x00000004),
    /** The certificate chains to an authority the machine does not trust. */
    INVALID_CA(0x00000008),
    /** The certificate's name does not match the host. */
    CERT_CN_INVALID(0x00000010),
    /** The certificate is expired or not yet valid (by the machine's clock). */
    CERT_DATE_INVALID(0x00000020),
    /** The certificate is not meant for server authentication. */
    CERT_WRONG_USAGE(0x00000040),
    /** The TLS channel itself failed. */
    SECURITY_CHANNEL_ERROR(0x80000000L);

    /** WinHTTP's {@code Status} value for a secure failure. */
    public static final long SECURE_FAILURE_STATUS = 0x00010000L;

    /** {@link #values()}, which copies its array at every call. */
    private static final SecurityFlag[] ALL = values();

    private final long bit;

    SecurityFlag(long bit) {
        this.bit = bit;
    }

    /** The flag's bit in the bitmask. */
    public long bit() {
        return bit;
    }

    /** The flags set in a bitmask; unknown bits are ignored. */
    public static Set<SecurityFlag> decode(long mask) {
        EnumSet<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
        for (SecurityFlag f : ALL) {
            if ((mask & f.bit) != 0) {
                flags.add(f);
            }
        }
        return Collections.unmodifiableSet(flags);
    }

    /** The bitmask of a set of flags. */
    public static long encode(Set<SecurityFlag> flags) {
        long mask = 0;
        for (SecurityFlag f : flags) {
            mask |= f.bit;
        }
        return mask;
    }

    /** The flag named {@code WINHTTP_CALLBACK_STATUS_FLAG_<NAME>} or {@code <NAME>}, if any. */
    public static Optional<SecurityFlag> fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("WINHTTP_CALLBACK_STATUS_FLAG_", "");
        for (SecurityFlag f : values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The name WinHTTP logs, e.g. {@code WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA}. */
    public String winHttpName() {
        return "WINHTTP_CALLBACK_STATUS_FLAG_" + name();
    }
}
