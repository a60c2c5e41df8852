package dev.sonde.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The order of one machine's log times across its files. Trace logs print a UTC offset, authorization logs do not
 * ({@link LogTime#uncertainty()}: 14 hours either way as absolute times), yet both are written by the same clock: an
 * authorization line at {@code 10:00} comes before a trace line at {@code 10:30+02:00}. Reading the zone-less time
 * as UTC ({@link LogTime#compareTo}) would put it two hours late.
 *
 * <p>Contract. A {@code MachineTimes} is made from the times seen on the machine ({@link #of}): the zoned ones tell
 * it the machine's UTC offset. Every time gets one instant ({@link #instant}): a zoned time its own; a zone-less one
 * its wall clock at the offset of the zoned time nearest to it by wall clock (so a log spanning a daylight-saving
 * change places each side at its own offset), or at UTC when no time seen is zoned, which orders zone-less times
 * by wall clock. {@link #compare} orders by that instant, unknown times first; equal instants are ordered
 * zone-less first, then by offset (east of UTC first) or, between zone-less ones, by wall clock, so that the order is total, transitive (it compares one key
 * per time) and consistent with {@link LogTime#equals}: it says 0 only for equal times. Times of one file keep their
 * written order whenever the file's offsets do; between a zoned and a zone-less time of the same machine the order is
 * their wall clocks' when the offset is known. The offsets seen are fixed when it is made: it is immutable and
 * safe to share.
 */
public final class MachineTimes implements Comparator<LogTime> {

    /** For times of a machine that printed no offset at all: zone-less times by wall clock, zoned ones by instant. */
    public static final MachineTimes WALL_CLOCK = new MachineTimes(new TreeMap<>());

    /** Wall-clock time of a zoned time seen → its offset. */
    private final TreeMap<LocalDateTime, ZoneOffset> offsets;

    private MachineTimes(TreeMap<LocalDateTime, ZoneOffset> offsets) {
        this.offsets = offsets;
    }

    /** The order of the times of one machine, learning its offsets from the zoned times among {@code seen}. */
    public static MachineTimes of(Collection<LogTime> seen) {
        TreeMap<LocalDateTime, ZoneOffset> offsets = new TreeMap<>();
        for (LogTime t : seen) {
            if (t.known() && t.zoned()) {
                // two offsets at one wall clock (a daylight-saving overlap): the smaller, so the result does not
                // depend on the order the times were seen in
                offsets.merge(t.local(), t.offset(), (a, b) -> a.getTotalSeconds() <= b.getTotalSeconds() ? a : b);
            }
        }
        return new MachineTimes(offsets);
    }

    /** The same order over the times of {@code facts}. */
    public static MachineTimes ofFacts(Collection<? extends Fact> facts) {
        return of(facts.stream().map(Fact::time).toList());
    }

    /**
     * The offset a zone-less wall-clock time of this machine most likely had: that of the zoned time seen nearest to
     * it (the earlier one on a tie), or UTC when none was zoned.
     */
    public ZoneOffset offsetAt(LocalDateTime wallClock) {
        Map.Entry<LocalDateTime, ZoneOffset> before = offsets.floorEntry(wallClock);
        Map.Entry<LocalDateTime, ZoneOffset> after = offsets.ceilingEntry(wallClock);
        if (before == null && after == null) {
            return ZoneOffset.UTC;
        }
        if (before == null || after == null) {
            return (before == null ? after : before).getValue();
        }
        long toBefore = java.time.Duration.between(before.getKey(), wallClock).toNanos();
        long toAfter = java.time.Duration.between(wallClock, after.getKey()).toNanos();
        return toBefore <= toAfter ? before.getValue() : after.getValue();
    }

    /** The instant this machine's time most likely stands for ({@link #offsetAt} for a zone-less one); {@code null} when unknown. */
    public Instant instant(LogTime t) {
        if (!t.known()) {
            return null;
        }
        return t.zoned() ? t.instant() : t.local().toInstant(offsetAt(t.local()));
    }

    @Override
    public int compare(LogTime a, LogTime b) {
        if (!a.known() || !b.known()) {
            return Boolean.compare(a.known(), b.known());
        }
        int c = instant(a).compareTo(instant(b));
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(a.zoned(), b.zoned());
        if (c != 0) {
            return c;
        }
        // two zone-less times at one instant but placed at different offsets (either side of a daylight-saving
        // change): by wall clock; two zoned ones: by offset, east first (at one instant, the later wall clock)
        return a.zoned() ? Integer.compare(b.offset().getTotalSeconds(), a.offset().getTotalSeconds()) : a.local().compareTo(b.local());
    }

    /**
     * Facts in this machine's time order ({@link #compare}), then by file and line: a stable order for facts of several
     * files; facts of one line (one record's facts) compare equal and keep the order they were given in by a stable sort.
     */
    public Comparator<Fact> facts() {
        return Comparator.comparing(Fact::time, this)
                .thenComparing((Fact f) -> f.source().file())
                .thenComparingLong(f -> f.source().line());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MachineTimes m && m.offsets.equals(offsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offsets);
    }

    @Override
    public String toString() {
        return "MachineTimes" + offsets.values().stream().distinct().toList();
    }
}
