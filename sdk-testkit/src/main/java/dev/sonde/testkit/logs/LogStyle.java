package dev.sonde.testkit.logs;

/** The two GWSMO log formats. */
public enum LogStyle {
    /** {@code Trace-*.log}: ISO time with offset, thread id, level, location. */
    TRACE,
    /** The authorization log (folder {@code Identity}): wall-clock time without zone, level word, file.cc(line). */
    AUTHORIZATION
}
