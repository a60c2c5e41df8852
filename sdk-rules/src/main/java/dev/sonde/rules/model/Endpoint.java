package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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
public record Endpoint(String service, String url, String host, int port) {

    public Endpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
    }

    @JsonCreator
    public static Endpoint of(@JsonProperty("service") String service, @JsonProperty("url") String url) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("'service' is missing");
        }
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "'url' is missing").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'url' is not a URL: " + url);
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("'url' needs a scheme and a host: " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort()
                : "http".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 80 : 443;
        return new Endpoint(service.trim(), uri.toString(), uri.getHost().toLowerCase(Locale.ROOT), port);
    }
}
