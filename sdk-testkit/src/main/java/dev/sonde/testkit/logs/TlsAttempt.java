package dev.sonde.testkit.logs;

import dev.sonde.facts.SecurityFlag;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One failed TLS connection attempt to render as log lines: when, why (the WinHTTP flags), the
 * certificate shown (nullable), where it went, and whether a WinHTTP-proxy attempt fell back to direct.
 */
public record TlsAttempt(Instant time, Set<SecurityFlag> flags, CertBlock cert, String ip, int port, String hostName,
                         boolean proxyFallback) {

    public TlsAttempt {
        Objects.requireNonNull(time, "time");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        Objects.requireNonNull(ip, "ip");
    }
}
