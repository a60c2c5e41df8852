package dev.sonde.rules.cases;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.sonde.SondeException;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.rules.pack.JsonErrors;
import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reading side of {@link RecordedProbes}: a recorded probes file, read within a size cap and only when it is a
 * regular file, each fact bound by Jackson to its record (strictly: every component required, no coercion between
 * kinds of values, no null but for instants, no unknown field). Every problem names the file, the fact
 * ({@code facts[3]}), its type and what is wrong, in words ({@link FactProblem}).
 */
final class RecordedProbesReader {

    /** Strict binding: what the file says is what the fact holds, or the file is refused. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // which of two values counts must not depend on the reader
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING) // the name, or a lower-case label (crl, winhttp ...)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL)) // null only where said below
            .withConfigOverride(Instant.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SET)))
            .withConfigOverride(LogTime.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SET)))
            .addModule(new SimpleModule().addDeserializer(Instant.class, new InstantText()).addDeserializer(LogTime.class, new LogTimeText()))
            .build();

    private RecordedProbesReader() {
    }

    /** @see RecordedProbes#read(Path) */
    static List<Fact> read(Path file) {
        Objects.requireNonNull(file, "file");
        Optional<String> why = InputFiles.notRegular(file);
        if (why.isPresent()) {
            throw new SondeException(file + ": " + (why.get().startsWith("no such") ? "no such file" : "not read: " + why.get()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(RecordedProbes.MAX_BYTES + 1); // bounded while reading: the size a file claims is not trusted
        } catch (IOException e) {
            throw new SondeException(file + ": cannot be read (" + InputFiles.reason(e) + ")", e);
        }
        if (bytes.length > RecordedProbes.MAX_BYTES) {
            throw tooLarge(file.toString());
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), file.toString());
        } catch (CharacterCodingException e) {
            throw new SondeException(file + ": not UTF-8 text", e);
        }
    }

    /** @see RecordedProbes#read(Reader, String) */
    static List<Fact> read(Reader in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        StringBuilder w = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                w.append(buf, 0, n);
                if (w.length() > RecordedProbes.MAX_BYTES) { // characters, not bytes: a cap of the same order
                    throw tooLarge(name);
                }
            }
        } catch (IOException e) {
            throw new SondeException(name + ": cannot be read (" + InputFiles.reason(e) + ")", e);
        }
        return parse(w.toString(), name);
    }

    private static SondeException tooLarge(String name) {
        return new SondeException(name + ": larger than " + InputFiles.size(RecordedProbes.MAX_BYTES)
                + ", the most a recorded probes file may hold; not read");
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
        String format = "\"format\": \"" + RecordedProbes.FORMAT + "\"";
        if (root == null || !root.isObject()) {
            throw new SondeException(name + ": not a recorded probes file: expected a JSON object with " + format);
        }
        JsonNode tag = root.get("format");
        if (tag == null || !tag.isTextual()) {
            throw new SondeException(name + ": not a recorded probes file: no " + format);
        }
        if (!tag.asText().equals(RecordedProbes.FORMAT)) {
            throw new SondeException(name + ": format " + tag.asText() + " is not supported; this Sonde reads " + RecordedProbes.FORMAT);
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
            out.add(fact(facts.get(i), name + ": facts[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static Fact fact(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new SondeException(at + ": not a JSON object");
        }
        JsonNode typeNode = n.get("type");
        String types = String.join(", ", ProbeFactTypes.names());
        if (typeNode == null || !typeNode.isTextual()) {
            throw new SondeException(at + ": no \"type\" (one of " + types + ")");
        }
        Class<? extends Fact> type = ProbeFactTypes.named(typeNode.asText());
        if (type == null) {
            throw new SondeException(at + ": unknown type \"" + typeNode.asText() + "\" (one of " + types + ")");
        }
        at += " (" + type.getSimpleName() + ")";
        ObjectNode fields = withDefaults((ObjectNode) n);
        Optional<String> unknown = FactProblem.unknownField(type, fields::fieldNames);
        if (unknown.isPresent()) {
            throw new SondeException(at + ": " + unknown.get());
        }
        try {
            return JSON.treeToValue(fields, type);
        } catch (ValueInstantiationException e) { // the fact's constructor (or its source's) refused a value
            if (!e.getPath().isEmpty()) {
                throw new SondeException(at + ": " + FactProblem.describe(type, fields, e), e);
            }
            Throwable cause = e.getCause();
            throw new SondeException(at + ": " + (cause instanceof NullPointerException && cause.getMessage() != null
                    ? "\"" + cause.getMessage() + "\" must not be null" : String.valueOf(cause == null ? e.getOriginalMessage()
                    : cause.getMessage())), cause);
        } catch (UnrecognizedPropertyException e) {
            throw new SondeException(at + ": " + FactProblem.unknownField(type, e), e);
        } catch (JsonMappingException e) {
            throw new SondeException(at + ": " + FactProblem.describe(type, fields, e), e);
        } catch (JsonProcessingException e) {
            throw new SondeException(at + ": " + JsonErrors.describe(e), e);
        }
    }

    /**
     * The fact's fields as Jackson binds them: without {@code type} and comments ({@code _...}), and with the
     * optional fields probes always leave so ({@code time}: unknown, {@code thread}: empty, a source's
     * {@code line}: 0), and the fields added after the first recordings ({@code ProxyCheck}'s {@code server} and
     * {@code via}, {@code UrlCheck}'s {@code proxy}, {@code RevocationCheck}'s {@code servedBy}: empty).
     */
    private static ObjectNode withDefaults(ObjectNode n) {
        ObjectNode out = n.deepCopy();
        out.remove("type");
        out.properties().removeIf(e -> e.getKey().startsWith("_"));
        if (!out.has("time")) {
            out.putNull("time");
        }
        if (!out.has("thread") || out.get("thread").isNull()) {
            out.put("thread", "");
        }
        // fields added after recordings were made (issue 10): a recording without them read as before
        String type = n.path("type").asText("");
        List<String> added = switch (type) {
            case "ProxyCheck" -> List.of("server", "via");
            case "UrlCheck" -> List.of("proxy");
            case "RevocationCheck" -> List.of("servedBy");
            default -> List.of();
        };
        for (String field : added) {
            if (!out.has(field)) {
                out.put(field, "");
            }
        }
        if (out.get("source") instanceof ObjectNode source) {
            source.properties().removeIf(e -> e.getKey().startsWith("_"));
            if (!source.has("line")) {
                source.put("line", 0);
            }
        }
        return out;
    }

    /** An instant as ISO-8601 text ({@code 2025-03-10T09:15:02Z}). */
    private static final class InstantText extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return Instant.parse(textOf(p, ctxt, Instant.class));
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 instant");
            }
        }
    }

    /** A log time as the fact prints it: ISO-8601 with or without its UTC offset; null for unknown. */
    private static final class LogTimeText extends JsonDeserializer<LogTime> {
        @Override
        public LogTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = textOf(p, ctxt, LogTime.class);
            try {
                OffsetDateTime t = OffsetDateTime.parse(s);
                return new LogTime(t.toLocalDateTime(), t.getOffset());
            } catch (DateTimeParseException e) {
                try {
                    return new LogTime(LocalDateTime.parse(s), null);
                } catch (DateTimeParseException e2) {
                    return (LogTime) ctxt.handleWeirdStringValue(LogTime.class, s, "not an ISO-8601 time");
                }
            }
        }

        @Override
        public LogTime getNullValue(DeserializationContext ctxt) {
            return LogTime.UNKNOWN;
        }
    }

    private static String textOf(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(type, p);
        }
        return p.getText();
    }
}
