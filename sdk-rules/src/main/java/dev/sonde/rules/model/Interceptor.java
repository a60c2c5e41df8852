package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.facts.Certificate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product known to decrypt HTTPS with its own certificate authority (data: the {@code interceptors}
 * section): debugging proxies, secure web gateways, antivirus HTTPS scanning. A matching issuer name
 * is a strong hint; only a chain check is proof.
 *
 * @param product the product's name, shown to people ({@code Fiddler})
 * @param issuer  searched (case-insensitive) in each issuer value
 * @param ports   the local proxy ports the product listens on by default (may be empty)
 */
public record Interceptor(String product, Pattern issuer, List<Integer> ports) {

    public Interceptor {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(issuer, "issuer");
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    @JsonCreator
    public static Interceptor of(@JsonProperty("product") String product, @JsonProperty("issuer") String regex,
            @JsonProperty("ports") List<Integer> ports) {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("'product' is missing");
        }
        return new Interceptor(product, Patterns.compile("issuer", regex), ports);
    }

    /** True when one of the certificate's issuer values matches this product's issuer pattern. */
    public boolean issued(Certificate certificate) {
        return Patterns.anyValue(issuer, certificate.issuer());
    }

    /**
     * True when one of these issuer values (e.g. {@link dev.sonde.facts.ServedChain#issuerValues()} of a chain
     * a live probe captured) matches this product's issuer pattern.
     */
    public boolean issuedAny(List<String> issuerValues) {
        return Patterns.anyValue(issuer, issuerValues);
    }

    /** True when this product listens on {@code port} by default. */
    public boolean listensOn(int port) {
        return ports.contains(port);
    }
}
