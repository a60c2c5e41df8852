package dev.sonde.rules.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Jackson's errors in the words of a pack author: where ({@code line:column}) and what was expected, without
 * the Java class names Jackson's own messages carry ({@code Unrecognized field "x" (class
 * dev.sonde.rules.model.AllowedUrl)} becomes {@code unknown field "x" (known: ...)}).
 */
public final class JsonErrors {

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?\\s*(?:start marker )?at \\[Source:[^\\]]*\\]\\)?");
    private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?");

    private JsonErrors() {
    }

    /** {@code line:column} of the error, or empty when Jackson does not know it. */
    static String where(JsonProcessingException e) {
        return where(e.getLocation());
    }

    /** {@code line:column}, or empty when unknown. */
    static String where(JsonLocation at) {
        if (at == null || at.getLineNr() <= 0) {
            return "";
        }
        return at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
    }

    /** {@code file:line:column: } (or {@code file: } when the place is unknown). */
    public static String prefix(String file, JsonLocation at) {
        String w = where(at);
        return file + (w.isEmpty() ? "" : ":" + w) + ": ";
    }

    /**
     * What went wrong, in one phrase: {@code not valid JSON: unexpected character ','...}, {@code unknown field
     * "colour" (known: name, pattern)}, {@code 'port' must be a whole number}, or the record's own sentence when
     * it refused a value.
     */
    public static String describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"" + known(u.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return plain(rootCause(v));
        }
        if (e instanceof MismatchedInputException m) {
            String field = field(m.getPath());
            String expected = expected(m.getTargetType());
            return (field.isEmpty() ? "the value" : "'" + field + "'") + " must be " + expected;
        }
        if (e instanceof StreamReadException s) {
            return "not valid JSON: " + clean(s.getOriginalMessage());
        }
        if (e instanceof JsonMappingException j && j.getCause() != null && j.getCause() != j) {
            return plain(rootCause(j));
        }
        if (e instanceof JsonProcessingException j) {
            return clean(j.getOriginalMessage());
        }
        return plain(e);
    }

    /** A message of our own records (plain already), or a cleaned one; never a bare class name. */
    private static String plain(Throwable t) {
        if (t instanceof JsonProcessingException j) {
            return describe(j);
        }
        if (t instanceof NullPointerException && t.getMessage() != null && t.getMessage().matches("'?\\w+'?")) {
            return "'" + t.getMessage().replace("'", "") + "' is missing";
        }
        String m = t.getMessage(); // our records' own sentences, which may quote the value: left as they are
        return m == null || m.isBlank() ? "the value is not valid" : m;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(i -> names.add(String.valueOf(i)));
        return " (known: " + String.join(", ", names) + ")";
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a Java type is, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == CharSequence.class || type == Pattern.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            TreeSet<String> names = new TreeSet<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "an object";
        }
        return "of another kind";
    }

    /** Jackson's text without its source description, character codes or Java class names. */
    public static String clean(String message) {
        if (message == null) {
            return "the value is not valid";
        }
        String m = SOURCE.matcher(message).replaceAll("");
        m = CODE.matcher(m).replaceAll("");
        m = CLASS_NAME.matcher(m).replaceAll("$1");
        m = m.replaceAll("\\s+", " ").strip();
        return m.isEmpty() ? "the value is not valid" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
