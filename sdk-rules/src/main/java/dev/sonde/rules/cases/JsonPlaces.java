package dev.sonde.rules.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sonde.rules.pack.PackData;
import java.io.IOException;
import java.util.List;

/**
 * Where a value stands in a JSON text, so that a refusal can name its line and column: a tree ({@code JsonNode})
 * forgets them. One streaming pass, no recursion.
 */
final class JsonPlaces {

    private JsonPlaces() {
    }

    /**
     * The place of the value at {@code path} (object keys as strings, list indexes as integers) from the top
     * object of {@code json}, or {@code null} when there is none or the text cannot be read.
     */
    static JsonLocation locate(String json, List<Object> path) {
        try (JsonParser p = PackData.JSON.getFactory().createParser(json)) {
            if (p.nextToken() == null) {
                return null;
            }
            for (Object step : path) {
                if (!enter(p, step)) {
                    return null;
                }
            }
            return p.currentTokenLocation();
        } catch (IOException e) {
            return null;
        }
    }

    /** From the start of a container, moves to the start of its member {@code step}; false when it has none. */
    private static boolean enter(JsonParser p, Object step) throws IOException {
        if (step instanceof String key && p.currentToken() == JsonToken.START_OBJECT) {
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean found = key.equals(p.currentName());
                p.nextToken();
                if (found) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        }
        if (step instanceof Integer index && p.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                if (i == index) {
                    return true;
                }
                p.skipChildren();
            }
        }
        return false;
    }
}
