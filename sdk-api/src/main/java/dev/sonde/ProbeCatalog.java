package dev.sonde;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What live probes check, as data: the endpoints GWSMO must reach (the article's allow-listed URLs and
 * Google's revocation hosts) and the trust anchors a genuine chain must lead to. The built-in rule
 * pack provides one ({@code endpoints.json}, {@code trust-anchors.json}); {@code --endpoints FILE}
 * (or {@link Sonde.Builder#endpoints}) replaces it, which is how tests point every probe at loopback.
 *
 * @param endpoints    the URLs to check, each with its service
 * @param trustAnchors the roots served chains are verified against (never the system's trust store)
 */
public record ProbeCatalog(List<Endpoint> endpoints, List<RootCertificate> trustAnchors) {

    /** A catalog with nothing to probe. */
    public static final ProbeCatalog EMPTY = new ProbeCatalog(List.of(), List.of());

    public ProbeCatalog {
        endpoints = List.copyOf(endpoints);
        trustAnchors = List.copyOf(trustAnchors);
    }

    /** Distinct hosts, in catalog order. */
    public List<String> hosts() {
        Set<String> out = new LinkedHashSet<>();
        endpoints.forEach(e -> out.add(e.host()));
        return new ArrayList<>(out);
    }

    /**
     * One URL GWSMO must reach.
     *
     * @param service what it is for ({@code authentication}, {@code mail}, {@code revocation} ...)
     * @param url     the URL
     * @param host    its host, lower case
     * @param scheme  {@code https} or {@code http}
     * @param port    its port (443 for https, 80 for http, unless the URL says otherwise)
     */
    public record Endpoint(String service, String url, String host, String scheme, int port) {

        public Endpoint {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(scheme, "scheme");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
        }

        /** An endpoint whose host, scheme and port come from {@code url}. */
        public static Endpoint of(String service, String url) {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("a URL with a scheme and a host is needed: " + url);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
            return new Endpoint(service, uri.toString(), uri.getHost().toLowerCase(Locale.ROOT), scheme, port);
        }

        /** True for {@code https} URLs. */
        public boolean https() {
            return scheme.equals("https");
        }
    }

    /**
     * A root certificate served chains must lead to.
     *
     * @param name   a label ({@code GTS Root R1})
     * @param sha256 SHA-256 of its DER encoding, lower-case hex
     * @param pem    the certificate, PEM
     */
    public record RootCertificate(String name, String sha256, String pem) {
        public RootCertificate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pem, "pem");
            sha256 = Objects.requireNonNullElse(sha256, "");
        }
    }
}
