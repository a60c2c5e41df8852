package dev.sonde.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import dev.sonde.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a golden case expects of findings' states and targets ({@code "state"} and {@code "targets"} in
 * {@code expect.json}):
 *
 * <pre>
 * "state": {"CERT_EXPIRED": "resolved", "CONNECTION_TIMEOUT": "ongoing"},
 * "targets": {"CERT_NAME_MISMATCH": [{"address": "203.0.113.7", "port": 443, "state": "ongoing", "explainedBy": null}]}
 * </pre>
 *
 * A finding's {@code state} must be the one given. Each object under {@code targets} must match at least one target of
 * the finding: every key it gives ({@code host}, {@code address}, {@code proxy}, {@code service}: text compared
 * ignoring letter case; {@code port}, {@code count}: numbers; {@code machine}, {@code unknown} (a destination not logged): true or false; {@code state};
 * {@code explainedBy}: a finding id, or JSON {@code null} for "a root cause on this target") equals the target's.
 *
 * @param states  the expected state per finding id, lower case
 * @param targets the expected targets per finding id, each a map of key to expected value ({@code null} values kept)
 */
public record TargetExpectations(Map<String, String> states, Map<String, List<Map<String, JsonNode>>> targets) {

    /** The keys a target expectation may give. */
    public static final List<String> KEYS = List.of("machine", "unknown", "host", "address", "port", "proxy", "service", "count",
            "state", "explainedBy");

    public TargetExpectations {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        Map<String, List<Map<String, JsonNode>>> copy = new LinkedHashMap<>();
        targets.forEach((id, l) -> copy.put(id, l.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)))
                .toList()));
        targets = Collections.unmodifiableMap(copy);
    }

    /** Nothing expected. */
    public static final TargetExpectations NONE = new TargetExpectations(Map.of(), Map.of());

    /** Reads {@code state} and {@code targets} of an expectation; unknown keys are refused. */
    static TargetExpectations read(JsonNode expect) {
        Map<String, String> states = new LinkedHashMap<>();
        expect.path("state").properties().forEach(e -> states.put(e.getKey(), state(e.getValue().asText())));
        Map<String, List<Map<String, JsonNode>>> targets = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : expect.path("targets").properties()) {
            List<Map<String, JsonNode>> list = new ArrayList<>();
            for (JsonNode t : e.getValue()) {
                Map<String, JsonNode> keys = new LinkedHashMap<>();
                t.properties().forEach(kv -> {
                    if (!KEYS.contains(kv.getKey())) {
                        throw new IllegalArgumentException("targets." + e.getKey() + ": unknown key '" + kv.getKey()
                                + "' (known: " + String.join(", ", KEYS) + ")");
                    }
                    keys.put(kv.getKey(), kv.getValue());
                });
                list.add(keys);
            }
            targets.put(e.getKey(), list);
        }
        return new TargetExpectations(states, targets);
    }

    private static String state(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        Target.State.valueOf(t.toUpperCase(Locale.ROOT)); // refuses an unknown state
        return t;
    }

    /** Adds what in the report contradicts these expectations to {@code problems}. */
    void check(Report report, List<String> problems) {
        states.forEach((id, state) -> {
            Optional<Finding> f = report.finding(id);
            String actual = f.map(x -> x.state().name().toLowerCase(Locale.ROOT)).orElse(null);
            if (actual == null) {
                problems.add(id + " is missing (expected state " + state + ")");
            } else if (!actual.equals(state)) {
                problems.add(id + " is " + actual + ", expected " + state);
            }
        });
        targets.forEach((id, expected) -> {
            Optional<Finding> f = report.finding(id);
            if (f.isEmpty()) {
                problems.add(id + " is missing (expected targets " + expected + ")");
                return;
            }
            for (Map<String, JsonNode> e : expected) {
                if (f.get().targets().stream().noneMatch(t -> matches(t, e))) {
                    problems.add(id + " has no target matching " + e + "; its targets: " + f.get().targets().stream()
                            .map(TargetExpectations::describe).toList());
                }
            }
        });
    }

    private static boolean matches(FindingTarget t, Map<String, JsonNode> e) {
        for (Map.Entry<String, JsonNode> kv : e.entrySet()) {
            JsonNode v = kv.getValue();
            boolean ok = switch (kv.getKey()) {
                case "machine" -> v.isBoolean() && v.asBoolean() == t.target().machine();
                case "unknown" -> v.isBoolean() && v.asBoolean() == t.target().unknown();
                case "host" -> t.target().host().equalsIgnoreCase(v.asText());
                case "address" -> t.target().address().equalsIgnoreCase(v.asText());
                case "proxy" -> t.target().proxy().equalsIgnoreCase(v.asText());
                case "service" -> t.target().service().equalsIgnoreCase(v.asText());
                case "port" -> v.isInt() && v.asInt() == t.target().port();
                case "count" -> v.isInt() && v.asInt() == t.count();
                case "state" -> t.state().name().equalsIgnoreCase(v.asText());
                case "explainedBy" -> v.isNull() ? t.explainedBy().isEmpty() : t.explainedBy().equals(Optional.of(v.asText()));
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describe(FindingTarget t) {
        return t.target() + " x" + t.count() + " " + t.state().name().toLowerCase(Locale.ROOT)
                + t.explainedBy().map(c -> " <-" + c).orElse("");
    }
}
