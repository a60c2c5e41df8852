package dev.sonde.facts;

import java.util.Objects;

/**
 * One entry of a PAC script's answer, in the order the script gave them: the first is the one a client tries
 * first, the next ones are its fall-backs. Part of {@link PacRoute}.
 *
 * @param type    how to go: {@code DIRECT}, or through a proxy of the named kind
 * @param address {@code host:port} of the proxy (the kind's default port when the script gave none), {@code ""}
 *                for {@code DIRECT}
 */
public record PacProxy(Type type, String address) {

    /** The kinds of entry a PAC answer may name. */
    public enum Type {
        /** No proxy. */
        DIRECT,
        /** {@code PROXY host:port}: an HTTP proxy (the classic keyword). */
        PROXY,
        /** {@code HTTP host:port}: an HTTP proxy (the newer spelling). */
        HTTP,
        /** {@code HTTPS host:port}: an HTTP proxy reached over TLS. */
        HTTPS,
        /** {@code SOCKS host:port}: a SOCKS proxy, version left to the client. */
        SOCKS,
        /** {@code SOCKS4 host:port}. */
        SOCKS4,
        /** {@code SOCKS5 host:port}. */
        SOCKS5;

        /** True for the kinds that speak HTTP to the proxy ({@code CONNECT}), which can answer 407. */
        public boolean http() {
            return this == PROXY || this == HTTP || this == HTTPS;
        }
    }

    /** The direct entry. */
    public static final PacProxy DIRECT = new PacProxy(Type.DIRECT, "");

    public PacProxy {
        Objects.requireNonNull(type, "type");
        address = Objects.requireNonNullElse(address, "");
    }

    /** The entry as a PAC script writes it: {@code PROXY host:port}, {@code DIRECT}. */
    @Override
    public String toString() {
        return type == Type.DIRECT ? "DIRECT" : type + " " + address;
    }
}
