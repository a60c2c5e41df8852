package dev.sonde.rules.engine;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import java.time.Instant;
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
 * Turns detections into ranked findings. All detections of one id merge into one finding: its text is that of one
 * detection, the primary (worst severity, highest confidence, most parameters, earliest evidence), as the rule that raised it names it
 * ({@code @message}) and filled with that detection's own parameters, so that one sentence never mixes two targets;
 * the other detections show in its targets and evidence. The finding has the worst
 * severity, the highest confidence, parameters merged (lists of distinct values in order of their evidence,
 * joined with {@code ", "} only in the finding and its text; at most {@value #VALUES_PER_PARAM} per parameter beyond what one rule gave), evidence = distinct sources sorted by file and line, at most
 * {@value #EVIDENCE_SHOWN} shown. Each finding has targets ({@link TargetSpan}: from the attempts its facts belong
 * to), each with its times, count, state and cause ({@link TargetCauses}: an explanation holds per target); a
 * resolved finding's severity is capped at low. Ranking: by state (ongoing, intermittent, resolved; a consequence
 * never above its cause), then root causes (a finding that is a root cause on any target) before each level of
 * consequences below their causes, then severity, confidence, amount of evidence, id. The result does not depend on
 * the order facts were inserted or rules fired.
 */
final class FindingAssembler {

    /** Evidence lines shown per finding. */
    static final int EVIDENCE_SHOWN = 5;
    /** Evidence lines shown per target of a finding. */
    static final int EVIDENCE_PER_TARGET = 3;
    /** Distinct values kept per merged parameter. */
    static final int VALUES_PER_PARAM = 5;
    /** The last value of a parameter cut to {@value #VALUES_PER_PARAM} values. */
    static final String CUT = "…";

    private FindingAssembler() {
    }

    /** A merged finding before ranking and text. */
    record Merged(String id, Severity severity, double confidence, String articleStep, Map<String, List<String>> params,
            List<Evidence> evidence, Detection primary) {

        /** The parameters as a finding shows them: each one's values joined with {@code ", "}. */
        Map<String, String> joined() {
            Map<String, String> out = new TreeMap<>();
            params.forEach((name, values) -> out.put(name, values.size() == 1 ? values.get(0) : String.join(", ", values)));
            return out;
        }
    }

    private static final Comparator<Merged> BY_WEIGHT = Comparator
            .comparing(Merged::severity)
            .thenComparing(Comparator.comparingDouble(Merged::confidence).reversed())
            .thenComparing(Comparator.comparingInt((Merged m) -> m.evidence().size()).reversed())
            .thenComparing(Merged::id);

    /** Assembles detections that no attempt index places (every detection on {@link Target#MACHINE}, no times). */
    static List<Finding> assemble(List<Detection> detections, List<Explanation> explanations,
            MessageBundle.Texts texts) {
        return assemble(detections, explanations, texts, Attempts.index(List.of(), Map.of(), Instant.EPOCH));
    }

    static List<Finding> assemble(List<Detection> detections, List<Explanation> explanations,
            MessageBundle.Texts texts, Attempts index) {
        Map<String, List<Detection>> byId = byId(detections);
        Map<String, List<TargetSpan>> spans = new HashMap<>();
        Map<String, Target.State> states = new HashMap<>();
        Map<String, Merged> merged = new TreeMap<>();
        merge(byId).forEach((id, m) -> {
            List<TargetSpan> ts = TargetSpan.of(byId.get(id), index);
            spans.put(id, ts);
            Target.State state = ts.stream().map(TargetSpan::state).reduce(Target.State.RESOLVED, Target.State::worst);
            states.put(id, state);
            // a resolved problem is history: still shown, never above low
            Severity severity = state == Target.State.RESOLVED && m.severity().compareTo(Severity.LOW) < 0
                    ? Severity.LOW : m.severity();
            merged.put(id, new Merged(id, severity, m.confidence(), m.articleStep(), m.params(), m.evidence(), m.primary()));
        });
        List<Merged> byWeight = new ArrayList<>(merged.values());
        byWeight.sort(BY_WEIGHT);
        Map<String, Integer> weightRank = new HashMap<>();
        for (int i = 0; i < byWeight.size(); i++) {
            weightRank.put(byWeight.get(i).id(), i);
        }
        TargetCauses causes = TargetCauses.of(explanations, spans, weightRank);

        Map<String, Integer> depth = new HashMap<>();
        Map<String, Integer> sortState = new HashMap<>();
        for (Merged m : byWeight) {
            depth.put(m.id(), causes.depth(m.id()));
        }
        for (Merged m : byWeight) {
            sortState(m.id(), causes, states, sortState);
        }
        List<Merged> ranked = new ArrayList<>(byWeight);
        ranked.sort(Comparator.comparingInt((Merged m) -> sortState.get(m.id()))
                .thenComparingInt(m -> depth.get(m.id())).thenComparing(BY_WEIGHT));

        List<Finding> out = new ArrayList<>();
        int rank = 1;
        for (Merged m : ranked) {
            // the text of one detection, with its own values: merged values would mix targets in one sentence
            Detection primary = m.primary();
            String title = texts.title(m.id(), primary.message(), primary.params());
            String explanation = texts.explanation(m.id(), primary.message(), primary.params());
            List<String> remediation = texts.remediation(m.id(), primary.message(), primary.params());
            List<Evidence> shown = m.evidence().subList(0, Math.min(EVIDENCE_SHOWN, m.evidence().size()));
            List<FindingTarget> targets = new ArrayList<>();
            for (TargetSpan t : spans.get(m.id())) {
                List<Evidence> ev = t.evidence().subList(0, Math.min(EVIDENCE_PER_TARGET, t.evidence().size()));
                targets.add(new FindingTarget(t.target(), known(t.firstLogged()), known(t.lastLogged()), t.count(), t.state(),
                        causes.best(t), ev));
            }
            out.add(new Finding(m.id(), rank++, m.severity(), m.confidence(), title, explanation, remediation,
                    m.articleStep(), shown, m.evidence().size() - shown.size(), causes.explainedBy(m.id()),
                    m.joined(), targets, states.get(m.id())));
        }
        return out;
    }

    private static Optional<LogTime> known(LogTime t) {
        return t.known() ? Optional.of(t) : Optional.empty();
    }

    /**
     * The state a finding sorts by: its own, or its cause's when that is later in the order (ongoing, intermittent,
     * resolved), so that a consequence never ranks above the cause it names.
     */
    private static int sortState(String id, TargetCauses causes, Map<String, Target.State> states,
            Map<String, Integer> memo) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        int s = states.get(id).ordinal();
        Optional<String> cause = causes.explainedBy(id);
        if (cause.isPresent()) {
            s = Math.max(s, sortState(cause.get(), causes, states, memo));
        }
        memo.put(id, s);
        return s;
    }

    static boolean reaches(Map<String, List<String>> effectsOf, String from, String to) {
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

    /** The detections by id (ids sorted), each group in the given order. */
    private static Map<String, List<Detection>> byId(List<Detection> detections) {
        Map<String, List<Detection>> byId = new TreeMap<>();
        for (Detection d : detections) {
            byId.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
        }
        return byId;
    }

    /**
     * Merges each id's detections, independent of their order (a group of several is sorted in place, by
     * {@link #detectionOrder}: the order its targets are found in does not matter either).
     */
    private static Map<String, Merged> merge(Map<String, List<Detection>> byId) {
        Map<String, Merged> out = new TreeMap<>();
        for (Map.Entry<String, List<Detection>> e : byId.entrySet()) {
            List<Detection> group = e.getValue();
            if (group.size() > 1) {
                Map<Detection, String> texts = new java.util.IdentityHashMap<>();
                group.sort(detectionOrder(d -> texts.computeIfAbsent(d, FindingAssembler::paramsText)));
            }
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
            Map<String, List<String>> params = new TreeMap<>();
            for (String name : names) {
                List<String> one = group.size() == 1 ? group.get(0).params().get(name) : null;
                if (one != null && one.size() <= 1) { // one detection's one value: nothing to merge or cut
                    params.put(name, one);
                    continue;
                }
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
            values.forEach((name, v) -> {
                int n = keep.get(name);
                if (v.size() > n) {
                    List<String> list = new ArrayList<>(n + 1);
                    for (String value : v) {
                        if (list.size() == n) {
                            break;
                        }
                        list.add(value);
                    }
                    list.add(CUT);
                    params.put(name, List.copyOf(list));
                } else {
                    params.put(name, List.copyOf(v));
                }
            });
            Detection primary = group.get(0); // the first of the smallest, as a stable sort would give
            for (Detection d : group) {
                if (PRIMARY_ORDER.compare(d, primary) < 0) { // ties: the first in detection order
                    primary = d;
                }
            }
            out.put(e.getKey(), new Merged(e.getKey(), severity, confidence, step, params, new ArrayList<>(evidence),
                    primary));
        }
        return out;
    }

    /**
     * The detection whose text a finding shows, first: the one that ranks it (worst severity, then highest confidence),
     * then the one that says most (more parameters: the rule that read the certificate's issuer rather than the bare
     * flag), then the earliest in {@link #detectionOrder} (the group is sorted by it first, and ties keep the first).
     * Deterministic, whatever the firing order.
     */
    private static final Comparator<Detection> PRIMARY_ORDER = Comparator.comparing(Detection::severity)
            .thenComparing(Comparator.comparingDouble(Detection::confidence).reversed())
            .thenComparing(Comparator.comparingInt((Detection d) -> d.params().size()).reversed());

    /**
     * Detections in evidence order (then rule, then parameters, as {@code paramsText} writes them, each detection's
     * text made once per merge): "first seen" without depending on firing order.
     */
    private static Comparator<Detection> detectionOrder(java.util.function.Function<Detection, String> paramsText) {
        return (a, b) -> {
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
                c = paramsText.apply(a).compareTo(paramsText.apply(b));
            }
            return c;
        };
    }

    /** A detection's parameters as one text ({@code {name=v1, v2, ...}}), to order otherwise equal detections. */
    private static String paramsText(Detection d) {
        StringBuilder b = new StringBuilder("{");
        d.params().forEach((name, values) -> b.append(b.length() > 1 ? ", " : "").append(name).append('=')
                .append(String.join(", ", values)));
        return b.append('}').toString();
    }
}
