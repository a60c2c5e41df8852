package dev.sonde.facts;

/** What a network error means for a connection, whatever number it was logged as. */
public enum NetworkErrorKind {
    /** The server did not answer in time (packets dropped or a slow path). */
    TIMEOUT,
    /** The host name could not be resolved. */
    NAME_NOT_RESOLVED,
    /** No connection could be made (refused, or no route). */
    CONNECTION_REFUSED,
    /** An established connection was cut. */
    CONNECTION_RESET,
    /** The TLS handshake failed; the security flags or a certificate error say why. */
    SECURE_FAILURE,
    /** The proxy configuration (PAC script, auto-detection) failed. */
    PROXY_CONFIGURATION,
    /** The server's answer could not be understood. */
    BAD_RESPONSE,
    /** Anything else. */
    OTHER
}
