package dev.sonde.probes.clock;

import dev.sonde.net.HttpDates;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/** The clock family's parser of untrusted text (the {@code Date} header), for {@code dev.sonde.hostile.NetTextParsers}. */
public final class ClockTextParsers {

    private ClockTextParsers() {
    }

    /** Each parser by name. */
    public static Map<String, Function<String, Object>> all() {
        return Map.of("HttpDates.parse", s -> HttpDates.parse(s, Instant.EPOCH));
    }
}
