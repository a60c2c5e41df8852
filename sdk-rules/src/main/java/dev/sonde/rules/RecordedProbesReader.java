package dev.sonde.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.SondeException;
import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.rules.pack.JsonErrors;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The reading side of {@link RecordedProbes}: a recorded probes file, read within a size cap and only when it
 * is a regular file, checked fact by fact; every problem names the file, the fact ({@code facts[3]}), its type
 * and what is wrong.
 */
final class RecordedProbesReader {

    /** Duplicate keys are refused: which of two values counts must never depend on the reader. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private RecordedProbesReader() {
    }

    /**
     * Reads a recorded probes file.
     *
     * @return the facts, in the file's order
     * @throws SondeException when the file cannot be read or is not a valid recorded probes file: the message
     *                        names the file and, for a bad fact, its index ({@code facts[3]}), its type and what
     *                        is wrong
     */
    static List<Fact> read(Path file) {
        Objects.requireNonNull(file, "file");
        java.util.Optional<String> why = dev.sonde.spi.InputFiles.notRegular(file);
        if (why.isPresent()) {
            throw new SondeException(file + ": " + (why.get().startsWith("no such") ? "no such file" : "not read: " + why.get()));
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(RecordedProbes.MAX_BYTES + 1); // bounded while reading: the size a file claims is not trusted
        } catch (IOException e) {
            throw new SondeException(file + ": cannot be read (" + dev.sonde.spi.InputFiles.reason(e) + ")", e);
        }
        if (bytes.length > RecordedProbes.MAX_BYTES) {
            throw new SondeException(file + ": larger than " + dev.sonde.spi.InputFiles.size(RecordedProbes.MAX_BYTES)
                    + ", the most a recorded probes file may hold; not read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SondeException(file + ": not UTF-8 text", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a recorded probes file from {@code in} (not closed); {@code name} is what error messages call it.
     *
     * @throws SondeException as {@link #read(Path)}
     */
    static List<Fact> read(Reader in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        StringBuilder w = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                w.append(buf, 0, n);
                if (w.length() > RecordedProbes.MAX_BYTES) { // characters, not bytes: a cap of the same order
                    throw new SondeException(name + ": larger than " + dev.sonde.spi.InputFiles.size(RecordedProbes.MAX_BYTES)
                            + ", the most a recorded probes file may hold; not read");
                }
            }
        } catch (IOException e) {
            throw new SondeException(name + ": cannot be read (" + dev.sonde.spi.InputFiles.reason(e) + ")", e);
        }
        return parse(w.toString(), name);
    }

    private static List<Fact> parse(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SondeException(name + ": not valid JSON" + where + ": " + JsonErrors.clean(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new SondeException(name + ": not a recorded probes file: expected a JSON object with \"format\": \""
                    + RecordedProbes.FORMAT + "\"");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw new SondeException(name + ": not a recorded probes file: no \"format\": \"" + RecordedProbes.FORMAT + "\"");
        }
        if (!format.asText().equals(RecordedProbes.FORMAT)) {
            throw new SondeException(name + ": format " + format.asText() + " is not supported; this Sonde reads " + RecordedProbes.FORMAT);
        }
        JsonNode recordedAt = root.get("recordedAt");
        if (recordedAt != null && !recordedAt.isNull()) {
            try {
                Instant.parse(recordedAt.asText());
            } catch (DateTimeParseException e) {
                throw new SondeException(name + ": \"recordedAt\" must be an ISO-8601 instant such as 2025-03-10T09:15:02Z, was '"
                        + recordedAt.asText() + "'", e);
            }
        }
        JsonNode facts = root.get("facts");
        if (facts == null || !facts.isArray()) {
            throw new SondeException(name + ": \"facts\" must be an array of facts");
        }
        List<Fact> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            out.add(fact(facts.get(i), name, i));
        }
        return List.copyOf(out);
    }

    /** Thrown inside the reader for one fact; turned into a {@link SondeException} naming file and index. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private static Fact fact(JsonNode n, String name, int index) {
        String at = name + ": facts[" + index + "]";
        if (!n.isObject()) {
            throw new SondeException(at + ": not a JSON object");
        }
        JsonNode typeNode = n.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new SondeException(at + ": no \"type\" (one of " + String.join(", ", RecordedProbes.types()) + ")");
        }
        Class<? extends Fact> type = RecordedProbes.type(typeNode.asText());
        if (type == null) {
            throw new SondeException(at + ": unknown type \"" + typeNode.asText() + "\" (one of "
                    + String.join(", ", RecordedProbes.types()) + ")");
        }
        at += " (" + type.getSimpleName() + ")";
        RecordComponent[] components = type.getRecordComponents();
        List<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toList());
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("type") && !field.startsWith("_") && !known.contains(field)) {
                throw new SondeException(at + ": unknown field \"" + field + "\" (fields: " + String.join(", ", known) + ")");
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                args[i] = value(c, n.get(c.getName()));
            }
        } catch (Bad e) {
            throw new SondeException(at + ": " + e.getMessage());
        }
        try {
            Constructor<? extends Fact> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SondeException(at + ": " + (cause instanceof NullPointerException && cause.getMessage() != null
                    ? "\"" + cause.getMessage() + "\" must not be null" : String.valueOf(cause.getMessage())), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    /** The value of one record component from its JSON ({@code null} when absent). */
    private static Object value(RecordComponent c, JsonNode v) {
        String field = "\"" + c.getName() + "\"";
        Class<?> type = c.getType();
        if (type == LogTime.class) {
            return v == null || v.isNull() ? LogTime.UNKNOWN : logTime(field, v);
        }
        if (c.getName().equals("thread") && type == String.class && (v == null || v.isNull())) {
            return "";
        }
        if (v == null) {
            throw new Bad("missing field " + field);
        }
        if (v.isNull()) {
            if (type == Instant.class) {
                return null;
            }
            throw new Bad(field + " must not be null");
        }
        if (type == String.class) {
            if (!v.isTextual()) {
                throw new Bad(field + " must be a string, was " + v);
            }
            return v.asText();
        }
        if (type == int.class) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new Bad(field + " must be a whole number, was " + v);
            }
            return v.intValue();
        }
        if (type == long.class) {
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new Bad(field + " must be a whole number, was " + v);
            }
            return v.longValue();
        }
        if (type == boolean.class) {
            if (!v.isBoolean()) {
                throw new Bad(field + " must be true or false, was " + v);
            }
            return v.booleanValue();
        }
        if (type == Instant.class) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new Bad(field + " must be an ISO-8601 instant such as 2025-03-10T09:15:02Z (or null), was " + v);
            }
        }
        if (type.isEnum()) {
            return constant(field, type, v);
        }
        Class<?> element = listElement(c.getGenericType());
        if (type == List.class && (element == String.class || element.isEnum())) {
            String what = element == String.class ? "strings" : "names";
            if (!v.isArray()) {
                throw new Bad(field + " must be an array of " + what + ", was " + v);
            }
            List<Object> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    throw new Bad(field + " must be an array of " + what + ", holds " + e);
                }
                out.add(element == String.class ? e.asText() : constant(field, element, e));
            }
            return out;
        }
        if (type == Evidence.class) {
            return source(field, v);
        }
        throw new IllegalStateException("a recorded probes file cannot hold " + c);
    }

    /** The constant whose text form ({@code toString}: its name, or a lower-case label) the JSON holds. */
    private static Object constant(String field, Class<?> type, JsonNode v) {
        for (Object constant : type.getEnumConstants()) {
            if (v.isTextual() && constant.toString().equals(v.asText())) {
                return constant;
            }
        }
        throw new Bad(field + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ")) + ", was " + v);
    }

    private static Class<?> listElement(Type t) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> e ? e : Object.class;
    }

    private static LogTime logTime(String field, JsonNode v) {
        String s = v.asText();
        if (!v.isTextual()) {
            throw new Bad(field + " must be an ISO-8601 time such as 2025-03-10T09:12:44.101+01:00, was " + v);
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            return new LogTime(t.toLocalDateTime(), t.getOffset());
        } catch (DateTimeParseException e) {
            try {
                return new LogTime(LocalDateTime.parse(s), null);
            } catch (DateTimeParseException e2) {
                throw new Bad(field + " must be an ISO-8601 time such as 2025-03-10T09:12:44.101+01:00, was " + v);
            }
        }
    }

    private static Evidence source(String field, JsonNode v) {
        if (!v.isObject()) {
            throw new Bad(field + " must be an object {\"file\": ..., \"text\": ...}, was " + v);
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!List.of("file", "line", "text").contains(key) && !key.startsWith("_")) {
                throw new Bad(field + ": unknown field \"" + key + "\" (fields: file, line, text)");
            }
        }
        JsonNode file = v.get("file");
        JsonNode line = v.get("line");
        JsonNode text = v.get("text");
        if (file == null || !file.isTextual()) {
            throw new Bad(field + ": \"file\" must be a string such as \"probe:tcp\"");
        }
        if (text == null || !text.isTextual()) {
            throw new Bad(field + ": \"text\" must be a string (the evidence a report quotes)");
        }
        if (line != null && (!line.isIntegralNumber() || !line.canConvertToLong() || line.longValue() < 0)) {
            throw new Bad(field + ": \"line\" must be a whole number >= 0, was " + line);
        }
        return new Evidence(file.asText(), line == null ? 0 : line.longValue(), text.asText());
    }
}
