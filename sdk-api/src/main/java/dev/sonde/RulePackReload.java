package dev.sonde;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one reload of a {@link Sonde}'s rule packs did: the new rules were swapped in, the packs had not
 * changed, or an edit was rejected and the previous rules keep serving.
 *
 * <p>Reloads happen when a watching {@code Sonde} sees its pack folders change (see
 * {@link Sonde.Builder#watchRulePacks}) and when {@link Sonde#reloadRulePacks()} is called; the watch
 * listener is told of each one, whatever its status.
 *
 * @param at        when the reload started
 * @param status    what the reload did
 * @param rulePacks the pack folders and archives reloaded, in layering order
 * @param problems  why the packs were rejected, one line each, naming the file and line when known
 *                  (e.g. {@code gwsmo/certificates.drl line 12: ...}); empty unless {@link Status#REJECTED}
 * @param duration  how long the reload took (reading the packs, and compiling them unless unchanged)
 */
public record RulePackReload(Instant at, Status status, List<Path> rulePacks, List<String> problems,
        Duration duration) {

    /** What a reload did. */
    public enum Status {
        /** The packs changed and compiled: analyses started from now on use the new rules. */
        APPLIED,
        /**
         * The packs' files are the same as those of the rules in use (an editor touched or re-saved them
         * unchanged): nothing was compiled, the rules in use stay.
         */
        UNCHANGED,
        /**
         * The packs changed but could not be read or compiled: the rules in use stay, and
         * {@link RulePackReload#problems()} says why.
         */
        REJECTED
    }

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException when {@code problems} is empty for {@link Status#REJECTED}, or not
     *                                  empty for another status, or {@code duration} is negative
     */
    public RulePackReload {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        rulePacks = List.copyOf(rulePacks);
        problems = List.copyOf(problems);
        Objects.requireNonNull(duration, "duration");
        if ((status == Status.REJECTED) == problems.isEmpty()) {
            throw new IllegalArgumentException(status == Status.REJECTED
                    ? "a rejected reload needs at least one problem" : "only a rejected reload has problems");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    /** Whether new rules were swapped in ({@link Status#APPLIED}). */
    public boolean applied() {
        return status == Status.APPLIED;
    }
}
