package dev.sonde.probes;

import java.time.Duration;

/** Wall time of a probe, on the monotonic clock. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Time since {@code startNanos}, a {@link System#nanoTime()} reading. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
