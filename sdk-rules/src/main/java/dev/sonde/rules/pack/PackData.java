package dev.sonde.rules.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import dev.sonde.rules.model.BlockAnswer;
import dev.sonde.rules.model.ClientProgram;
import dev.sonde.rules.model.AllowedUrl;
import dev.sonde.rules.model.Explains;
import dev.sonde.rules.model.GoogleHost;
import dev.sonde.rules.model.GoogleIpRange;
import dev.sonde.rules.model.GoogleIssuer;
import dev.sonde.rules.model.GoogleServer;
import dev.sonde.rules.model.Interceptor;
import dev.sonde.rules.model.MinimumVersion;
import dev.sonde.rules.model.NetworkErrorFinding;
import dev.sonde.rules.model.TrustedRoot;
import dev.sonde.rules.model.WebFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data file ({@code *.json} of a pack, or an endpoint catalog): an object of sections, each an array of
 * records ({@code googleIssuers} → {@link GoogleIssuer}, {@code googleHosts} → {@link GoogleHost},
 * {@code googleIpRanges} → {@link GoogleIpRange}, {@code interceptors} → {@link Interceptor},
 * {@code minimumVersions} → {@link MinimumVersion}, {@code clientPrograms} → {@link ClientProgram}, {@code endpoints} → {@link AllowedUrl}, {@code trustAnchors}
 * → {@link TrustedRoot}, {@code googleServers} → {@link GoogleServer}, {@code blockAnswers} → {@link BlockAnswer}, {@code webFilters} → {@link WebFilter},
 * {@code networkErrors} → {@link NetworkErrorFinding}, {@code explains} → {@link Explains}); keys starting with {@code _} or {@code $} are comments. The file is read as a
 * stream, so every problem (malformed JSON, an unknown section or field, a wrong value) is reported at its line
 * and column, in words (no Java class names).
 */
public final class PackData {

    static final Map<String, Class<?>> SECTIONS = Map.ofEntries(
            Map.entry("googleIssuers", GoogleIssuer.class),
            Map.entry("googleHosts", GoogleHost.class),
            Map.entry("googleIpRanges", GoogleIpRange.class),
            Map.entry("googleServers", GoogleServer.class),
            Map.entry("blockAnswers", BlockAnswer.class),
            Map.entry("interceptors", Interceptor.class),
            Map.entry("webFilters", WebFilter.class),
            Map.entry("minimumVersions", MinimumVersion.class),
            Map.entry("clientPrograms", ClientProgram.class),
            Map.entry("endpoints", AllowedUrl.class),
            Map.entry("trustAnchors", TrustedRoot.class),
            Map.entry("networkErrors", NetworkErrorFinding.class),
            Map.entry("explains", Explains.class));

    /** Duplicate keys are refused: which of two values counts must never depend on the reader. */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private PackData() {
    }

    /** One section of a data file: its name, where its key is, its records in file order and where each starts. */
    record Section(String name, JsonLocation at, List<Object> records, List<JsonLocation> places) {
    }

    /**
     * One record of a data file with its place, for checks that need to point at a row ({@code sonde rules check}).
     *
     * @param section the section's name ({@code explains})
     * @param index   its index in the section
     * @param line    1-based line of the record's start
     * @param column  1-based column
     * @param record  the record
     */
    public record Located(String section, int index, int line, int column, Object record) {
    }

    /**
     * The records of every section with their places, in file order.
     *
     * @throws RulePackException as {@link #records}
     */
    public static List<Located> located(String file, String json) {
        List<Located> out = new ArrayList<>();
        for (Section s : sections(file, json)) {
            for (int i = 0; i < s.records().size(); i++) {
                JsonLocation l = s.places().get(i);
                out.add(new Located(s.name(), i, Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()), s.records().get(i)));
            }
        }
        return out;
    }

    /**
     * A problem of a data file, with where it is: the message is {@code file: detail} (so that a caller can say it
     * in its own words), the one problem has the file, line, column and detail (see {@link PackProblem#located()}).
     */
    private static RulePackException invalid(String file, JsonLocation at, String detail, Throwable cause) {
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null || line == 0 ? 0 : Math.max(0, at.getColumnNr());
        return new RulePackException(file + ": " + detail,
                List.of(new PackProblem(file, line, column, PackProblem.Level.ERROR, detail)), cause);
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
     * @throws RulePackException naming the file, line and column, and what is wrong
     */
    static List<Section> sections(String file, String json) {
        List<Section> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw invalid(file, t == null ? null : p.currentTokenLocation(), (t == null ? "the file is empty: " : "")
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
                    throw invalid(file, at, "unknown section '" + key + "' (known: "
                            + String.join(", ", new TreeMap<>(SECTIONS).keySet()) + ")", null);
                }
                if (t != JsonToken.START_ARRAY) {
                    throw invalid(file, p.currentTokenLocation(), "section '" + key + "' must be an array", null);
                }
                List<Object> records = new ArrayList<>();
                List<JsonLocation> places = new ArrayList<>();
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    JsonLocation element = p.currentTokenLocation();
                    try {
                        records.add(JSON.readValue(p, type));
                        places.add(element);
                    } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
                        throw e; // malformed JSON inside a record: reported below, at its place
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        // a refused or unknown field is reported at its record (Jackson knows only where the record
                        // ended); a value of the wrong kind at the value itself
                        JsonLocation where = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException j
                                && !(e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException)
                                && j.getLocation() != null ? j.getLocation() : element;
                        throw invalid(file, where, key + "[" + i + "]: " + JsonErrors.describe(e), e);
                    }
                    i++;
                }
                out.add(new Section(key, at, records, places));
            }
            if (t != JsonToken.END_OBJECT) {
                throw invalid(file, p.currentTokenLocation(), "expected a section name", null);
            }
            if (p.nextToken() != null) {
                throw invalid(file, p.currentTokenLocation(), "unexpected text after the end of the object", null);
            }
        } catch (JsonProcessingException e) {
            throw invalid(file, e.getLocation(), JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw invalid(file, null, "cannot be read: " + e.getMessage(), e); // reading a String: not expected
        }
        return out;
    }
}
