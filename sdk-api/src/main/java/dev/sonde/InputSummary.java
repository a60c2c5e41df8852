package dev.sonde;

import java.util.Objects;

/**
 * What was done with one input (a log, or a probe family as {@code probe:<family>}): {@link Report#inputs()}, written
 * as an element of {@code sources} in the JSON report. (Called {@code SourceSummary} before; {@link Evidence} is one
 * line of evidence.)
 *
 * @param name         the input's name (its path as given, or the name passed with a stream)
 * @param format       the log format recognised ({@code gwsmo-trace}, {@code gwsmo-authorization}), or
 *                     {@code unknown}
 * @param encoding     the character encodings used to read it, in order of first use, joined with {@code +}
 *                     ({@code UTF-8}, {@code UTF-16LE}, {@code UTF-8+UTF-16LE} for a log whose encoding changes
 *                     part-way: each region is decoded in its own)
 * @param linesRead    lines read
 * @param linesSkipped lines that matched no known format and were passed over
 * @param facts        facts the input contributed to the analysis
 * @param status       whether it could be read at all
 */
public record InputSummary(
        String name, String format, String encoding, long linesRead, long linesSkipped, long facts, Status status)
        implements Comparable<InputSummary> {

    /** Whether an input could be used. */
    public enum Status {
        /** Read, and its format recognised. */
        READ,
        /** Read, but no line matched a known log format. */
        UNRECOGNISED,
        /** Could not be opened or read (missing, permission denied, I/O error). */
        UNREADABLE
    }

    /** Format name used when no known format matched. */
    public static final String UNKNOWN_FORMAT = "unknown";

    public InputSummary {
        Objects.requireNonNull(name, "name");
        format = Objects.requireNonNullElse(format, UNKNOWN_FORMAT);
        encoding = Objects.requireNonNullElse(encoding, "");
        Objects.requireNonNull(status, "status");
    }

    /** A summary for an input that could not be read at all. */
    public static InputSummary unreadable(String name) {
        return new InputSummary(name, UNKNOWN_FORMAT, "", 0, 0, 0, Status.UNREADABLE);
    }

    @Override
    public int compareTo(InputSummary o) {
        return name.compareTo(o.name);
    }
}
