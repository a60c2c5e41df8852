package dev.sonde.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A log line's time as written. Trace logs print a UTC offset, authorization logs do not; without
 * an offset the wall-clock time is kept and {@link #instant()} reads it as UTC, so comparisons with
 * absolute times must allow {@link #uncertainty()}.
 *
 * @param local  the wall-clock time printed on the line
 * @param offset the printed UTC offset, or {@code null} when the line has none
 */
public record LogTime(LocalDateTime local, ZoneOffset offset) implements Comparable<LogTime> {

    /** For facts whose evidence has no time. */
    public static final LogTime UNKNOWN = new LogTime(null, null);
    /** Facts of one thread this close together belong to one connection attempt. */
    public static final long SAME_ATTEMPT_SECONDS = 5;
    /** Facts from different files this close together are correlated. */
    public static final long SAME_MINUTE_SECONDS = 60;
    /** Widest gap between a wall clock and UTC (UTC-12 to UTC+14). */
    private static final Duration NO_ZONE_UNCERTAINTY = Duration.ofHours(14);

    /** A time with a known UTC offset. */
    public static LogTime of(Instant instant, ZoneOffset offset) {
        return new LogTime(LocalDateTime.ofInstant(instant, offset), offset);
    }

    /** True when the time is known. */
    public boolean known() {
        return local != null;
    }

    /** True when the line printed its UTC offset, so {@link #instant()} is exact. */
    public boolean zoned() {
        return offset != null;
    }

    /** The instant, reading a wall-clock time without offset as UTC; {@code null} when unknown. */
    public Instant instant() {
        return local == null ? null : local.toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    /** How far {@link #instant()} may be from the true instant: zero when zoned, 14 hours otherwise. */
    public Duration uncertainty() {
        return zoned() ? Duration.ZERO : NO_ZONE_UNCERTAINTY;
    }

    /**
     * True when both times are known and at most {@code seconds} apart: compared as instants when
     * both are zoned, else as wall-clock times (the machine's clock wrote both).
     */
    public boolean within(LogTime other, long seconds) {
        if (!known() || !other.known()) {
            return false;
        }
        // as instants when both are zoned, unless at the same offset: then wall-clock times differ as much, and
        // cost no conversion (a busy log compares thousands of times at one offset)
        boolean instants = zoned() && other.zoned() && !offset.equals(other.offset);
        Duration gap = instants ? Duration.between(instant(), other.instant()) : Duration.between(local, other.local);
        if (gap.isNegative()) { // the other way round rather than abs(), which multiplies with BigDecimal
            gap = instants ? Duration.between(other.instant(), instant()) : Duration.between(other.local, local);
        }
        return gap.getSeconds() <= seconds;
    }

    /** Orders by instant; unknown times first. */
    @Override
    public int compareTo(LogTime o) {
        if (!known() || !o.known()) {
            return Boolean.compare(known(), o.known());
        }
        return instant().compareTo(o.instant());
    }

    /** ISO-8601 as printed, e.g. {@code 2017-09-21T04:10:04.356-03:00} or {@code 2022-09-21T03:59:46}. */
    @Override
    public String toString() {
        if (local == null) {
            return "unknown time";
        }
        String s = local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return offset == null ? s : s + offset.getId();
    }
}
