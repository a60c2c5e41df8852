package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.facts.ClientInfo;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * The oldest version of a Google tool the pack recommends (data: the {@code minimumVersions} section).
 *
 * @param product as {@link ClientInfo#product()} names it ({@code GWSMO}); compared case-insensitively
 * @param version dotted version, e.g. {@code 4.3.0.0}
 */
public record MinimumVersion(String product, String version) implements Serializable {

    public MinimumVersion {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
    }

    @JsonCreator
    public static MinimumVersion of(@JsonProperty("product") String product, @JsonProperty("version") String version) {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("'product' is missing");
        }
        if (version == null || !version.trim().matches("[0-9]+(\\.[0-9]+)*")) {
            throw new IllegalArgumentException("'version' must be a dotted number such as 4.3.0.0, was " + version);
        }
        return new MinimumVersion(product.trim(), version.trim());
    }

    /** True when the client is this product and is known to be older than {@link #version}. */
    public boolean outdates(ClientInfo client) {
        return appliesTo(client) && client.olderThan(version);
    }

    /** True when the client is this product (whatever its version). */
    public boolean appliesTo(ClientInfo client) {
        return client.product().trim().toUpperCase(Locale.ROOT).equals(product.toUpperCase(Locale.ROOT));
    }
}
