package dev.sonde.facts;

/**
 * How a live probe ended. A probe that could not run says so ({@link #NOT_RUN}, with a
 * {@link ProbeSkipped} fact saying why); it is never silently green.
 */
public enum ProbeStatus {
    /** The check ran and found no problem. */
    OK,
    /** The check ran and found a problem, named by the fact's reason. */
    PROBLEM,
    /** The check could not run (a prerequisite failed, or the deadline passed). */
    NOT_RUN
}
