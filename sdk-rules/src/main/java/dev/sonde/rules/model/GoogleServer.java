package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code Server} header Google's front ends send (data: the {@code googleServers} section,
 * {@code google-answers.json}): a block answer from any other server came from something in between.
 *
 * @param name    a label for people ({@code ESF})
 * @param pattern matched (case-insensitive) against the whole header value, trimmed
 */
public record GoogleServer(String name, Pattern pattern) implements Serializable {

    public GoogleServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
    }

    @JsonCreator
    public static GoogleServer of(@JsonProperty("name") String name, @JsonProperty("pattern") String regex) {
        return new GoogleServer(name == null ? String.valueOf(regex) : name, Patterns.compile("pattern", regex));
    }

    /** True when {@code server} (a {@code Server} header) is this front end's. */
    public boolean sent(String server) {
        return server != null && Patterns.matches(pattern, server.strip());
    }
}
