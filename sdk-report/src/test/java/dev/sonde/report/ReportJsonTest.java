package dev.sonde.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.Source;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON writer against docs/report-schema.json, on real reports. */
class ReportJsonTest {

    static JsonNode schema;
    static Sonde sonde;
    static Path cases;

    @BeforeAll
    static void setUp() throws Exception {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/report-schema.json");
        schema = ReportJson.parse(Files.readString(docs));
        sonde = Sonde.builder().build();
        cases = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases"); // the built-in pack's golden cases
    }

    @Test
    void realReportsMatchTheSchema() throws Exception {
        List<Report> reports = new ArrayList<>();
        try (var dirs = Files.list(cases)) {
            for (Path dir : dirs.sorted().toList()) {
                reports.add(sonde.analyze(dir));
            }
        }
        reports.add(sonde.analyze(cases.resolve("no-such-folder")));
        reports.add(sonde.analyzeText("junk.log", "not a log\n\u0000\u0001 binary\n"));
        for (Report r : reports) {
            JsonNode json = ReportJson.parse(ReportJson.write(r));
            assertThat(validate(schema, json, "$", schema)).as(ReportJson.write(r)).isEmpty();
        }
        assertThat(reports).anySatisfy(r -> assertThat(r.findings()).isNotEmpty());
        assertThat(reports).anySatisfy(r -> assertThat(r.warnings()).isNotEmpty());
    }

    @Test
    void keysComeInTheDocumentedOrder() {
        Report r = sonde.analyze(cases.resolve("article-example-1-clock"));
        JsonNode json = ReportJson.parse(ReportJson.write(r));
        assertThat(names(json)).containsExactly("schema", "outcome", "findings", "sources", "warnings", "rulePacks");
        assertThat(json.get("outcome").asText()).isEqualTo("complete");
        assertThat(json.get("rulePacks").get(0).asText()).isEqualTo("gwsmo " + RulePack.builtIn().manifest().version());
        assertThat(names(json.get("findings").get(0))).containsExactly("id", "rank", "severity", "confidence", "title",
                "explanation", "remediation", "articleStep", "evidence", "evidenceOmitted", "explainedBy", "params");
        assertThat(names(json.get("findings").get(0).get("evidence").get(0))).containsExactly("file", "line", "text");
        assertThat(names(json.get("sources").get(0))).containsExactly("name", "format", "encoding", "linesRead",
                "linesSkipped", "facts", "status");
        assertThat(json.get("schema").asText()).isEqualTo(Report.SCHEMA);
        assertThat(json.get("findings").get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(json.get("findings").get(0).get("explainedBy").isNull()).isTrue();
        assertThat(json.get("findings").get(1).get("explainedBy").asText()).isEqualTo("CLOCK_SKEW");
        assertThat(json.get("sources").get(0).get("status").asText()).isEqualTo("read");
    }

    @Test
    void confidenceHasTwoDecimalsAndOutputIsStable() throws Exception {
        Finding f = new Finding("CERT_REVOKED", 1, Severity.CRITICAL, 0.9, "t", "e", List.of("a", "b"), "4",
                List.of(new Source("x.log", 3, "line")), 2, null, Map.of("b", "2", "a", "1"));
        Report r = new Report(List.of(f), List.of(new SourceSummary("x.log", "gwsmo-trace", "UTF-8", 10, 1, 3,
                SourceSummary.Status.READ)), List.of(new Warning("x.log", 0, "w")));
        String json = ReportJson.write(r);
        assertThat(ReportJson.parse(json).get("warnings").get(0).get("kind").asText()).isEqualTo("note");
        assertThat(json).contains("\"confidence\": 0.90,").contains("\"params\": {\n        \"a\": \"1\",");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(r, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(ReportJson.write(new Report(r.findings(), r.sources(), r.warnings()))).isEqualTo(json);
        assertThat(validate(schema, ReportJson.parse(json), "$", schema)).isEmpty();
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * A small JSON Schema checker: type, const, enum, required, properties, additionalProperties,
     * items, minimum, maximum, pattern and local $ref. Returns the problems found.
     */
    static List<String> validate(JsonNode s, JsonNode v, String path, JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            assertThat(target.isMissingNode()).as("unresolvable " + ref).isFalse();
            return validate(target, v, path, root);
        }
        if (s.has("type")) {
            List<String> types = new ArrayList<>();
            if (s.get("type").isArray()) {
                s.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(s.get("type").asText());
            }
            if (types.stream().noneMatch(t -> hasType(v, t))) {
                problems.add(path + ": expected " + types + ", was " + v.getNodeType());
                return problems;
            }
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            problems.add(path + ": expected " + s.get("const") + ", was " + v);
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                problems.add(path + ": " + v + " not in " + s.get("enum"));
            }
        }
        if (s.has("minimum") && v.isNumber() && v.asDouble() < s.get("minimum").asDouble()) {
            problems.add(path + ": below minimum");
        }
        if (s.has("maximum") && v.isNumber() && v.asDouble() > s.get("maximum").asDouble()) {
            problems.add(path + ": above maximum");
        }
        if (s.has("pattern") && v.isTextual() && !v.asText().matches(".*(" + s.get("pattern").asText() + ").*")) {
            problems.add(path + ": does not match " + s.get("pattern"));
        }
        if (v.isObject()) {
            for (JsonNode r : s.path("required")) {
                if (!v.has(r.asText())) {
                    problems.add(path + ": missing required " + r.asText());
                }
            }
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                JsonNode ps = s.path("properties").get(e.getKey());
                if (ps != null) {
                    problems.addAll(validate(ps, e.getValue(), path + "." + e.getKey(), root));
                } else if (s.has("additionalProperties")) {
                    JsonNode ap = s.get("additionalProperties");
                    if (ap.isBoolean() && !ap.asBoolean()) {
                        problems.add(path + ": unexpected property " + e.getKey());
                    } else if (ap.isObject()) {
                        problems.addAll(validate(ap, e.getValue(), path + "." + e.getKey(), root));
                    }
                }
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                problems.addAll(validate(s.get("items"), v.get(i), path + "[" + i + "]", root));
            }
        }
        return problems;
    }

    static boolean hasType(JsonNode v, String t) {
        return switch (t) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }
}
