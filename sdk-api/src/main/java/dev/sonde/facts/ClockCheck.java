package dev.sonde.facts;

import dev.sonde.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The local clock compared with the {@code Date} header of a server's answer: a live probe's (evidence file
 * {@code probe:clock}, time unknown), or one a trace log printed with the answer's headers (evidence: that log line;
 * {@link #logged()}: the local time is the line's).
 *
 * @param target        the URL whose answer was compared (a log's answer that names no URL: its host, or {@code ""})
 * @param offsetSeconds local time minus server time, in seconds (positive: the local clock is ahead)
 * @param status        ok (within the tolerance), problem (skewed), or not run
 * @param serverTime    the server's time, or {@code null} when not measured
 * @param localTime     the local clock's time compared, or {@code null}
 */
public record ClockCheck(String target, long offsetSeconds, ProbeStatus status, Instant serverTime, Instant localTime,
        LogTime time, String thread, Evidence source) implements Fact {

    public ClockCheck {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
    }

    /** The offset as a duration (sign kept). */
    public Duration offset() {
        return Duration.ofSeconds(offsetSeconds);
    }

    /** {@code ahead} or {@code behind} (or {@code inSync} when the offset is zero). */
    public String clock() {
        return offsetSeconds > 0 ? "ahead" : offsetSeconds < 0 ? "behind" : "inSync";
    }

    /** True when this Date was read from a log line (its local time is the line's), not measured by a live probe. */
    public boolean logged() {
        return time != null && time.known();
    }

    /** The host of {@link #target()} (a URL's, a {@code host:port}'s, or the target itself), lower case. */
    public String host() {
        String t = target.contains("://") ? target.substring(target.indexOf("://") + 3) : target;
        int end = t.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = t.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        t = t.substring(0, end);
        t = t.substring(t.lastIndexOf('@') + 1);
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            return (close > 0 ? t.substring(1, close) : t).toLowerCase(java.util.Locale.ROOT);
        }
        int colon = t.indexOf(':');
        return (colon >= 0 ? t.substring(0, colon) : t).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * True when a live check found the clock skewed. A Date read from a log is a measurement of an answer that came:
     * its attempt did not fail, so that a skewed Date never turns a resolved failure into an ongoing one.
     */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM && !logged();
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the server answered with a Date that agrees with the local clock. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
