package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.facts.Certificate;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A certificate authority that issues Google's server certificates (data: the {@code googleIssuers}
 * section of a pack's data files). Matching is on the printed issuer text, which proves nothing: it
 * tells a Google certificate from an inspection proxy's, it does not authenticate.
 *
 * @param name    a label for people, e.g. {@code GTS CA 1C3}
 * @param pattern searched (case-insensitive) in each issuer value; anchor it ({@code ^WR[1-4]$}) to
 *                match a whole value
 */
public record GoogleIssuer(String name, Pattern pattern) implements Serializable {

    public GoogleIssuer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    @JsonCreator
    public static GoogleIssuer of(@JsonProperty("name") String name, @JsonProperty("pattern") String regex) {
        return new GoogleIssuer(name == null ? String.valueOf(regex) : name, Patterns.compile("pattern", regex));
    }

    /** True when one of the certificate's issuer values matches. */
    public boolean issued(Certificate certificate) {
        return Patterns.anyValue(pattern, certificate.issuer());
    }

    /** True when one of these issuer values matches. */
    public boolean recognises(List<String> issuerValues) {
        return Patterns.anyValue(pattern, issuerValues);
    }
}
