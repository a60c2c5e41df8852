package dev.sonde.probes.net;

import java.time.Duration;

/** Wall time of a probe, on the monotonic clock. */
final class Elapsed {

    private Elapsed() {
    }

    /** Time since {@code startNanos}, a {@link System#nanoTime()} reading. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
