package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Objects;

/**
 * An HTTP status a filtering proxy blocks a request with (data: the {@code blockAnswers} section,
 * {@code google-answers.json}): such an answer is Google's only when it names no proxy ({@code Via}) and
 * comes from one of Google's front ends ({@link GoogleServer}); any other status is Google's answer.
 *
 * @param status  the HTTP status ({@code 403})
 * @param because what it means, for people reading the data
 */
public record BlockAnswer(int status, String because) implements Serializable {

    public BlockAnswer {
        because = Objects.requireNonNullElse(because, "");
    }

    @JsonCreator
    public static BlockAnswer of(@JsonProperty("status") Integer status, @JsonProperty("because") String because) {
        if (status == null || status < 100 || status > 599) {
            throw new IllegalArgumentException("'status' must be an HTTP status (100-599), was " + status);
        }
        return new BlockAnswer(status, because);
    }
}
