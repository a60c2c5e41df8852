package dev.sonde.rules.cases;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.UrlCheck;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writing side of {@link RecordedProbes}: each fact bound to JSON by Jackson (its record components in order,
 * enums by their text form, instants and log times as ISO-8601), then the optional fields left out when they hold
 * what probes always leave there, and every text cleaned of credentials.
 */
final class RecordedProbesWriter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING) // the name, or a lower-case label (crl, winhttp ...)
            .addModule(new SimpleModule()
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(LogTime.class, ToStringSerializer.instance))
            .build();

    /** One fact per line, with a space after {@code :} and {@code ,}: readable and easy to edit by hand. */
    private static final ObjectWriter ONE_LINE = JSON.writer(new MinimalPrettyPrinter() {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    });

    /**
     * {@code scheme://user:password@} in a URL anywhere in a text, up to the authority's last {@code @}. Linear: the
     * scheme starts a run of its characters, and each authority (ended by {@code /}) is scanned once.
     */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*+://)[^\\s/?#\"<>]*@");

    private RecordedProbesWriter() {
    }

    /** The file's text. */
    static String toJson(Collection<? extends Fact> facts, Instant recordedAt) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(recordedAt, "recordedAt");
        List<String> lines = new ArrayList<>();
        for (Fact f : facts) {
            Objects.requireNonNull(f, "fact");
            ProbeFactTypes.family(f); // refuses what is not a probe fact
            try {
                lines.add(ONE_LINE.writeValueAsString(node(f)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + f, e);
            }
        }
        StringWriter w = new StringWriter();
        w.append("{\n  \"format\": \"").append(RecordedProbes.FORMAT).append("\",\n");
        w.append("  \"recordedAt\": \"").append(recordedAt.truncatedTo(ChronoUnit.SECONDS).toString()).append("\",\n");
        w.append("  \"facts\": [");
        w.append(lines.isEmpty() ? "" : "\n    " + String.join(",\n    ", lines) + "\n  ");
        w.append("]\n}\n");
        return w.toString();
    }

    /** A fact as a JSON object: its type, then its record components in order, credentials dropped. */
    private static ObjectNode node(Fact fact) {
        ObjectNode n = JSON.createObjectNode().put("type", fact.getClass().getSimpleName());
        n.setAll((ObjectNode) JSON.valueToTree(fact));
        if (!fact.time().known()) {
            n.remove("time");
        }
        if (fact.thread().isEmpty()) {
            n.remove("thread");
        }
        if (fact instanceof RevocationCheck r && r.servedBy().isEmpty()) {
            n.remove("servedBy");
        }
        if (fact.source().line() == 0) {
            ((ObjectNode) n.get("source")).remove("line");
        }
        clean(fact, n, proxyUserInfo(fact));
        return n;
    }

    /**
     * The texts of {@code n} cleaned ({@link #clean(String, List)}): those of the fact's string and string-list
     * components and of its source; enum names, numbers and times hold nothing to clean.
     */
    private static void clean(Fact fact, ObjectNode n, List<String> secrets) {
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            JsonNode v = n.get(c.getName());
            if (v instanceof TextNode t && c.getType() == String.class) {
                n.put(c.getName(), clean(t.asText(), secrets));
            } else if (v instanceof ArrayNode a && c.getGenericType().getTypeName().equals("java.util.List<java.lang.String>")) {
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, TextNode.valueOf(clean(a.get(i).asText(), secrets)));
                }
            } else if (v instanceof ObjectNode source && c.getType() == Evidence.class) {
                source.put("file", clean(source.get("file").asText(), secrets));
                source.put("text", clean(source.get("text").asText(), secrets));
            }
        }
    }

    /** The {@code user:password} written before {@code @} in a proxy fact's proxy address, if any. */
    private static List<String> proxyUserInfo(Fact fact) {
        String proxy = fact instanceof ProxySetting s ? s.proxy() : fact instanceof ProxyCheck c ? c.proxy()
                : fact instanceof ProxyEvent e ? e.proxy() : fact instanceof UrlCheck u ? u.proxy() : "";
        String withoutScheme = proxy.contains("://") ? proxy.substring(proxy.indexOf("://") + 3) : proxy;
        int at = withoutScheme.lastIndexOf('@');
        return at > 0 ? List.of(withoutScheme.substring(0, at + 1)) : List.of();
    }

    /** The text without credentials: a proxy's {@code user:password@}, a URL's user info, what {@link Redaction} removes. */
    static String clean(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "");
        }
        Matcher m = URL_USER_INFO.matcher(out);
        if (m.find()) {
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
        }
        return Redaction.redact(out);
    }
}
