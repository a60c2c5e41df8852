package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A proxy this machine is configured to use (article step 3), as discovered by a live probe (evidence file
 * {@code probe:proxy}) or read from the saved Internet Settings ({@code internet-settings.txt},
 * {@code internet-settings-policy.txt}, {@code internet-settings-machine.txt}: origin {@code user}, {@code policy} or
 * {@code machine}, when {@code ProxyEnable} is 1 and
 * {@code ProxyServer} names a proxy; the line of {@code ProxyServer} is the evidence).
 *
 * @param origin where the setting was found: {@code winhttp} ({@code netsh winhttp show proxy}),
 *               {@code env} ({@code HTTPS_PROXY}, {@code HTTP_PROXY}), {@code jvm} (system properties or the
 *               JVM's {@code ProxySelector}), {@code given} (passed by the caller), {@code user} or {@code policy}
 *               (Internet Settings): see {@link ProxyOrigin}
 * @param proxy  {@code host:port}: of a per-scheme list ({@code http=a:1;https=b:2}), the entry HTTPS takes
 * @param bypass the bypass list as written ({@code NO_PROXY}, WinHTTP's bypass list, {@code ProxyOverride}), or
 *               {@code ""}
 */
public record ProxySetting(ProxyOrigin origin, String proxy, String bypass, LogTime time, String thread, Evidence source)
        implements Fact {

    public ProxySetting {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(proxy, "proxy");
        bypass = Objects.requireNonNullElse(bypass, "");
    }
}
