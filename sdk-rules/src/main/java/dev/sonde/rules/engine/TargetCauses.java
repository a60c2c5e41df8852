package dev.sonde.rules.engine;

import dev.sonde.rules.model.Explanation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The causes of each finding on each of its targets. An explanation between two found findings holds on a target of
 * its effect when it holds ({@link CauseCheck}) with at least one target of its cause; links that hold nowhere are
 * dropped, and among the rest, taken in weight order, a link that would close a cycle is ignored. On each target the
 * best cause is the one that ranks best (fewest levels down, then weight). A finding with a target where nothing
 * explains it is a root cause (depth 0); otherwise it sits one level below the deepest of its targets' causes.
 */
final class TargetCauses {

    private final Map<String, Integer> weightRank;
    private final Map<String, List<TargetSpan>> spans;
    private final Map<TargetSpan, List<String>> causesOn = new IdentityHashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    /** Causes by rank: fewest levels down, then weight. */
    private final Comparator<String> byRank;

    private TargetCauses(Map<String, List<TargetSpan>> spans, Map<String, Integer> weightRank) {
        this.spans = spans;
        this.weightRank = weightRank;
        this.byRank = Comparator.comparingInt(this::depth).thenComparingInt(weightRank::get);
    }

    static TargetCauses of(List<Explanation> explanations, Map<String, List<TargetSpan>> spans,
            Map<String, Integer> weightRank) {
        TargetCauses out = new TargetCauses(spans, weightRank);
        Map<List<String>, List<Explanation>> rows = new LinkedHashMap<>();
        for (Explanation e : explanations) {
            if (!e.cause().equals(e.effect()) && spans.containsKey(e.cause()) && spans.containsKey(e.effect())) {
                rows.computeIfAbsent(List.of(e.cause(), e.effect()), k -> new ArrayList<>()).add(e);
            }
        }
        List<List<String>> edges = new ArrayList<>(rows.keySet());
        edges.sort(Comparator.comparingInt((List<String> e) -> weightRank.get(e.get(0)))
                .thenComparingInt(e -> weightRank.get(e.get(1))));
        Map<String, List<String>> effectsOf = new HashMap<>();
        for (List<String> edge : edges) {
            String cause = edge.get(0);
            String effect = edge.get(1);
            List<TargetSpan> holding = new ArrayList<>();
            for (TargetSpan t : spans.get(effect)) {
                if (holds(rows.get(edge), spans.get(cause), t)) {
                    holding.add(t);
                }
            }
            if (!holding.isEmpty() && !FindingAssembler.reaches(effectsOf, effect, cause)) {
                effectsOf.computeIfAbsent(cause, k -> new ArrayList<>()).add(effect);
                for (TargetSpan t : holding) {
                    out.causesOn.computeIfAbsent(t, k -> new ArrayList<>()).add(cause);
                }
            }
        }
        return out;
    }

    private static boolean holds(List<Explanation> rows, List<TargetSpan> causeSpans, TargetSpan effect) {
        for (Explanation e : rows) {
            for (TargetSpan c : causeSpans) {
                if (CauseCheck.holds(e, c, effect)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 0 for a root cause on some target; else one more than the deepest of its targets' best causes. */
    int depth(String id) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        int d = 0;
        boolean explainedEverywhere = true;
        for (TargetSpan t : spans.get(id)) {
            Optional<String> best = best(t);
            if (best.isEmpty()) {
                explainedEverywhere = false;
                break;
            }
            d = Math.max(d, depth(best.get()) + 1); // acyclic: accepted links never close a cycle
        }
        int result = explainedEverywhere ? d : 0;
        depth.put(id, result);
        return result;
    }

    /** The best cause on one target of a finding; empty where it is a root cause. */
    Optional<String> best(TargetSpan target) {
        List<String> causes = causesOn.get(target);
        return causes == null ? Optional.empty() : Optional.ofNullable(min(causes, null));
    }

    /**
     * The cause a finding names in {@code explainedBy}: empty when it is a root cause on some target; else the best of
     * its targets' causes (the one they share when they share one; each target keeps its own in the report).
     */
    Optional<String> explainedBy(String id) {
        if (depth(id) == 0) {
            return Optional.empty();
        }
        return bestCause(id);
    }

    /** The best cause among its targets' causes, whether or not it is a root cause elsewhere. */
    Optional<String> bestCause(String id) {
        String best = null;
        for (TargetSpan t : spans.get(id)) {
            List<String> causes = causesOn.get(t);
            if (causes != null) {
                best = min(causes, best);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first smallest of {@code causes} and {@code best} (when not null, it comes first), as Stream.min keeps. */
    private String min(List<String> causes, String best) {
        for (String c : causes) {
            if (best == null || byRank.compare(c, best) < 0) {
                best = c;
            }
        }
        return best;
    }
}
