package dev.sonde;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How live probes run. Immutable; start from {@link #defaults()} and derive with the {@code with...}
 * methods.
 *
 * @param timeout              overall deadline of all probes together: honoured even when every host
 *                             black-holes packets
 * @param probeTimeout         deadline of each single probe (capped by the overall one)
 * @param clock                the local clock certificates and {@code Date} headers are judged by
 * @param clockTolerance       offsets from a server's {@code Date} beyond this are clock skew
 * @param proxies              proxies to check ({@code host:port}), in addition to those discovered
 * @param winHttpProxyText     the output of {@code netsh winhttp show proxy} to read (elsewhere than on
 *                             Windows, where the command itself is run when discovery is on), or {@code ""}
 * @param discoverSystemProxies whether to look at Java system properties, {@code HTTPS_PROXY} /
 *                             {@code HTTP_PROXY} / {@code NO_PROXY}, the JVM's {@code ProxySelector} and,
 *                             on Windows, {@code netsh winhttp show proxy}
 * @param concurrency          how many probes run at once
 * @param progress             told as probes finish (from probe threads), or {@link Progress#NONE}
 * @param hostEvidence         whether, on Windows, the probes also read the machine's own configuration: the
 *                             commands of {@link HostEvidence} (firewall, proxy settings, trusted roots, products)
 */
public record ProbeOptions(Duration timeout, Duration probeTimeout, Clock clock, Duration clockTolerance,
        List<String> proxies, String winHttpProxyText, boolean discoverSystemProxies, int concurrency, Progress progress,
        boolean hostEvidence) {

    /** Default overall deadline. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** Default deadline of one probe. */
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(8);
    /** Default clock tolerance. */
    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** The longest overall or per-probe deadline accepted. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The widest clock tolerance accepted. */
    public static final Duration MAX_CLOCK_TOLERANCE = Duration.ofDays(3650);

    public ProbeOptions {
        requirePositive(timeout, "timeout");
        requirePositive(probeTimeout, "probeTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        if (clockTolerance.isNegative() || clockTolerance.compareTo(MAX_CLOCK_TOLERANCE) > 0) {
            throw new IllegalArgumentException("clockTolerance must be between 0 and " + MAX_CLOCK_TOLERANCE.toDays()
                    + " days, was " + clockTolerance);
        }
        proxies = List.copyOf(proxies);
        winHttpProxyText = Objects.requireNonNullElse(winHttpProxyText, "");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        progress = Objects.requireNonNullElse(progress, Progress.NONE);
    }

    /** 20 s overall, 8 s per probe, the system clock, 5 min tolerance, system proxies discovered, 16 at once. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(DEFAULT_TIMEOUT, DEFAULT_PROBE_TIMEOUT, Clock.systemUTC(), DEFAULT_CLOCK_TOLERANCE,
                List.of(), "", true, 16, Progress.NONE, true);
    }

    /** Options without {@code hostEvidence} (before it existed): the host evidence is read. */
    public ProbeOptions(Duration timeout, Duration probeTimeout, Clock clock, Duration clockTolerance, List<String> proxies,
            String winHttpProxyText, boolean discoverSystemProxies, int concurrency, Progress progress) {
        this(timeout, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies, concurrency,
                progress, true);
    }

    /**
     * With the machine's own configuration read or not: on Windows, the probes also run the commands of
     * {@link HostEvidence} (firewall, proxy settings, trusted roots, installed products) and read their output.
     */
    public ProbeOptions withHostEvidence(boolean on) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, on);
    }

    /** With another overall deadline (the per-probe one is capped by it). */
    public ProbeOptions withTimeout(Duration t) {
        return new ProbeOptions(t, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With another per-probe deadline. */
    public ProbeOptions withProbeTimeout(Duration t) {
        return new ProbeOptions(timeout, t, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With another local clock (tests move it to simulate a wrong clock). */
    public ProbeOptions withClock(Clock c) {
        return new ProbeOptions(timeout, probeTimeout, c, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With another clock tolerance. */
    public ProbeOptions withClockTolerance(Duration d) {
        return new ProbeOptions(timeout, probeTimeout, clock, d, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With these proxies ({@code host:port}) checked as well. */
    public ProbeOptions withProxies(List<String> p) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, p, winHttpProxyText, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With this {@code netsh winhttp show proxy} output to read. */
    public ProbeOptions withWinHttpProxyText(String text) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, proxies, text, discoverSystemProxies,
                concurrency, progress, hostEvidence);
    }

    /** With system proxy discovery on or off (tests turn it off so the environment cannot send them elsewhere). */
    public ProbeOptions withSystemProxyDiscovery(boolean on) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, on,
                concurrency, progress, hostEvidence);
    }

    /** With another number of probes run at once. */
    public ProbeOptions withConcurrency(int n) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                n, progress, hostEvidence);
    }

    /** With a progress listener. */
    public ProbeOptions withProgress(Progress p) {
        return new ProbeOptions(timeout, probeTimeout, clock, clockTolerance, proxies, winHttpProxyText, discoverSystemProxies,
                concurrency, p, hostEvidence);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        if (d.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_TIMEOUT.toHours() + " hour, was " + d);
        }
    }

    /** Told how far probing is; called from probe threads, so implementations must be thread-safe. */
    @FunctionalInterface
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (done, total, last) -> { };

        /** {@code done} of {@code total} probes finished; {@code last} names the one that just did. */
        void update(int done, int total, String last);
    }
}
