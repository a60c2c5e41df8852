package dev.sonde.probes.clock;

import dev.sonde.facts.ClockReason;
import dev.sonde.net.HttpDates;
import dev.sonde.probes.ProbeOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the local clock with a server's HTTP {@code Date} header. A clock set wrong makes valid
 * certificates look expired or not yet valid (the article's first worked example), so a large
 * offset explains certificate-date failures. A {@code Date} has one-second resolution and is
 * stamped before the answer travels, so offsets within a few seconds mean nothing; the tolerance
 * is the caller's.
 *
 * <p>Detail keys: {@value #OFFSET_SECONDS} (local minus server, positive when the local clock is
 * ahead), {@value #LOCAL_CLOCK} ({@code ahead}, {@code behind} or {@code inSync}), {@value #SERVER_TIME},
 * {@value #LOCAL_TIME}, {@value #TOLERANCE_SECONDS}, {@value #DATE_HEADER}.
 *
 * <p>Pure computation, no network: immutable and thread-safe.
 */
public final class ClockProbe {

    /** A tolerance that ignores ordinary drift but catches a clock that breaks certificate checks. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Detail key: local minus server time, in whole seconds. */
    public static final String OFFSET_SECONDS = "offsetSeconds";
    /** Detail key: {@code ahead}, {@code behind} or {@code inSync}. */
    public static final String LOCAL_CLOCK = "localClock";
    /** Detail key: the server's time (ISO-8601). */
    public static final String SERVER_TIME = "serverTime";
    /** Detail key: the local time compared (ISO-8601). */
    public static final String LOCAL_TIME = "localTime";
    /** Detail key: the tolerance, in seconds. */
    public static final String TOLERANCE_SECONDS = "toleranceSeconds";
    /** Detail key: the {@code Date} value as received (clipped). */
    public static final String DATE_HEADER = "dateHeader";

    private static final Logger LOG = LoggerFactory.getLogger(ClockProbe.class);
    private static final int MAX_HEADER_CHARS = 100;

    private final Clock clock;
    private final Duration tolerance;

    /** A probe reading local time from {@code clock}, flagging offsets beyond {@code tolerance}. */
    public ClockProbe(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
        }
    }

    /** Compares {@code dateHeader} (from {@code target}) with the clock's time now. */
    public ClockReading check(String target, String dateHeader) {
        return check(target, dateHeader, clock.instant());
    }

    /**
     * Compares {@code dateHeader} with {@code localTime}: the clock's reading when the answer
     * arrived, for a header that is judged later.
     */
    public ClockReading check(String target, String dateHeader, Instant localTime) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(localTime, "localTime");
        Map<String, String> detail = new LinkedHashMap<>();
        String raw = dateHeader == null ? "" : dateHeader;
        detail.put(DATE_HEADER, raw.length() > MAX_HEADER_CHARS ? raw.substring(0, MAX_HEADER_CHARS) + "…" : raw);
        detail.put(LOCAL_TIME, localTime.toString());
        detail.put(TOLERANCE_SECONDS, Long.toString(tolerance.toSeconds()));
        Optional<Instant> server = HttpDates.parse(dateHeader, localTime);
        if (server.isEmpty()) {
            return done(new ClockReading(ProbeOutcome.of(ClockReason.NO_DATE, target, detail, Duration.ZERO), null, null, localTime));
        }
        Duration offset = Duration.between(server.get(), localTime);
        detail.put(SERVER_TIME, server.get().toString());
        detail.put(OFFSET_SECONDS, Long.toString(offset.toSeconds()));
        ClockReason reason = offset.abs().compareTo(tolerance) > 0 ? ClockReason.SKEWED : ClockReason.IN_SYNC;
        detail.put(LOCAL_CLOCK, reason == ClockReason.IN_SYNC ? "inSync" : offset.isNegative() ? "behind" : "ahead");
        return done(new ClockReading(ProbeOutcome.of(reason, target, detail, Duration.ZERO), offset, server.get(), localTime));
    }

    private static ClockReading done(ClockReading reading) {
        LOG.debug("clock probe {}", reading.outcome());
        return reading;
    }
}
