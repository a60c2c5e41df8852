package dev.sonde.rules.model;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ServedChain;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The sizes a detection carries for "explains" rows that compare them ({@link Magnitude}): read from its supporting
 * facts, the largest one when several give one.
 */
final class Magnitudes {

    private Magnitudes() {
    }

    /** The largest clock offset a supporting {@link ClockCheck} measured (positive: this clock is ahead). */
    static Optional<Duration> clockOffset(Collection<?> facts) {
        Duration best = null;
        for (Object f : facts) {
            if (f instanceof ClockCheck c && c.status() == ProbeStatus.PROBLEM) {
                best = larger(best, c.offset());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How far outside its validity a supporting certificate was seen, the largest: positive after its end (it looks
     * expired), negative before its start. A log's certificate is judged at its line's time, a served chain at the
     * probe's clock.
     */
    static Optional<Duration> outsideValidity(Collection<?> facts) {
        Duration best = null;
        for (Object f : facts) {
            if (f instanceof Certificate c && c.observedOutsideValidity()) {
                Duration d = c.outsideValidityBy();
                best = larger(best, c.observedAfterValidity() ? d : d.negated());
            } else if (f instanceof ServedChain s && s.notBefore() != null && s.notAfter() != null
                    && s.checkedAt() != null) {
                best = larger(best, outside(s.checkedAt(), s.notBefore(), s.notAfter()));
            }
        }
        return Optional.ofNullable(best);
    }

    private static Duration outside(Instant at, Instant notBefore, Instant notAfter) {
        if (at.isAfter(notAfter)) {
            return Duration.between(notAfter, at);
        }
        if (at.isBefore(notBefore)) {
            return Duration.between(at, notBefore).negated();
        }
        return null;
    }

    private static Duration larger(Duration a, Duration b) {
        if (b == null) {
            return a;
        }
        return a == null || b.abs().compareTo(a.abs()) > 0 ? b : a;
    }
}
