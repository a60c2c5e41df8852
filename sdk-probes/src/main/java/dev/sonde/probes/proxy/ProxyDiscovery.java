package dev.sonde.probes.proxy;

import dev.sonde.net.WinHttpProxySettings;
import dev.sonde.HostEvidence;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.net.ProxyServerLists;
import dev.sonde.probes.host.HostCommands;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the proxies this machine is set to use (the article's step 3), from, in order: proxies the
 * caller names, the output of {@code netsh winhttp show proxy} (given as text, or run on Windows),
 * {@code HTTPS_PROXY} / {@code HTTP_PROXY} (with {@code NO_PROXY}), the Java system properties
 * {@code https.proxyHost} / {@code http.proxyHost}, and the JVM's {@link ProxySelector}. Each proxy is
 * reported once, with the first place it was found. Credentials written into a proxy URL are dropped.
 */
public final class ProxyDiscovery {

    /** A proxy and where it was found. */
    public record Found(ProxyOrigin origin, String proxy, String bypass) {
        public Found {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(proxy, "proxy");
            bypass = Objects.requireNonNullElse(bypass, "");
        }

        /** The proxy's host. */
        public String host() {
            return split(proxy)[0];
        }

        /** The proxy's port. */
        public int port() {
            return Integer.parseInt(split(proxy)[1]);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProxyDiscovery.class);
    private static final Duration NETSH_TIMEOUT = Duration.ofSeconds(3);

    private ProxyDiscovery() {
    }

    /**
     * Every proxy found.
     *
     * @param given      proxies the caller names ({@code host:port})
     * @param winHttp    {@code netsh winhttp show proxy} output, or {@code ""}
     * @param system     whether to look at the environment, system properties, the JVM's selector and (on
     *                   Windows) run {@code netsh}
     * @param env        the environment to read (normally {@link System#getenv(String)})
     * @param properties the system properties to read (normally {@link System#getProperty(String)})
     * @param sample     a URL to ask the JVM's {@link ProxySelector} about
     */
    public static List<Found> discover(List<String> given, String winHttp, boolean system, Function<String, String> env,
            Function<String, String> properties, URI sample) {
        Map<String, Found> out = new LinkedHashMap<>();
        for (String g : given) {
            add(out, ProxyOrigin.GIVEN, ProxyServerLists.normalise(g), "");
        }
        WinHttpProxySettings.parse(winHttp).ifPresent(w -> add(out, ProxyOrigin.WINHTTP, w.proxy(), w.bypass()));
        if (!system) {
            return List.copyOf(out.values());
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            runNetsh().flatMap(WinHttpProxySettings::parse).ifPresent(w -> add(out, ProxyOrigin.WINHTTP, w.proxy(), w.bypass()));
        }
        String noProxy = firstNonBlank(env.apply("NO_PROXY"), env.apply("no_proxy"));
        for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")) {
            String v = env.apply(name);
            if (v != null && !v.isBlank()) {
                add(out, ProxyOrigin.ENV, ProxyServerLists.normalise(v), noProxy);
            }
        }
        for (String scheme : List.of("https", "http")) {
            String host = properties.apply(scheme + ".proxyHost");
            if (host != null && !host.isBlank()) {
                String port = properties.apply(scheme + ".proxyPort");
                add(out, ProxyOrigin.JVM, host.strip() + ":" + (port == null || port.isBlank() ? (scheme.equals("https") ? "443" : "80")
                        : port.strip()), Objects.requireNonNullElse(properties.apply("http.nonProxyHosts"), ""));
            }
        }
        ProxySelector selector = ProxySelector.getDefault();
        if (selector != null && sample != null) {
            try {
                for (Proxy p : selector.select(sample)) {
                    if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
                        add(out, ProxyOrigin.JVM, a.getHostString() + ":" + a.getPort(), "");
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("the JVM's proxy selector failed for {}", sample, e);
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Found> out, ProxyOrigin origin, String proxy, String bypass) {
        try {
            String[] hp = split(proxy);
            int port = Integer.parseInt(hp[1]);
            if (port < 1 || port > 65535 || hp[0].isBlank()) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.debug("ignoring unreadable proxy setting {} from {}", proxy, origin);
            return;
        }
        out.putIfAbsent(proxy.toLowerCase(Locale.ROOT), new Found(origin, proxy, bypass));
    }

    private static String[] split(String proxy) {
        int colon = proxy.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port: " + proxy);
        }
        String host = proxy.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, proxy.substring(colon + 1)};
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b == null ? "" : b;
    }

    /** Runs {@code netsh winhttp show proxy} with a short deadline ({@link HostCommands}); empty when it cannot. */
    static Optional<String> runNetsh() {
        HostCommands.Output o = HostCommands.run(HostEvidence.WINHTTP_PROXY, NETSH_TIMEOUT);
        o.skipped().ifPresent(why -> LOG.debug("netsh winhttp show proxy: {}", why));
        return o.bytes().length == 0 ? Optional.empty() : Optional.of(new String(o.bytes(), Charset.defaultCharset()));
    }
}
