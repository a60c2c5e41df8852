package dev.sonde.rules.cases;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.sonde.Evidence;
import dev.sonde.facts.LogTime;
import dev.sonde.rules.pack.JsonErrors;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says in words what is wrong with one fact of a recorded probes file when Jackson refused to bind it: the field
 * the refusal points at ({@link JsonMappingException#getPath()}), what that field must hold (from the fact's record
 * component) and what the file holds there. No Java class name reaches the message.
 */
final class FactProblem {

    private FactProblem() {
    }

    /** An unknown field of the fact or of its source. */
    static String unknownField(Class<?> type, UnrecognizedPropertyException e) {
        if (e.getPath().size() > 1) {
            return "\"" + e.getPath().get(0).getFieldName() + "\": unknown field \"" + e.getPropertyName()
                    + "\" (fields: file, line, text)";
        }
        return unknownField(type, e.getPropertyName()).orElse(JsonErrors.describe(e));
    }

    /**
     * The first field of {@code fields} that {@code type} does not have, said in words; checked before binding, so
     * that a misspelt name is reported as such rather than as the field it leaves missing.
     */
    static Optional<String> unknownField(Class<?> type, Iterable<String> fields) {
        List<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        for (String f : fields) {
            if (!known.contains(f)) {
                return Optional.of("unknown field \"" + f + "\" (fields: " + String.join(", ", known) + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unknownField(Class<?> type, String field) {
        return unknownField(type, List.of(field));
    }

    /** The value at the path of {@code e} in {@code fields}, and what its field must hold instead. */
    static String describe(Class<?> type, JsonNode fields, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        RecordComponent c = path.isEmpty() ? null : component(type, path.get(0).getFieldName());
        if (c == null) {
            return JsonErrors.describe(e);
        }
        String field = "\"" + c.getName() + "\"";
        JsonNode v = fields.get(c.getName());
        if (v == null) {
            return "missing field " + field;
        }
        if (v.isNull()) {
            return field + " must not be null";
        }
        if (c.getType() == Evidence.class) {
            return source(field, v, path.size() > 1 ? path.get(1).getFieldName() : null);
        }
        if (c.getType() == List.class) {
            Class<?> element = listElement(c.getGenericType());
            String what = element == String.class ? "strings" : "names";
            if (!v.isArray()) {
                return field + " must be an array of " + what + ", was " + v;
            }
            JsonNode bad = path.size() > 1 && path.get(1).getIndex() >= 0 ? v.get(path.get(1).getIndex()) : v;
            return element.isEnum() && bad.isTextual() ? field + " must be " + expected(element) + ", was " + bad
                    : field + " must be an array of " + what + ", holds " + bad;
        }
        return field + " must be " + expected(c.getType()) + ", was " + v;
    }

    private static String source(String field, JsonNode v, String sub) {
        if (!v.isObject()) {
            return field + " must be an object {\"file\": ..., \"text\": ...}, was " + v;
        }
        if ("line".equals(sub) || (sub == null && v.path("line").asLong() < 0)) {
            return field + ": \"line\" must be a whole number >= 0, was " + v.get("line");
        }
        if ("text".equals(sub)) {
            return field + ": \"text\" must be a string (the evidence a report quotes)";
        }
        return field + ": \"file\" must be a string such as \"probe:tcp\"";
    }

    /** What a value of {@code type} is, in words. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2025-03-10T09:15:02Z (or null)";
        }
        if (type == LogTime.class) {
            return "an ISO-8601 time such as 2025-03-10T09:12:44.101+01:00";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    private static Class<?> listElement(Type t) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> e ? e : Object.class;
    }
}
