package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A proxy this machine is configured to use, as discovered by a live probe (article step 3).
 * Evidence file {@code probe:proxy}.
 *
 * @param origin where the setting was found: {@code winhttp} ({@code netsh winhttp show proxy}),
 *               {@code env} ({@code HTTPS_PROXY}, {@code HTTP_PROXY}), {@code jvm} (system properties or the
 *               JVM's {@code ProxySelector}), {@code given} (passed by the caller): see {@link ProxyOrigin}
 * @param proxy  {@code host:port}
 * @param bypass the bypass list as written ({@code NO_PROXY}, WinHTTP's bypass list), or {@code ""}
 */
public record ProxySetting(ProxyOrigin origin, String proxy, String bypass, LogTime time, String thread, Evidence source)
        implements Fact {

    public ProxySetting {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(proxy, "proxy");
        bypass = Objects.requireNonNullElse(bypass, "");
    }
}
