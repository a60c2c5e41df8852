package dev.sonde.probes.net;

/** How a probe ended. A probe that could not run says so; it is never silently green. */
public enum ProbeStatus {
    /** The check ran and found no problem. */
    OK,
    /** The check ran and found a problem, named by the outcome's reason. */
    PROBLEM,
    /** The check could not run (a prerequisite failed or was missing); the reason says why. */
    NOT_RUN
}
