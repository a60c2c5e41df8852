package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * The route a proxy auto-config (PAC) script gives for one catalog URL: the answer of its
 * {@code FindProxyForURL(url, host)} (or {@code FindProxyForURLEx}, which Windows prefers when a script defines
 * it), evaluated in Sonde's sandbox (article step 3: the proxy as Internet Explorer and WinHTTP see it). A route
 * through an HTTP proxy is what the proxy probe then checks. Evidence file {@code probe:pac} for a script
 * fetched from its URL, {@code proxy.pac} for a saved one; the line quotes the call and its answer.
 *
 * @param script  where the script came from: its {@code AutoConfigURL} (user name and password removed), or
 *                {@code proxy.pac} for a saved script given without one
 * @param url     the catalog URL evaluated, as passed to the script
 * @param host    the host passed to the script (the URL's host)
 * @param result  the script's answer as written, e.g. {@code PROXY proxy:3128; DIRECT} (a longer answer than the
 *                evaluation allows, 1000 characters by default, is a {@link PacFailure})
 * @param proxies the answer's entries, in order; never empty
 */
public record PacRoute(String script, String url, String host, String result, List<PacProxy> proxies, LogTime time,
        String thread, Evidence source) implements Fact {

    public PacRoute {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(result, "result");
        proxies = List.copyOf(proxies);
        if (proxies.isEmpty()) {
            throw new IllegalArgumentException("a route has at least one entry");
        }
    }

    /** True when the first entry is {@code DIRECT}: the client connects without a proxy. */
    public boolean direct() {
        return proxies.get(0).type() == PacProxy.Type.DIRECT;
    }

    /** The first entry's {@code host:port} when it is a proxy, else {@code ""}. */
    public String firstProxy() {
        return proxies.get(0).address();
    }
}
