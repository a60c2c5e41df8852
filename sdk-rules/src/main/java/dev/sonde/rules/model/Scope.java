package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an "A explains B" row of {@code explains.json} ({@link Explains}) holds. A scope holds when a rule of the
 * pack says so by inserting a {@link ScopeHolds}; the rules sit with the knowledge they need (the built-in pack's
 * topic files name each). In data a scope is written as its name, in any letter case ({@code "always"}).
 */
public enum Scope {
    /** Whenever both findings are found (explains.drl). */
    ALWAYS,
    /** A direct retry followed a failed secure handshake through the proxy (proxy.drl, {@code SecureFallback}). */
    SECURE_RETRY,
    /**
     * The cause rests on the failure of the request GWSMO retried directly: a network error or a refused
     * certificate logged in the same attempt as the retry (proxy.drl). Holds for such causes only.
     */
    RETRIED_REQUEST,
    /** Port 80 to a revocation host is blocked now (a live probe; ports.drl). */
    REVOCATION_PORT_BLOCKED,
    /** An allow-listed URL was refused for its certificate: the catalog's anchors did not verify it (allowlist.drl). */
    URL_CERTIFICATE_REFUSED,
    /** An allow-listed URL met a proxy asking for credentials (allowlist.drl). */
    URL_PROXY_CREDENTIALS,
    /**
     * The cause is a Windows Firewall block (rule or profile default) that covers the port of a connection failure
     * the logs show (firewall.drl). Holds for such causes only.
     */
    FIREWALL_LOGGED_TRAFFIC,
    /**
     * The cause is a Windows Firewall rule for every program that covers a port a live probe found blocked: the
     * probe's own traffic is blocked by it (firewall.drl). Holds for such causes only.
     */
    FIREWALL_PROBED_PORT;

    /** The scope named {@code name}, in any letter case. */
    @JsonCreator
    public static Scope of(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Scope s : values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'scope' must be one of " + Arrays.stream(values()).map(Scope::name)
                .collect(Collectors.joining(", ")) + ", was " + name);
    }
}
