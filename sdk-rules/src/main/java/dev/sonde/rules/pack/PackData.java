package dev.sonde.rules.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.SondeException;
import dev.sonde.rules.model.Endpoint;
import dev.sonde.rules.model.GoogleHost;
import dev.sonde.rules.model.GoogleIpRange;
import dev.sonde.rules.model.GoogleIssuer;
import dev.sonde.rules.model.Interceptor;
import dev.sonde.rules.model.MinimumVersion;
import dev.sonde.rules.model.TrustAnchorData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data file ({@code *.json} of a pack, or an endpoint catalog): an object of sections, each an array of
 * records ({@code googleIssuers} → {@link GoogleIssuer}, {@code googleHosts} → {@link GoogleHost},
 * {@code googleIpRanges} → {@link GoogleIpRange}, {@code interceptors} → {@link Interceptor},
 * {@code minimumVersions} → {@link MinimumVersion}, {@code endpoints} → {@link Endpoint}, {@code trustAnchors}
 * → {@link TrustAnchorData}); keys starting with {@code _} or {@code $} are comments. The file is read as a
 * stream, so every problem (malformed JSON, an unknown section or field, a wrong value) is reported at its line
 * and column, in words (no Java class names).
 */
public final class PackData {

    static final Map<String, Class<?>> SECTIONS = Map.of(
            "googleIssuers", GoogleIssuer.class,
            "googleHosts", GoogleHost.class,
            "googleIpRanges", GoogleIpRange.class,
            "interceptors", Interceptor.class,
            "minimumVersions", MinimumVersion.class,
            "endpoints", Endpoint.class,
            "trustAnchors", TrustAnchorData.class);

    /** Duplicate keys are refused: which of two values counts must never depend on the reader. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PackData() {
    }

    /** One section of a data file: its name, where its key is, and its records in file order. */
    record Section(String name, JsonLocation at, List<Object> records) {
    }

    /**
     * A problem of a data file, with where it is. {@link #getMessage()} is {@code file: detail} (as
     * {@code rules check} shows it next to its own line and column); {@link #located()} is
     * {@code file:line:column: detail}, what loading says.
     */
    static final class Invalid extends SondeException {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;
        private final int column;
        private final String detail;

        Invalid(String file, JsonLocation at, String detail, Throwable cause) {
            super(file + ": " + detail, cause);
            this.file = file;
            this.line = at == null ? 0 : Math.max(0, at.getLineNr());
            this.column = at == null || line == 0 ? 0 : Math.max(0, at.getColumnNr());
            this.detail = detail;
        }

        /** 1-based, or 0 when unknown. */
        int line() {
            return line;
        }

        /** 1-based, or 0 when unknown. */
        int column() {
            return column;
        }

        /** What is wrong, without the file and place. */
        String detail() {
            return detail;
        }

        /** {@code file:line:column: detail}. */
        String located() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + detail;
        }
    }

    /** The records of every section, in file order. */
    public static List<Object> records(String file, String json) {
        List<Object> out = new ArrayList<>();
        sections(file, json).forEach(s -> out.addAll(s.records()));
        return out;
    }

    /**
     * The sections of a data file, in file order.
     *
     * @throws Invalid naming the file, line and column, and what is wrong
     */
    static List<Section> sections(String file, String json) {
        List<Section> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new Invalid(file, t == null ? null : p.currentTokenLocation(), (t == null ? "the file is empty: " : "")
                        + "expected an object of sections such as {\"interceptors\": [...]}", null);
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                t = p.nextToken();
                if (key.startsWith("_") || key.startsWith("$")) {
                    p.skipChildren();
                    continue;
                }
                Class<?> type = SECTIONS.get(key);
                if (type == null) {
                    throw new Invalid(file, at, "unknown section '" + key + "' (known: "
                            + String.join(", ", new TreeMap<>(SECTIONS).keySet()) + ")", null);
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new Invalid(file, p.currentTokenLocation(), "section '" + key + "' must be an array", null);
                }
                List<Object> records = new ArrayList<>();
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    JsonLocation element = p.currentTokenLocation();
                    try {
                        records.add(JSON.readValue(p, type));
                    } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
                        throw e; // malformed JSON inside a record: reported below, at its place
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        // a refused or unknown field is reported at its record (Jackson knows only where the record
                        // ended); a value of the wrong kind at the value itself
                        JsonLocation where = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException j
                                && !(e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException)
                                && j.getLocation() != null ? j.getLocation() : element;
                        throw new Invalid(file, where, key + "[" + i + "]: " + JsonErrors.describe(e), e);
                    }
                    i++;
                }
                out.add(new Section(key, at, records));
            }
            if (t != JsonToken.END_OBJECT) {
                throw new Invalid(file, p.currentTokenLocation(), "expected a section name", null);
            }
            if (p.nextToken() != null) {
                throw new Invalid(file, p.currentTokenLocation(), "unexpected text after the end of the object", null);
            }
        } catch (JsonProcessingException e) {
            throw new Invalid(file, e.getLocation(), JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new Invalid(file, null, "cannot be read: " + e.getMessage(), e); // reading a String: not expected
        }
        return out;
    }
}
