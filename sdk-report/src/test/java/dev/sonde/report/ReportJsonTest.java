package dev.sonde.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testkit.SondeExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON writer against docs/report-schema.json, on real reports. */
@ExtendWith(SondeExtension.class)
class ReportJsonTest {

    static Schema schema;
    static Sonde sonde;
    static Path cases;

    @BeforeAll
    static void setUp(Sonde shared) throws Exception {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs/report-schema.json");
        // a real JSON Schema 2020-12 validator: every keyword the schema uses is checked, none silently ignored
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(docs), InputFormat.JSON);
        sonde = shared;
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
            assertThat(validate(json)).as(ReportJson.write(r)).isEmpty();
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
                "explanation", "remediation", "articleStep", "evidence", "evidenceOmitted", "explainedBy", "params",
                "state", "firstSeen", "lastSeen", "targets");
        assertThat(names(json.get("findings").get(0).get("evidence").get(0))).containsExactly("file", "line", "text");
        JsonNode target = json.get("findings").get(0).get("targets").get(0);
        assertThat(names(target)).containsExactly("machine", "unknown", "host", "address", "port", "proxy", "service",
                "firstSeen", "lastSeen", "count", "state", "explainedBy", "evidence");
        // the article's clock: machine-wide, seen in the authorization log of 2022-09-21, still failing at its end
        assertThat(target.get("machine").asBoolean()).isTrue();
        assertThat(target.get("unknown").asBoolean()).isFalse();
        assertThat(target.get("state").asText()).isEqualTo("ongoing");
        assertThat(json.get("findings").get(0).get("firstSeen").asText()).startsWith("2022-09-21T");
        assertThat(json.get("findings").get(1).get("targets").get(0).get("explainedBy").asText()).isEqualTo("CLOCK_SKEW");
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
                List.of(new Evidence("x.log", 3, "line")), 2, Optional.empty(), Map.of("b", "2", "a", "1"));
        Report r = new Report(List.of(f), List.of(new InputSummary("x.log", "gwsmo-trace", "UTF-8", 10, 1, 3,
                InputSummary.Status.READ)), List.of(new Warning("x.log", 0, "w")));
        String json = ReportJson.write(r);
        assertThat(ReportJson.parse(json).get("warnings").get(0).get("kind").asText()).isEqualTo("note");
        assertThat(json).contains("\"confidence\": 0.90,").contains("\"params\": {\n        \"a\": \"1\",");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(r, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(ReportJson.write(new Report(r.findings(), r.inputs(), r.warnings()))).isEqualTo(json);
        assertThat(validate(ReportJson.parse(json))).isEmpty();
    }

    @Test
    void aBrokenReportIsRejected() {
        JsonNode good = ReportJson.parse(ReportJson.write(sonde.analyze(cases.resolve("article-example-1-clock"))));
        assertThat(validate(good)).isEmpty();
        // each change below breaks one promise of the schema, and each is caught
        Map<String, java.util.function.Consumer<ObjectNode>> breaks = new java.util.LinkedHashMap<>();
        breaks.put("unknown schema", r -> r.put("schema", "sonde.report/1"));
        breaks.put("unknown state", r -> finding(r).put("state", "ONGOING"));
        breaks.put("a target without its count", r -> ((ObjectNode) finding(r).get("targets").get(0)).remove("count"));
        breaks.put("a count of 0", r -> ((ObjectNode) finding(r).get("targets").get(0)).put("count", 0));
        breaks.put("a port as text", r -> ((ObjectNode) finding(r).get("targets").get(0)).put("port", "443"));
        breaks.put("unknown outcome", r -> r.put("outcome", "done"));
        breaks.put("a key too many", r -> r.put("extra", 1));
        breaks.put("a key missing", r -> r.remove("warnings"));
        breaks.put("rank 0", r -> finding(r).put("rank", 0));
        breaks.put("confidence above 1", r -> finding(r).put("confidence", 1.5));
        breaks.put("lower-case id", r -> finding(r).put("id", "clock_skew"));
        breaks.put("unknown severity", r -> finding(r).put("severity", "fatal"));
        breaks.put("a number as a param", r -> finding(r).with("params").put("host", 443));
        breaks.put("explainedBy not an id", r -> finding(r).put("explainedBy", "because"));
        breaks.put("six evidence lines", r -> {
            ArrayNode evidence = finding(r).withArray("evidence");
            while (evidence.size() < 6) {
                evidence.add(evidence.get(0).deepCopy());
            }
        });
        breaks.put("negative line", r -> ((ObjectNode) finding(r).get("evidence").get(0)).put("line", -1));
        breaks.put("unknown input status", r -> ((ObjectNode) r.get("sources").get(0)).put("status", "skipped"));
        breaks.put("a source without its name", r -> ((ObjectNode) r.get("sources").get(0)).remove("name"));
        breaks.put("an empty pack name", r -> r.withArray("rulePacks").add(""));
        breaks.forEach((what, change) -> {
            ObjectNode broken = good.deepCopy();
            change.accept(broken);
            assertThat(validate(broken)).as(what).isNotEmpty();
        });
    }

    private static ObjectNode finding(ObjectNode report) {
        return (ObjectNode) report.get("findings").get(0);
    }

    /** What the validator says is wrong with {@code report}, one line per problem; empty when it matches. */
    static List<String> validate(JsonNode report) {
        return schema.validate(report).stream().map(Object::toString).toList();
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
