package dev.sonde.rules.engine;

import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.MachineTimes;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.model.Magnitude;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an {@link Explanation} holds between one target of its cause and one target of its effect: the cause
 * seen where the row asks ({@link dev.sonde.rules.model.Where}), their times overlapping when the row asks, and
 * their sizes agreeing when it asks ({@link Magnitude}).
 */
final class CauseCheck {

    /** Times of a cause and its effect this close count as overlapping (log lines of one incident drift). */
    static final Duration OVERLAP_TOLERANCE = Duration.ofSeconds(LogTime.SAME_MINUTE_SECONDS);
    /** A clock offset explains a certificate outside its validity by at most the offset plus this. */
    static final Duration MAGNITUDE_TOLERANCE = Duration.ofDays(1);

    private CauseCheck() {
    }

    /** True when {@code e} holds for the effect seen on {@code effect}, given the cause seen on {@code cause}. */
    static boolean holds(Explanation e, TargetSpan cause, TargetSpan effect) {
        return where(e, cause, effect) && (!e.overlap() || overlap(cause, effect))
                && (e.magnitude() != Magnitude.CLOCK_VS_VALIDITY || clockVsValidity(cause, effect));
    }

    private static boolean where(Explanation e, TargetSpan cause, TargetSpan effect) {
        Target c = cause.target();
        Target t = effect.target();
        return switch (e.where()) {
            case ANY -> true;
            case MACHINE -> c.machine(); // the cause is machine-wide: never a destination the log did not write
            case PROXY -> !t.proxy().isEmpty() && (same(c.proxy(), t.proxy()) || same(c.endpoint(), t.proxy())
                    || (!c.host().isEmpty() && c.port() != 0 && same(c.host() + ":" + c.port(), t.proxy())));
            case CONNECTION -> sameEndpoint(c, t)
                    || cause.attempts().stream().anyMatch(a -> effect.attempts().contains(a));
            // one name on two ports is two servers (on loopback every server is "localhost")
            case TARGET -> sameEndpoint(c, t) || (!t.host().isEmpty() && same(c.host(), t.host()) && samePort(c, t));
        };
    }

    private static boolean sameEndpoint(Target a, Target b) {
        return !b.endpoint().isEmpty() && same(a.endpoint(), b.endpoint());
    }

    /** Equal ports, or one of them unknown (0). */
    private static boolean samePort(Target a, Target b) {
        return a.port() == 0 || b.port() == 0 || a.port() == b.port();
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && a.equalsIgnoreCase(b);
    }

    /**
     * Their spans overlap within {@link #OVERLAP_TOLERANCE}, in the analysis' order ({@link TargetSpan#times()});
     * unknown times do not disprove it.
     */
    static boolean overlap(TargetSpan cause, TargetSpan effect) {
        LogTime cf = cause.first();
        LogTime cl = cause.last();
        LogTime ef = effect.first();
        LogTime el = effect.last();
        if (!cf.known() || !ef.known()) {
            return true;
        }
        // the analysis' one order (built once from all its facts): an authorization log's zone-less time at the
        // offset of the machine's trace logs, not UTC, and placed the same way for every pair of spans
        MachineTimes times = effect.times();
        return !times.instant(cf).isAfter(times.instant(el).plus(OVERLAP_TOLERANCE))
                && !times.instant(ef).isAfter(times.instant(cl).plus(OVERLAP_TOLERANCE));
    }

    /**
     * The cause's clock error (a measured offset, else how far outside its validity the genuine certificate it rests
     * on was seen) and how far outside its validity the effect's certificate was seen point the same way, and the
     * second is at most the first plus {@link #MAGNITUDE_TOLERANCE}. Holds when either is unknown.
     */
    static boolean clockVsValidity(TargetSpan cause, TargetSpan effect) {
        Optional<Duration> offset = largest(cause, true);
        Optional<Duration> outside = largest(effect, false);
        if (offset.isEmpty() || outside.isEmpty()) {
            return true;
        }
        Duration o = offset.get();
        Duration d = outside.get();
        return o.isNegative() == d.isNegative() && d.abs().compareTo(o.abs().plus(MAGNITUDE_TOLERANCE)) <= 0;
    }

    private static Optional<Duration> largest(TargetSpan span, boolean clock) {
        Duration best = null;
        for (Detection d : span.detections()) {
            Optional<Duration> v = clock ? d.clockOffset().or(d::outsideValidity) : d.outsideValidity();
            if (v.isPresent() && (best == null || v.get().abs().compareTo(best.abs()) > 0)) {
                best = v.get();
            }
        }
        return Optional.ofNullable(best);
    }
}
