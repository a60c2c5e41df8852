package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A TLS (secure connection) failure, with the reasons WinHTTP gave. Logged as
 * {@code Secure connection failure. Status: 0x00010000. Info 0x00000009} (trace),
 * {@code TLS connection failure ... [Status: 0x00010000. Status Info: 0x00000001]} (authorization),
 * as flag names ({@code WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: ...}) or as a certificate error code
 * ({@code ERROR_WINHTTP_SECURE_INVALID_CA}); readers decode all of them into {@link #flags}.
 *
 * @param flags the decoded security flags; empty when the log gave no reason
 */
public record TlsFailure(Set<SecurityFlag> flags, LogTime time, String thread, Evidence source) implements Fact {

    public TlsFailure {
        flags = flags.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(SecurityFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** True when WinHTTP reported this flag. */
    public boolean has(SecurityFlag flag) {
        return flags.contains(flag);
    }

    /** True when the log said why the handshake failed. */
    public boolean detailed() {
        return !flags.isEmpty();
    }

    /** Always true: this fact records a failure. */
    @Override
    public boolean failure() {
        return true;
    }
}
