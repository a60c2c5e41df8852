package dev.sonde.rules.engine;

import dev.sonde.Finding;
import dev.sonde.Severity;
import dev.sonde.Evidence;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.pack.MessageBundle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns detections into ranked findings. All detections of one id merge into one finding: the worst
 * severity, the highest confidence, parameters merged (lists of distinct values in order of their evidence,
 * joined with {@code ", "} only in the finding and its text; at most {@value #VALUES_PER_PARAM} per parameter beyond what one rule gave), evidence = distinct sources sorted by file and line, at most
 * {@value #EVIDENCE_SHOWN} shown. Explanations mark a finding {@code explainedBy} its best-ranked cause
 * (edges that would close a cycle are ignored). Ranking: root causes first, then each level of
 * consequences below its causes; within a level by severity, confidence, amount of evidence, id.
 * The result does not depend on the order facts were inserted or rules fired.
 */
final class FindingAssembler {

    /** Evidence lines shown per finding. */
    static final int EVIDENCE_SHOWN = 5;
    /** Distinct values kept per merged parameter. */
    static final int VALUES_PER_PARAM = 5;
    /** The last value of a parameter cut to {@value #VALUES_PER_PARAM} values. */
    static final String CUT = "…";

    private FindingAssembler() {
    }

    /** A merged finding before ranking and text. */
    record Merged(String id, Severity severity, double confidence, String articleStep, Map<String, List<String>> params,
            List<Evidence> evidence) {

        /** The parameters as a finding shows them: each one's values joined with {@code ", "}. */
        Map<String, String> joined() {
            Map<String, String> out = new TreeMap<>();
            params.forEach((name, values) -> out.put(name, String.join(", ", values)));
            return out;
        }
    }

    private static final Comparator<Merged> BY_WEIGHT = Comparator
            .comparing(Merged::severity)
            .thenComparing(Comparator.comparingDouble(Merged::confidence).reversed())
            .thenComparing(Comparator.comparingInt((Merged m) -> m.evidence().size()).reversed())
            .thenComparing(Merged::id);

    static List<Finding> assemble(List<Detection> detections, List<Explanation> explanations,
            MessageBundle.Texts texts) {
        Map<String, Merged> merged = merge(detections);
        List<Merged> byWeight = new ArrayList<>(merged.values());
        byWeight.sort(BY_WEIGHT);
        Map<String, Integer> weightRank = new HashMap<>();
        for (int i = 0; i < byWeight.size(); i++) {
            weightRank.put(byWeight.get(i).id(), i);
        }

        // Explanation edges between present findings, accepted in weight order unless they close a cycle.
        Set<List<String>> edgeSet = new LinkedHashSet<>();
        for (Explanation e : explanations) {
            if (!e.cause().equals(e.effect()) && merged.containsKey(e.cause()) && merged.containsKey(e.effect())) {
                edgeSet.add(List.of(e.cause(), e.effect()));
            }
        }
        List<List<String>> edges = new ArrayList<>(edgeSet);
        edges.sort(Comparator.comparingInt((List<String> e) -> weightRank.get(e.get(0)))
                .thenComparingInt(e -> weightRank.get(e.get(1))));
        Map<String, List<String>> causesOf = new TreeMap<>();
        Map<String, List<String>> effectsOf = new HashMap<>();
        for (List<String> e : edges) {
            String cause = e.get(0);
            String effect = e.get(1);
            if (!reaches(effectsOf, effect, cause)) {
                causesOf.computeIfAbsent(effect, k -> new ArrayList<>()).add(cause);
                effectsOf.computeIfAbsent(cause, k -> new ArrayList<>()).add(effect);
            }
        }

        // explainedBy = the cause that ranks best (fewest levels down, then weight).
        Map<String, String> explainedBy = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        for (Merged m : byWeight) {
            depth(m.id(), causesOf, weightRank, depth, explainedBy);
        }
        List<Merged> ranked = new ArrayList<>(byWeight);
        ranked.sort(Comparator.comparingInt((Merged m) -> depth.get(m.id())).thenComparing(BY_WEIGHT));

        List<Finding> out = new ArrayList<>();
        int rank = 1;
        for (Merged m : ranked) {
            String title = texts.title(m.id(), m.params());
            String explanation = texts.explanation(m.id(), m.params());
            List<String> remediation = texts.remediation(m.id(), m.params());
            List<Evidence> shown = m.evidence().subList(0, Math.min(EVIDENCE_SHOWN, m.evidence().size()));
            out.add(new Finding(m.id(), rank++, m.severity(), m.confidence(), title, explanation, remediation,
                    m.articleStep(), shown, m.evidence().size() - shown.size(), Optional.ofNullable(explainedBy.get(m.id())),
                    m.joined()));
        }
        return out;
    }

    private static int depth(String id, Map<String, List<String>> causesOf, Map<String, Integer> weightRank,
            Map<String, Integer> depth, Map<String, String> explainedBy) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        List<String> causes = causesOf.getOrDefault(id, List.of());
        int d = 0;
        String best = null;
        int bestDepth = Integer.MAX_VALUE;
        for (String c : causes) { // acyclic: accepted edges never close a cycle
            int cd = depth(c, causesOf, weightRank, depth, explainedBy);
            if (best == null || cd < bestDepth || (cd == bestDepth && weightRank.get(c) < weightRank.get(best))) {
                best = c;
                bestDepth = cd;
            }
        }
        if (best != null) {
            d = bestDepth + 1;
            explainedBy.put(id, best);
        }
        depth.put(id, d);
        return d;
    }

    private static boolean reaches(Map<String, List<String>> effectsOf, String from, String to) {
        Set<String> visited = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (n.equals(to)) {
                return true;
            }
            if (visited.add(n)) {
                todo.addAll(effectsOf.getOrDefault(n, List.of()));
            }
        }
        return false;
    }

    /** Merges detections per id, independent of their order. */
    static Map<String, Merged> merge(List<Detection> detections) {
        Map<String, List<Detection>> byId = new TreeMap<>();
        for (Detection d : detections) {
            byId.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
        }
        Map<String, Merged> out = new TreeMap<>();
        for (Map.Entry<String, List<Detection>> e : byId.entrySet()) {
            List<Detection> group = e.getValue();
            group.sort(DETECTION_ORDER);
            Severity severity = Severity.INFO;
            double confidence = 0;
            String step = "";
            Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
            Set<Evidence> evidence = new TreeSet<>();
            for (Detection d : group) {
                if (d.severity().compareTo(severity) < 0) {
                    severity = d.severity();
                }
                confidence = Math.max(confidence, d.confidence());
                evidence.addAll(d.evidence());
            }
            for (Detection d : group) { // the step of the surest detection that names one
                if (d.confidence() == confidence && !d.articleStep().isEmpty()) {
                    step = d.articleStep();
                    break;
                }
            }
            if (step.isEmpty()) {
                step = group.stream().map(Detection::articleStep).filter(x -> !x.isEmpty()).findFirst().orElse("");
            }
            // parameters: in order of the detections' evidence, each value once
            List<String> names = new ArrayList<>();
            for (Detection d : group) {
                for (String name : d.params().keySet()) {
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
            names.sort(null);
            Map<String, Integer> keep = new HashMap<>();
            for (String name : names) {
                LinkedHashSet<String> v = new LinkedHashSet<>();
                int widest = 0;
                for (Detection d : group) {
                    List<String> given = d.params().getOrDefault(name, List.of());
                    widest = Math.max(widest, given.size());
                    v.addAll(given);
                }
                values.put(name, v);
                keep.put(name, Math.max(VALUES_PER_PARAM, widest)); // never cut what one rule gave
            }
            Map<String, List<String>> params = new TreeMap<>();
            values.forEach((name, v) -> {
                List<String> list = new ArrayList<>(v);
                int n = keep.get(name);
                if (list.size() > n) {
                    list = new ArrayList<>(list.subList(0, n));
                    list.add(CUT);
                }
                params.put(name, List.copyOf(list));
            });
            out.put(e.getKey(), new Merged(e.getKey(), severity, confidence, step, params, new ArrayList<>(evidence)));
        }
        return out;
    }

    /** Detections in evidence order (then rule, then parameters): "first seen" without depending on firing order. */
    private static final Comparator<Detection> DETECTION_ORDER = (a, b) -> {
        int n = Math.min(a.evidence().size(), b.evidence().size());
        for (int i = 0; i < n; i++) {
            int c = a.evidence().get(i).compareTo(b.evidence().get(i));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.evidence().size(), b.evidence().size());
        if (c == 0) {
            c = a.rule().compareTo(b.rule());
        }
        if (c == 0) {
            c = paramsText(a).compareTo(paramsText(b));
        }
        return c;
    };

    /** A detection's parameters as one text ({@code {name=v1, v2, ...}}), to order otherwise equal detections. */
    private static String paramsText(Detection d) {
        StringBuilder b = new StringBuilder("{");
        d.params().forEach((name, values) -> b.append(b.length() > 1 ? ", " : "").append(name).append('=')
                .append(String.join(", ", values)));
        return b.append('}').toString();
    }
}
