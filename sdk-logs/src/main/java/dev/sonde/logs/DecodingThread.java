package dev.sonde.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second thread for a long input (issue 12): the reading thread splits lines, finds record starts and trigger
 * words, and hands over, in order, what comes after (decoding a record, giving a fact or a warning); this thread
 * runs it, in the same order, so the facts and warnings are those of one thread, in the same order. On two cores
 * a long log is read in about the time of the slower half instead of the sum.
 *
 * <p>Bounded: at most {@value #QUEUED} batches of {@value #BATCH} actions wait; the reading thread waits for room at
 * most until the deadline. Never blocks without one: both threads wait in short polls and give up once the
 * deadline has passed by {@value #GRACE_SECONDS} s (then the actions left are dropped and the reader says so).
 * What the actions touch belongs to this thread from the first {@link #later} to the return of {@link #finish()}.
 */
final class DecodingThread {

    private static final int BATCH = 256;
    private static final int QUEUED = 8;
    private static final long POLL_MS = 50;
    private static final long GRACE_SECONDS = 10;
    private static final List<Runnable> END = List.of();

    private final BlockingQueue<List<Runnable>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Instant giveUp;
    private final Thread thread;
    private List<Runnable> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private volatile boolean abandoned;

    /** Starts the thread; {@code name} names the input (in the thread's name). */
    DecodingThread(String name, Instant deadline) {
        this.giveUp = deadline.plusSeconds(GRACE_SECONDS);
        this.thread = new Thread(this::run, "sonde-decode " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code action} on this thread, after every action handed over before it. */
    void later(Runnable action) {
        batch.add(action);
        if (batch.size() >= BATCH) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Waits until every action handed over has run; then the caller's thread may touch what they touched again.
     *
     * @throws IllegalStateException when an action failed (its exception as the cause; an {@link Error} is rethrown
     *                               as it is) or the deadline passed by {@value #GRACE_SECONDS} s first
     */
    void finish() {
        handOver(batch);
        batch = new ArrayList<>(0);
        handOver(END);
        try {
            while (thread.isAlive()) {
                thread.join(POLL_MS);
                if (thread.isAlive() && Instant.now().isAfter(giveUp)) {
                    abandoned = true;
                    throw new IllegalStateException("decoding did not finish in time after the deadline");
                }
            }
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for decoding", e);
        }
        failed();
    }

    private void handOver(List<Runnable> actions) {
        if (actions.isEmpty() && actions != END) {
            return;
        }
        try {
            while (!queue.offer(actions, POLL_MS, TimeUnit.MILLISECONDS)) {
                failed();
                if (!thread.isAlive() || Instant.now().isAfter(giveUp)) {
                    abandoned = true;
                    throw new IllegalStateException("decoding stopped before the input was read");
                }
            }
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over records to decode", e);
        }
        failed();
    }

    /** Rethrows what an action threw, once it is known. */
    private void failed() {
        Throwable t = failure;
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            abandoned = true;
            throw new IllegalStateException("decoding failed", t);
        }
    }

    private void run() {
        try {
            while (!abandoned) {
                List<Runnable> actions = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (actions == END) {
                    return;
                }
                if (actions == null) {
                    if (Instant.now().isAfter(giveUp)) {
                        return; // the reading thread is gone or stuck: nothing more to wait for
                    }
                    continue;
                }
                for (Runnable a : actions) {
                    if (abandoned) {
                        return;
                    }
                    a.run();
                }
            }
        } catch (Throwable t) { // handed to the reading thread, which rethrows it
            failure = t;
        }
    }
}
