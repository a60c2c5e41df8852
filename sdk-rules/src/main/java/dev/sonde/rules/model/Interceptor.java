package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.InstalledRoot;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product known to decrypt HTTPS with its own certificate authority (data: the {@code interceptors}
 * section): debugging proxies, secure web gateways, antivirus HTTPS scanning. A matching issuer name
 * is a strong hint; only a chain check is proof.
 *
 * <p>The same product's authority, installed in a Windows trusted-root store ({@link InstalledRoot}), says it is
 * installed and probably inspecting: {@code root} narrows which installed roots count when the vendor also installs
 * roots that decrypt nothing (a management server's, a VPN's); without it the issuer pattern is used.
 *
 * @param product the product's name, shown to people ({@code Fiddler})
 * @param issuer  searched (case-insensitive) in each issuer value
 * @param ports   the local proxy ports the product listens on by default (may be empty)
 * @param root    searched (case-insensitive) in each subject value of an installed root: the product's inspection
 *                authority only; {@code null} when the issuer pattern says it
 */
public record Interceptor(String product, Pattern issuer, List<Integer> ports, Pattern root) implements Serializable {

    public Interceptor {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(issuer, "issuer");
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** A product whose installed roots are told by its issuer pattern. */
    public Interceptor(String product, Pattern issuer, List<Integer> ports) {
        this(product, issuer, ports, null);
    }

    /** A product whose installed roots are told by its issuer pattern (a data row without {@code root}). */
    public static Interceptor of(String product, String regex, List<Integer> ports) {
        return of(product, regex, ports, null, null);
    }

    /**
     * From a data row; {@code why} (optional) says where the names come from, for readers of the data only.
     */
    @JsonCreator
    public static Interceptor of(@JsonProperty("product") String product, @JsonProperty("issuer") String regex,
            @JsonProperty("ports") List<Integer> ports, @JsonProperty("root") String root,
            @JsonProperty("why") String why) {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("'product' is missing");
        }
        return new Interceptor(product, Patterns.compile("issuer", regex), ports,
                root == null ? null : Patterns.compile("root", root));
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

    /**
     * True when this installed root is the product's inspection authority: its {@code root} pattern (else its issuer
     * pattern) is found in one of the root's subject values.
     */
    public boolean installed(InstalledRoot r) {
        return Patterns.anyValue(root != null ? root : issuer, r.subjectValues());
    }

    /** True when this product listens on {@code port} by default. */
    public boolean listensOn(int port) {
        return ports.contains(port);
    }
}
