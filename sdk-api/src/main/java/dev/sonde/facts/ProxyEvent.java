package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.List;

/**
 * Something a proxy did: asked for credentials (HTTP 407 with {@code Proxy-Authenticate}), or
 * failed so that the client retried without it ({@code ... with WinHTTP proxy. Will try direct}).
 *
 * @param kind    what happened
 * @param schemes authentication schemes the proxy offered (Basic, Digest, NTLM, Negotiate), if any
 * @param proxy   the proxy's address when logged, else {@code ""}
 */
public record ProxyEvent(Kind kind, List<String> schemes, String proxy, LogTime time, String thread, Evidence source)
        implements Fact {

    /** What the proxy did. */
    public enum Kind {
        /** The proxy answered 407 Proxy Authentication Required. */
        AUTH_REQUIRED,
        /** A request through the WinHTTP proxy failed and the client tried direct. */
        DIRECT_FALLBACK
    }

    public ProxyEvent {
        schemes = List.copyOf(schemes);
    }

    /** Always true: this fact records a failure. */
    @Override
    public boolean failure() {
        return true;
    }
}
