package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Host names that belong to Google (data: the {@code googleHosts} section), matched against a
 * certificate's subject name or a destination's resolved name.
 *
 * @param glob  as written in the data, e.g. {@code *.googleapis.com} (a leading {@code *.} covers
 *              sub-domains at any depth and a certificate's literal wildcard) or {@code mail.google.com}
 * @param regex the compiled form
 */
public record GoogleHost(String glob, Pattern regex) implements Serializable {

    public GoogleHost {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(regex, "regex");
    }

    @JsonCreator
    public static GoogleHost of(@JsonProperty("pattern") String glob) {
        return new GoogleHost(glob, Patterns.glob(glob));
    }

    /** True when the name (a host or a certificate's subject name) is covered by this pattern. */
    public boolean covers(String name) {
        return name != null && !name.isBlank() && Patterns.matches(regex, name.trim());
    }
}
