package dev.sonde.facts;

import java.util.Locale;

/**
 * Which revocation check a {@link RevocationCheck} is. Its text form ({@link #toString()}, what recorded
 * probes files and finding parameters hold) is the lower-case name: {@code crl}, {@code ocsp}, {@code http}.
 */
public enum RevocationKind {
    /** The leaf's CRL downloaded and verified. */
    CRL,
    /** The leaf's OCSP responder asked. */
    OCSP,
    /** A catalog revocation host reached with a plain GET (TCP 80 open to it). */
    HTTP;

    /** {@code crl}, {@code ocsp} or {@code http}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
