package dev.sonde.probes;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A point in time, on the JVM's monotonic clock ({@link System#nanoTime()}), by which a network
 * operation must end. It is independent of the wall clock a probe judges certificates by, so a
 * test can move that clock years away and deadlines still hold.
 *
 * <p>Blocking calls that take no timeout of their own (a TLS handshake, a {@code close()}) are
 * bounded with {@link #closeAtExpiry}: the resource is closed when the deadline passes, which makes
 * the blocked call fail at once. Immutable and thread-safe.
 */
public final class Deadline {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final long expiresAtNanos;

    private Deadline(long expiresAtNanos) {
        this.expiresAtNanos = expiresAtNanos;
    }

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : timeout.toNanos();
        return new Deadline(System.nanoTime() + nanos);
    }

    /** The earlier of this deadline and {@code other}: a per-probe limit inside an overall one. */
    public Deadline orEarlier(Deadline other) {
        return other.expiresAtNanos - expiresAtNanos < 0 ? other : this;
    }

    /** The earlier of this deadline and {@code timeout} from now. */
    public Deadline orEarlier(Duration timeout) {
        return orEarlier(after(timeout));
    }

    /** Time left; zero once expired. */
    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** True once the deadline has passed. */
    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /**
     * Time left in whole milliseconds, at least 1: for socket timeouts, where 0 means "forever" and
     * must never be passed by accident.
     */
    public int remainingMillisAtLeastOne() {
        long millis = remaining().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /**
     * Closes {@code resource} when the deadline passes, unless the returned guard is closed first.
     * Use with try-with-resources around blocking calls that have no timeout of their own.
     */
    public Guard closeAtExpiry(Closeable resource) {
        ScheduledFuture<?> task = WATCHDOG.schedule(() -> closeQuietly(resource),
                Math.max(0, expiresAtNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    /** Cancels a {@link #closeAtExpiry} watch; closing it twice is harmless. */
    @FunctionalInterface
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    public static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort: the caller is already giving up on this resource
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sonde-deadline-watchdog");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }

    @Override
    public String toString() {
        return "Deadline[" + remaining().toMillis() + " ms left]";
    }
}
