package dev.sonde.rules.engine;

import dev.sonde.Warning;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.Fact;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps a session's memory bounded on huge logs. Facts that are identical except for where and when
 * they were logged (source, time, thread) share a signature; the first {@code keepPerSignature} of each
 * are analyzed and the rest are only counted (a note: nothing is lost but the count).
 *
 * <p>Distinct facts are capped so that ordinary records can never crowd out failures: a session takes at
 * most {@code maxFacts} distinct facts, of which at most half are ordinary ({@link Fact#failure()} false:
 * certificates, destinations, successful checks) and at most a quarter of any one kind (fact class); one input
 * may bring at most a quarter of the ordinary ones. So a chatty healthy log read first leaves at least half of the
 * room to the failures of the next file, and most of the ordinary room to its certificates and destinations. What a
 * cap drops is counted per input file in a {@link Warning.Kind#INCOMPLETE} warning: the report is then
 * incomplete, never a clean bill of health. Not thread-safe (one per session).
 */
final class FactFolder {

    private static final Set<String> WHERE_AND_WHEN = Set.of("source", "time", "thread");
    /** Record accessors per fact type, computed once per class (a JDK-managed, class-keyed cache). */
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return accessors(type);
        }
    };

    private final int keepPerSignature;
    /**
     * The latest folded fact of each signature (one per signature, so bounded like the signatures): not analyzed
     * by the rules, but the timelines need it, or a success repeated all afternoon would end at its 16th line.
     */
    private final Map<List<Object>, Fact> lastFolded = new HashMap<>();
    private final int maxFacts;
    private final int maxOrdinary;
    private final int maxPerKind;
    private final int maxOrdinaryPerInput;
    private final Map<String, int[]> ordinaryByFile = new HashMap<>();
    private final Map<List<Object>, int[]> seen = new HashMap<>();
    private final Map<Class<?>, int[]> perKind = new HashMap<>();
    private final Map<String, long[]> foldedByFile = new TreeMap<>();
    /** file -> cap -> facts it dropped */
    private final Map<String, Map<String, long[]>> droppedByFile = new TreeMap<>();
    private int admitted;
    private int ordinary;

    FactFolder(int keepPerSignature, int maxFacts) {
        this.keepPerSignature = keepPerSignature;
        this.maxFacts = maxFacts;
        this.maxOrdinary = Math.max(1, maxFacts / 2);
        this.maxPerKind = Math.max(1, maxFacts / 4);
        this.maxOrdinaryPerInput = Math.max(1, maxOrdinary / 4);
    }

    /** True when the fact should be inserted; false when it is folded into earlier ones or over a cap. */
    boolean admit(Fact fact) {
        List<Object> signature = signature(fact);
        int[] count = seen.get(signature);
        if (count != null && count[0] >= keepPerSignature) {
            count[0]++;
            lastFolded.put(signature, fact);
            foldedByFile.computeIfAbsent(file(fact), f -> new long[1])[0]++;
            return false;
        }
        boolean failure = fact.failure();
        int[] kind = perKind.computeIfAbsent(fact.getClass(), k -> new int[1]);
        int[] fromInput = failure ? null : ordinaryByFile.computeIfAbsent(file(fact), f -> new int[1]);
        String cap = admitted >= maxFacts ? String.format(Locale.ROOT, "the session's limit of %,d distinct facts", maxFacts)
                : kind[0] >= maxPerKind ? String.format(Locale.ROOT, "the limit of %,d distinct %s facts", maxPerKind,
                        fact.getClass().getSimpleName())
                : !failure && ordinary >= maxOrdinary ? String.format(Locale.ROOT,
                        "the limit of %,d distinct facts that are not failures", maxOrdinary)
                : !failure && fromInput[0] >= maxOrdinaryPerInput ? String.format(Locale.ROOT,
                        "the limit of %,d distinct facts that are not failures from one input", maxOrdinaryPerInput)
                : null;
        if (cap != null) {
            droppedByFile.computeIfAbsent(file(fact), f -> new TreeMap<>()).computeIfAbsent(cap, c -> new long[1])[0]++;
            return false;
        }
        if (count == null) {
            seen.put(signature, new int[] {1});
        } else {
            count[0]++;
        }
        kind[0]++;
        if (!failure) {
            ordinary++;
            fromInput[0]++;
        }
        admitted++;
        return true;
    }

    /** The last folded fact of each signature that folded any, for timelines only (never inserted). */
    List<Fact> lastFolded() {
        return List.copyOf(lastFolded.values());
    }

    /** Facts admitted so far. */
    int admitted() {
        return admitted;
    }

    /** What was folded or dropped, one warning per file and kind. */
    List<Warning> warnings() {
        List<Warning> out = new ArrayList<>();
        foldedByFile.forEach((file, n) -> out.add(new Warning(file, 0, String.format(Locale.ROOT,
                "%,d repeated facts folded (identical to earlier ones but for time and line; the first %d of each "
                        + "kind were analyzed)", n[0], keepPerSignature))));
        droppedByFile.forEach((file, caps) -> caps.forEach((cap, n) -> out.add(Warning.incomplete(file, 0,
                String.format(Locale.ROOT, "%,d facts not analyzed: %s was reached", n[0], cap)))));
        return out;
    }

    private static String file(Fact fact) {
        return fact.source() == null ? "" : fact.source().file();
    }

    /** The fact's type and every record component but source, time and thread (plus validity for certificates). */
    static List<Object> signature(Fact fact) {
        List<Object> sig = new ArrayList<>();
        sig.add(fact.getClass());
        List<Method> accessors = ACCESSORS.get(fact.getClass());
        if (accessors.isEmpty()) {
            sig.add(fact); // not a record: only equal facts fold
            return sig;
        }
        for (Method m : accessors) {
            try {
                sig.add(m.invoke(fact));
            } catch (IllegalAccessException | InvocationTargetException e) {
                sig.add(fact);
                return sig;
            }
        }
        if (fact instanceof Certificate c) { // the same certificate seen inside and outside its window is not a repeat
            sig.add(c.observedBeforeValidity());
            sig.add(c.observedAfterValidity());
        }
        return sig;
    }

    private static List<Method> accessors(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<Method> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            if (!WHERE_AND_WHEN.contains(rc.getName())) {
                Method m = rc.getAccessor();
                try {
                    m.setAccessible(true);
                } catch (RuntimeException e) {
                    return List.of();
                }
                out.add(m);
            }
        }
        return out;
    }
}
