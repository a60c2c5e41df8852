package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An address GWSMO must reach (data: the {@code endpoints} section), from the article's step 2.
 *
 * @param service what it is for ({@code authentication}, {@code mail}, {@code revocation}, ...)
 * @param url     as the article lists it, e.g. {@code http://crl.pki.goog}
 * @param host    the URL's host
 * @param port    the URL's port (80 for http, 443 for https unless given)
 */
public record AllowedUrl(String service, String url, String host, int port) implements Serializable {

    public AllowedUrl {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
    }

    /** An endpoint whose host and port come from {@code url}. */
    public static AllowedUrl of(String service, String url) {
        return of(service, url, null, null, null);
    }

    /**
     * An endpoint from data: {@code service} and {@code url}, and optionally {@code host}, {@code scheme} and
     * {@code port}, which must agree with the URL (they make the catalog readable, not different).
     */
    @JsonCreator
    public static AllowedUrl of(@JsonProperty("service") String service, @JsonProperty("url") String url,
            @JsonProperty("host") String host, @JsonProperty("scheme") String scheme, @JsonProperty("port") Integer port) {
        AllowedUrl e = fromUrl(service, url);
        if (host != null && !host.trim().equalsIgnoreCase(e.host())) {
            throw new IllegalArgumentException("'host' " + host + " does not match the URL's host " + e.host());
        }
        if (scheme != null && !scheme.trim().equalsIgnoreCase(e.scheme())) {
            throw new IllegalArgumentException("'scheme' " + scheme + " does not match the URL's scheme " + e.scheme());
        }
        if (port != null && port != e.port()) {
            throw new IllegalArgumentException("'port' " + port + " does not match the URL's port " + e.port());
        }
        return e;
    }

    /** True when this endpoint serves certificate revocation (service {@code revocation}: CRLs and OCSP over plain HTTP). */
    public boolean revocation() {
        return service.equals(dev.sonde.facts.PortCheck.REVOCATION_SERVICE);
    }

    /** The URL's scheme, lower case ({@code https}, {@code http}). */
    public String scheme() {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static AllowedUrl fromUrl(String service, String url) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("'service' is missing");
        }
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "'url' is missing").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'url' is not a URL: " + url);
        }
        if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
            // probes speak HTTP(S) only: tcp://, ftp:// ... would be probed as something they are not
            throw new IllegalArgumentException("'url' must be an http:// or https:// URL, not "
                    + uri.getScheme() + "://"); // the rest is not echoed: it may hold credentials
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("'url' needs a scheme and a host: " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort()
                : "http".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 80 : 443;
        return new AllowedUrl(service.trim(), uri.toString(), uri.getHost().toLowerCase(Locale.ROOT), port);
    }
}
