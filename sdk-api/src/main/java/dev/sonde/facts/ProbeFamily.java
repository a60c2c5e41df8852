package dev.sonde.facts;

import java.util.Locale;

/**
 * A family of live probes, as in a probe fact's source {@code probe:<family>}. Its text form
 * ({@link #toString()}, what sources, warnings and recorded probes files hold) is the lower-case name:
 * {@code dns}, {@code tcp}, {@code tls}, {@code https}, {@code revocation}, {@code proxy}, {@code clock}.
 */
public enum ProbeFamily {
    /** Host name lookups ({@link DnsCheck}). */
    DNS,
    /** TCP connects to each catalog port ({@link PortCheck}). */
    TCP,
    /** The chain each https host serves ({@link ServedChain}). */
    TLS,
    /** HTTPS requests to each allow-listed URL ({@link UrlCheck}). */
    HTTPS,
    /** CRL, OCSP and plain-HTTP revocation checks ({@link RevocationCheck}). */
    REVOCATION,
    /** Proxies found and tried ({@link ProxySetting}, {@link ProxyCheck}, {@link ProxyEvent}). */
    PROXY,
    /** The local clock against servers' {@code Date} ({@link ClockCheck}). */
    CLOCK;

    /** The family's name in sources: {@code dns}, {@code tcp} ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
