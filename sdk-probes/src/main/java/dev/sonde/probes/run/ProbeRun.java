package dev.sonde.probes.run;

import dev.sonde.ProbeOptions;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.probes.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the catalog's checks: the bounded pool they run on, the overall deadline they all share, the facts
 * they send, and the accounting of checks lost to the deadline or to a failure (which makes the report
 * incomplete). A check is started with {@link #submit} or chained after another with {@link #then}; the caller
 * {@link #awaitAll waits} at most until the deadline plus a short grace, then {@link #close closes} the run: checks
 * still running are reported as not run and anything they say later is dropped.
 */
final class ProbeRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRun.class);
    /** How long the caller waits past the overall deadline for checks to notice it. */
    private static final Duration GRACE = Duration.ofMillis(300);

    /** A check that was started, so that one still running at the deadline is reported as not run. */
    private record Pending(ProbeFamily family, String target, CompletableFuture<?> future) {
    }

    final ProbeOptions options;
    final Deadline overall;
    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<Fact> facts = new ConcurrentLinkedQueue<>();
    private final List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    /** Checks that did not run for want of time, or failed unexpectedly: the report is then incomplete. */
    private final AtomicInteger lost = new AtomicInteger();
    /** Leaf fingerprints whose revocation was checked already (several hosts may serve the same leaf). */
    private final Map<String, Boolean> revocationChecked = new ConcurrentHashMap<>();
    /** Set once the caller stops waiting: facts of checks abandoned at the deadline are dropped. */
    private volatile boolean closed;

    ProbeRun(ProbeOptions options) {
        this.options = options;
        this.overall = Deadline.after(options.timeout());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "sonde-probe-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One check's deadline: its own timeout, or the overall deadline if that comes first. */
    Deadline probeDeadline() {
        return Deadline.after(options.probeTimeout()).orEarlier(overall);
    }

    /** Keeps a fact, unless the caller stopped waiting (facts of checks abandoned at the deadline are dropped). */
    void fact(Fact f) {
        if (!closed) {
            facts.add(f);
        }
    }

    /** A check that did not run for want of time or by accident (not because a prerequisite failed). */
    void lose(ProbeFamily family, String target, String why) {
        lost.incrementAndGet();
        skip(family, target, why);
    }

    /** A check that did not run because a prerequisite failed: a {@link ProbeSkipped} fact. */
    void skip(ProbeFamily family, String target, String why) {
        fact(skipped(family, target, why));
    }

    /** True the first time a leaf (by fingerprint) is offered for a revocation check. */
    boolean firstRevocationCheckOf(String leafSha256) {
        return revocationChecked.putIfAbsent(leafSha256, Boolean.TRUE) == null;
    }

    // ---- scheduling -------------------------------------------------------------------------------

    /** Starts {@code check} on the pool. */
    <T> CompletableFuture<T> submit(ProbeFamily family, String target, Supplier<T> check) {
        total.incrementAndGet();
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> guarded(family, target, check), pool);
        pending.add(new Pending(family, target, f));
        return f;
    }

    /** Starts {@code check} once {@code before} ended; it gets {@code before}'s result, or null if that failed. */
    <A, T> CompletableFuture<T> then(CompletableFuture<A> before, ProbeFamily family, String target, Function<A, T> check) {
        total.incrementAndGet();
        CompletableFuture<T> f = before.handleAsync((a, t) -> guarded(family, target, () -> check.apply(t == null ? a : null)), pool);
        pending.add(new Pending(family, target, f));
        return f;
    }

    /** Waits for {@code future} as for a check: one still running at the deadline is reported as not run. */
    void await(ProbeFamily family, String target, CompletableFuture<?> future) {
        pending.add(new Pending(family, target, future));
    }

    private <T> T guarded(ProbeFamily family, String target, Supplier<T> check) {
        try {
            if (overall.expired()) {
                lose(family, target, "the overall probe deadline of " + human(options.timeout()) + " passed before it could start");
                return null;
            }
            return check.get();
        } catch (RuntimeException e) {
            LOG.warn("{} probe of {} failed unexpectedly", family, target, e);
            lose(family, target, "the check failed unexpectedly: " + e);
            return null;
        } finally {
            options.progress().update(done.incrementAndGet(), total.get(), family + " " + target);
        }
    }

    /** Waits for every check, at most until the overall deadline plus a short grace. */
    void awaitAll() {
        long stopAt = System.nanoTime() + overall.remaining().plus(GRACE).toNanos();
        while (true) {
            List<CompletableFuture<?>> open;
            synchronized (pending) {
                open = pending.stream().<CompletableFuture<?>>map(Pending::future).filter(f -> !f.isDone()).toList();
            }
            long left = stopAt - System.nanoTime();
            if (open.isEmpty() || left <= 0) {
                return;
            }
            try {
                CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return;
            } catch (ExecutionException | CancellationException e) {
                // that check reported itself; wait for the others
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the pool; checks still running at the deadline never report: they are marked not run (and lost). */
    @Override
    public void close() {
        pool.shutdownNow();
        closed = true;
        synchronized (pending) {
            for (Pending p : pending) {
                if (!p.future().isDone()) {
                    p.future().cancel(true);
                    lost.incrementAndGet();
                    facts.add(skipped(p.family(), p.target(),
                            "the overall probe deadline of " + human(options.timeout()) + " passed before it finished"));
                }
            }
        }
    }

    /** The facts kept, in arrival order (sorted on hand-over). */
    ConcurrentLinkedQueue<Fact> facts() {
        return facts;
    }

    /** How many checks did not run or finish (deadline or failure). */
    int lost() {
        return lost.get();
    }

    private static ProbeSkipped skipped(ProbeFamily family, String target, String why) {
        return new ProbeSkipped(family, target, why, LogTime.UNKNOWN, "",
                ResultFacts.source(family, family + " check of " + target + " not run: " + why));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
