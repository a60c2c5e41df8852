package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A filtering proxy or secure web gateway that names itself in the {@code Server} or {@code Via} header of the
 * answers it makes (data: the {@code webFilters} section, {@code filters.json}): a 403 to {@code CONNECT} or a block
 * page that says {@code ProxySG} came from a Blue Coat / Symantec ProxySG. A name is a hint for the people who run
 * the filter; it proves nothing, and a filter that names nobody stays unnamed.
 *
 * @param product the product's name, shown to people ({@code Blue Coat / Symantec ProxySG})
 * @param pattern searched (case-insensitive) in each header value, trimmed
 */
public record WebFilter(String product, Pattern pattern) implements Serializable {

    /** The longest header value searched: a probe keeps at most 120 characters (headers longer are cut first). */
    static final int MAX_VALUE_CHARS = 200;

    public WebFilter {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(pattern, "pattern");
    }

    @JsonCreator
    public static WebFilter of(@JsonProperty("product") String product, @JsonProperty("pattern") String regex) {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("'product' is missing");
        }
        return new WebFilter(product, Patterns.compile("pattern", regex));
    }

    /** True when the {@code Server} or the {@code Via} value ({@code ""} when absent) names this product. */
    public boolean named(String server, String via) {
        return found(server) || found(via);
    }

    private boolean found(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value;
        return Patterns.find(pattern, v.strip());
    }
}
