package dev.sonde.rules.engine;

import dev.sonde.Evidence;
import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.MachineTimes;
import dev.sonde.rules.model.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where and when one finding was seen on one target: the attempts its detections rest on, their first and last time,
 * the evidence on that target, and the state at the end of the input.
 *
 * @param target     the target
 * @param attempts   the attempts the finding was seen in on this target, by time
 * @param evidence   the supporting lines on this target, sorted, each once
 * @param detections the finding's detections with a fact on this target
 * @param state      where it stands at the end of the input
 * @param times      the order of the analysis' times ({@link Attempts#times()}, built once from all its facts): one
 *                   machine's zone-less (authorization log) times at the offset of its trace logs, never read as UTC
 *                   against them, and the same order for every target, so that spans compare and overlap consistently
 */
record TargetSpan(Target target, List<Attempts.Attempt> attempts, List<Evidence> evidence, List<Detection> detections,
        Target.State state, MachineTimes times) {

    /** The first time it was seen here, or {@link LogTime#UNKNOWN}. */
    LogTime first() {
        return bound(attempts, times, false, true);
    }

    /** The last time it was seen here, or {@link LogTime#UNKNOWN}. */
    LogTime last() {
        return bound(attempts, times, false, false);
    }

    /** The first time a log saw it here (live checks' times are not printed), or {@link LogTime#UNKNOWN}. */
    LogTime firstLogged() {
        return bound(attempts, times, true, true);
    }

    /** The last time a log saw it here, or {@link LogTime#UNKNOWN}. */
    LogTime lastLogged() {
        return bound(attempts, times, true, false);
    }

    /**
     * The earliest first time ({@code earliest}) or the latest last time of the attempts (only those a log saw when
     * {@code logged}), in the analysis' order {@code times}; the first of equal ones, as {@code Stream.min} and
     * {@code max} keep; {@link LogTime#UNKNOWN} when none is known.
     */
    private static LogTime bound(List<Attempts.Attempt> attempts, Comparator<LogTime> times, boolean logged,
            boolean earliest) {
        LogTime out = null;
        for (Attempts.Attempt a : attempts) {
            LogTime t = earliest ? a.first() : a.last();
            if ((logged && a.live()) || !t.known()) {
                continue;
            }
            if (out == null || (earliest ? times.compare(t, out) < 0 : times.compare(t, out) > 0)) {
                out = t;
            }
        }
        return out == null ? LogTime.UNKNOWN : out;
    }

    /** How many attempts it was seen in here (at least one). */
    int count() {
        return Math.max(1, attempts.size());
    }

    /** The order of a detection's targets: by text, then service, port, machine. */
    private static final Comparator<Target> TARGET_ORDER = Comparator.comparing(Target::toString)
            .thenComparing(Target::service).thenComparingInt(Target::port).thenComparing(Target::machine);

    /**
     * The targets of one finding's detections, ordered by first seen, then target text: a machine-wide detection
     * ({@code @scope("machine")}) has {@link Target#MACHINE}; any other is on the targets of the attempts its facts
     * belong to (an attempt that names no destination: a {@link Target#unknown()} one, never the machine; a detection
     * without an indexed fact is on {@link Target#MACHINE}).
     */
    static List<TargetSpan> of(List<Detection> detections, Attempts index) {
        Map<Target, Set<Attempts.Attempt>> attempts = new LinkedHashMap<>();
        Map<Target, Set<Evidence>> evidence = new LinkedHashMap<>();
        Map<Target, List<Detection>> byTarget = new LinkedHashMap<>();
        for (Detection d : detections) {
            factsByTarget(d, index).forEach((t, fs) -> {
                Set<Attempts.Attempt> as = attempts.computeIfAbsent(t,
                        k -> new TreeSet<>(Comparator.comparingInt(Attempts.Attempt::id)));
                Set<Evidence> ev = evidence.computeIfAbsent(t, k -> new TreeSet<>());
                for (Object f : fs) {
                    index.of(f).ifPresent(as::add);
                    ev.add(((dev.sonde.facts.Fact) f).source());
                }
                if (fs.isEmpty()) {
                    ev.addAll(d.evidence());
                }
                byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(d);
            });
        }
        List<TargetSpan> out = new ArrayList<>();
        MachineTimes times = index.times();
        attempts.forEach((t, as) -> {
            List<Attempts.Attempt> sorted = new ArrayList<>(as);
            sorted.sort(Comparator.comparing(Attempts.Attempt::first, times).thenComparingInt(Attempts.Attempt::id));
            out.add(new TargetSpan(t, sorted, new ArrayList<>(evidence.get(t)), byTarget.get(t),
                    state(t, sorted, index), times));
        });
        out.sort(Comparator.comparing(TargetSpan::first, times).thenComparing(s -> s.target().toString())
                .thenComparing(s -> s.target().service()).thenComparing(s -> s.target().proxy())
                .thenComparing(s -> s.evidence().isEmpty() ? "" : s.evidence().get(0).toString()));
        return out;
    }

    /**
     * A detection's indexed facts by target, in {@link #TARGET_ORDER}; {@link Target#MACHINE} with none when it has
     * no indexed fact. Most detections' facts are all on one target: those get a map of one entry, without a
     * sorted map whose comparisons would write out the target's text each time.
     */
    private static Map<Target, List<Object>> factsByTarget(Detection d, Attempts index) {
        Target only = null;
        for (Object f : d.facts()) {
            Optional<Attempts.Attempt> a = index.of(f);
            if (a.isPresent()) {
                Target t = d.machineWide() ? Target.MACHINE : a.get().target();
                if (only == null) {
                    only = t;
                } else if (!only.equals(t)) {
                    only = null;
                    break;
                }
            }
        }
        if (only != null) {
            List<Object> fs = new ArrayList<>();
            for (Object f : d.facts()) {
                if (index.of(f).isPresent()) {
                    fs.add(f);
                }
            }
            return Map.of(only, fs);
        }
        Map<Target, List<Object>> facts = new TreeMap<>(TARGET_ORDER);
        for (Object f : d.facts()) {
            index.of(f).ifPresent(a -> facts.computeIfAbsent(d.machineWide() ? Target.MACHINE : a.target(),
                    k -> new ArrayList<>()).add(f));
        }
        if (facts.isEmpty()) {
            facts.put(Target.MACHINE, List.of());
        }
        return facts;
    }

    /**
     * ONGOING when no attempt toward the target succeeded after the finding was last seen there; RESOLVED when some
     * did and the last of the later attempts succeeded; INTERMITTENT when a success falls between its first and last
     * sighting, or a failure follows a later success. Unknown times give ONGOING (nothing says it stopped). On
     * {@link Target#MACHINE} (a wrong clock) never INTERMITTENT: answers between its sightings, or other servers'
     * failures after, say nothing of it; it is RESOLVED only when the attempts after it end in a success. Toward a
     * destination the log did not write, its own failures and every success of the input count
     * ({@link Attempts#successes}): a failure elsewhere may be about another server, a success anywhere means Google
     * was reached again.
     */
    static Target.State state(Target target, List<Attempts.Attempt> own, Attempts index) {
        Comparator<LogTime> order = index.times();
        LogTime first = bound(own, order, false, true);
        LogTime last = bound(own, order, false, false);
        if (!first.known()) {
            return Target.State.ONGOING;
        }
        boolean between = false;
        boolean laterSuccess = false;
        Attempts.Outcome lastLater = Attempts.Outcome.NONE;
        for (Attempts.Attempt a : target.unknown() ? index.successes() : index.toward(target)) {
            if (!a.first().known() || a.outcome() == Attempts.Outcome.NONE) {
                continue;
            }
            if (order.compare(a.first(), first) > 0 && order.compare(a.first(), last) < 0) {
                between |= a.outcome() == Attempts.Outcome.SUCCEEDED;
            } else if (order.compare(a.first(), last) > 0) {
                laterSuccess |= a.outcome() == Attempts.Outcome.SUCCEEDED;
                lastLater = a.outcome();
            }
        }
        if (target.machine()) { // a machine-wide state (the clock) does not come and go with other servers' answers
            return laterSuccess && lastLater == Attempts.Outcome.SUCCEEDED ? Target.State.RESOLVED : Target.State.ONGOING;
        }
        if (between || (laterSuccess && lastLater == Attempts.Outcome.FAILED)) {
            return Target.State.INTERMITTENT;
        }
        return laterSuccess ? Target.State.RESOLVED : Target.State.ONGOING;
    }
}
