package dev.sonde.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import dev.sonde.Report;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Report} as the JSON of {@code docs/report-schema.json} ({@value Report#SCHEMA}):
 * pretty-printed, keys in a fixed order, findings in rank order, severities in lower case,
 * confidence with two decimals. Equal reports give identical bytes. Thread-safe.
 *
 * <pre>{@code
 * {
 *   "schema": "sonde.report/2",
 *   "outcome": "complete",
 *   "findings": [ { "id": "CLOCK_SKEW", "rank": 1, "severity": "critical", "confidence": 0.95, "title": "...",
 *                   "explanation": "...", "remediation": ["..."], "articleStep": "4",
 *                   "evidence": [ {"file": "...", "line": 1, "text": "..."} ], "evidenceOmitted": 0,
 *                   "explainedBy": null, "params": { "issuer": "..." }, "state": "ongoing",
 *                   "firstSeen": "2022-09-21T03:59:46", "lastSeen": "...",
 *                   "targets": [ { "machine": false, "host": "...", "address": "...", "port": 443, "proxy": "",
 *                                  "service": "...", "firstSeen": "...", "lastSeen": "...", "count": 2,
 *                                  "state": "ongoing", "explainedBy": null, "evidence": [ ... ] } ] } ],
 *   "sources": [ { "name": "...", "format": "gwsmo-trace", "encoding": "UTF-8", "linesRead": 18,
 *                  "linesSkipped": 0, "facts": 6, "status": "read" } ],
 *   "warnings": [ { "file": "...", "line": 0, "message": "...", "kind": "note" } ],
 *   "rulePacks": [ "gwsmo 1.0.0" ]
 * }
 * }</pre>
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .with(new InvisibleEscapes());

    /**
     * Escapes, besides what JSON requires (C0 controls, quote, backslash), DEL, the C1 controls and the Unicode
     * bidirectional overrides, isolates and marks as JSON escapes (backslash, {@code u}, four hex digits): the text
     * stays exactly what was read, but
     * JSON shown in a terminal or an editor cannot drive it or reorder what is shown.
     */
    private static final class InvisibleEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        InvisibleEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean invisible = (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E || c == 0x200F || c == 0x061C;
            return invisible ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }

    private ReportJson() {
    }

    /** The report as JSON text (ending with a line feed). */
    public static String write(Report report) {
        try {
            return WRITER.writeValueAsString(tree(report)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report as UTF-8 JSON (ending with a line feed); the stream is flushed, not closed. */
    public static void write(Report report, OutputStream out) throws IOException {
        WRITER.writeValue(out, tree(report));
        out.write('\n');
        out.flush();
    }

    /** The report as a JSON tree, keys in the documented order. */
    public static ObjectNode tree(Report report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", Report.SCHEMA);
        root.put("outcome", outcome(report.outcome()));
        ArrayNode findings = root.putArray("findings");
        for (Finding x : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("id", x.id());
            n.put("rank", x.rank());
            n.put("severity", x.severity().label());
            n.put("confidence", BigDecimal.valueOf(x.confidence()).setScale(2, RoundingMode.HALF_UP));
            n.put("title", x.title());
            n.put("explanation", x.explanation());
            ArrayNode steps = n.putArray("remediation");
            x.remediation().forEach(steps::add);
            n.put("articleStep", x.articleStep());
            evidence(n.putArray("evidence"), x.evidence());
            n.put("evidenceOmitted", x.evidenceOmitted());
            n.put("explainedBy", x.explainedBy().orElse(null)); // null for a root cause, as the schema says
            ObjectNode params = n.putObject("params");
            for (Map.Entry<String, String> p : x.params().entrySet()) {
                params.put(p.getKey(), p.getValue());
            }
            n.put("state", state(x.state()));
            n.put("firstSeen", x.firstSeen().map(LogTime::toString).orElse(null));
            n.put("lastSeen", x.lastSeen().map(LogTime::toString).orElse(null));
            ArrayNode targets = n.putArray("targets");
            for (FindingTarget t : x.targets()) {
                ObjectNode o = targets.addObject();
                o.put("machine", t.target().machine());
                o.put("unknown", t.target().unknown());
                o.put("host", t.target().host());
                o.put("address", t.target().address());
                o.put("port", t.target().port());
                o.put("proxy", t.target().proxy());
                o.put("service", t.target().service());
                o.put("firstSeen", t.firstSeen().map(LogTime::toString).orElse(null));
                o.put("lastSeen", t.lastSeen().map(LogTime::toString).orElse(null));
                o.put("count", t.count());
                o.put("state", state(t.state()));
                o.put("explainedBy", t.explainedBy().orElse(null));
                evidence(o.putArray("evidence"), t.evidence());
            }
        }
        ArrayNode sources = root.putArray("sources");
        for (InputSummary s : report.inputs()) {
            ObjectNode n = sources.addObject();
            n.put("name", s.name());
            n.put("format", s.format());
            n.put("encoding", s.encoding());
            n.put("linesRead", s.linesRead());
            n.put("linesSkipped", s.linesSkipped());
            n.put("facts", s.facts());
            n.put("status", s.status().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Warning w : report.warnings()) {
            ObjectNode n = warnings.addObject();
            n.put("file", w.file());
            n.put("line", w.line());
            n.put("message", w.message());
            n.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode packs = root.putArray("rulePacks");
        report.rulePacks().forEach(packs::add);
        return root;
    }

    /** Evidence lines as {@code {file, line, text}} objects, for a finding and for each of its targets. */
    private static void evidence(ArrayNode into, List<Evidence> lines) {
        for (Evidence s : lines) {
            ObjectNode e = into.addObject();
            e.put("file", s.file());
            e.put("line", s.line());
            e.put("text", s.text());
        }
    }

    /** A state as JSON writes it: {@code ongoing}, {@code intermittent}, {@code resolved}. */
    static String state(Target.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The outcome as JSON writes it: {@code complete}, {@code incomplete}, {@code nothing-to-diagnose}. */
    static String outcome(Report.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses JSON text into a tree (for tools and tests that check what was written). */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
