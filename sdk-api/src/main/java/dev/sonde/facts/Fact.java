package dev.sonde.facts;

import dev.sonde.Evidence;

/**
 * Something observed in the evidence that rules can match on. Every fact says where it came from
 * and when it was logged, so that findings can quote it and rules can tie facts of one connection
 * attempt together ({@link #sameAttemptAs}).
 */
public interface Fact {

    /** The file and line (or probe) this fact comes from, with the text found there. */
    Evidence source();

    /** When it was logged; {@link LogTime#UNKNOWN} when the evidence carries no time. */
    LogTime time();

    /** The logging thread (trace logs), or {@code ""} when the format has none. */
    String thread();

    /**
     * True when this fact records something that went wrong: a failed connection or TLS handshake, a proxy's
     * refusal or fall-back, a probe that found a problem. When a session's fact limits are reached, such facts
     * are never crowded out by ordinary ones (certificates, destinations, successful checks).
     */
    default boolean failure() {
        return false;
    }

    /**
     * True when this fact records something that went right for a target: a server answered, a probe check
     * passed. Findings use it to tell a problem that is still going on from one that later attempts no longer
     * meet (their state: ongoing, intermittent or resolved). A fact is never both a failure and a success.
     */
    default boolean success() {
        return false;
    }

    /**
     * True when both facts most likely describe the same connection attempt: the same file and thread
     * within {@value LogTime#SAME_ATTEMPT_SECONDS} s, or, across files, logged within the same minute.
     */
    default boolean sameAttemptAs(Fact other) {
        if (source().file().equals(other.source().file())) {
            return thread().equals(other.thread()) && time().within(other.time(), LogTime.SAME_ATTEMPT_SECONDS);
        }
        return time().within(other.time(), LogTime.SAME_MINUTE_SECONDS);
    }
}
