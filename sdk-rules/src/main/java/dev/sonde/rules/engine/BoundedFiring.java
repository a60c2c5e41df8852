package dev.sonde.rules.engine;

import dev.sonde.Warning;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a session's rules on a worker thread (one of a shared pool) so that the deadline holds whatever a rule
 * does. DRL is code: a consequence may sleep, loop, recurse or throw. The caller waits until the firing deadline,
 * then halts the session and interrupts the worker (which ends a sleeping or waiting consequence); a consequence
 * that still does not return by the hard deadline is <em>abandoned</em>: the report is built from the conclusions
 * reached so far and names the rule, and the worker thread (a daemon) is left to end on its own, disposing the
 * session when it does (and only then serving other firings). A rule that throws is named, its firing is skipped
 * and the others keep firing; an {@link Error} a consequence provokes (stack overflow, out of memory) stops firing
 * and is named too. Every such event is a {@link Warning.Kind#INCOMPLETE} warning.
 *
 * <p>Conclusions ({@link Detection}s and {@link Explanation}s) are tracked as they are inserted and retracted,
 * so they can be read safely even while an abandoned consequence still runs.
 */
final class BoundedFiring {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedFiring.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Where engine warnings are filed. */
    static final String ENGINE = "rule engine";
    /** Guards against rules that re-activate each other forever. */
    static final int MAX_FIRINGS = 1_000_000;
    /** The least time a halted, interrupted worker is given to return before it is abandoned. */
    static final long MIN_HALT_WAIT_NANOS = 50_000_000L;
    /** Rules that may fail (each failure named) before firing stops. */
    static final int MAX_FAILURES = 20;
    /**
     * How long the caller waits for a firing on the CPU before it parks, at most; only when the last firing waited
     * for took less (a small log's rules fire in microseconds). Being parked and woken by the worker on the other core
     * cost more than the rules on the 2-core virtual machine: the healthy sample took 95-105 us a call, 25 us with the
     * JVM on one core, 57 us with this wait. A larger analysis (Fiddler's rules: 150 us and more) parks at once.
     */
    static final long SPIN_NANOS = 100_000;
    /** How long the last firing took, as its caller waited for it (any engine, any thread: only a hint). */
    private static volatile long lastWaitNanos;
    /** Seconds an idle worker thread waits for the next firing before it ends. */
    static final long IDLE_SECONDS = 30;

    /** What a firing run ended with. */
    record Result(List<Detection> detections, List<Explanation> explanations, int fired, List<Warning> warnings,
            boolean abandoned) {
    }

    /**
     * The worker threads, shared by all sessions: an idle one is reused (starting a thread per analysis cost more
     * than the rules of a small log), a new one is started when none is idle, and one that stays idle for
     * {@link #IDLE_SECONDS} ends. So there are at most as many as analyses fire at once, plus the abandoned
     * consequences still running (as with a thread per analysis), and none once nothing runs.
     */
    private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "sonde-rules-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private final KieSession session;
    private final RuleRuntimeEventListener tracker = new ConclusionTracker();
    private final AgendaEventListener namer = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            firing = null;
        }
    };
    /** What runs on the worker after a clean firing; null: nothing. */
    private volatile Runnable afterCleanFiring;
    /** Whether {@link #afterCleanFiring} took the session. */
    private volatile boolean handedOver;
    /** The worker while it fires this session's rules (null before and after): the one to interrupt. */
    private Thread worker;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Set<Object> conclusions = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    /** What the rules inserted (not the facts given to the session), and which rule did. */
    private final Map<Object, String> insertedByRule = Collections.synchronizedMap(new IdentityHashMap<>());
    /**
     * The handles of every fact inserted while the listeners were on (the analysis' facts and what its rules
     * inserted), in order: what clearing the session deletes. Read only after a clean firing, on the worker.
     */
    private final List<FactHandle> inserted = new ArrayList<>();
    /** What stays in the session from one analysis to the next (the pack's data ...): see {@link #changedKeptFact}. */
    private final Predicate<Object> kept;
    /** Whether a fact {@link #kept} was deleted or replaced by another object. */
    private volatile boolean changedKeptFact;
    private final List<Warning> warnings = Collections.synchronizedList(new ArrayList<>());
    private volatile String firing;
    private volatile boolean pastDeadline;
    private volatile int fired;
    private volatile boolean abandoned;
    private volatile boolean finished;

    /**
     * Fires {@code session}'s rules; {@code kept} tells the facts that stay in it from one analysis to the next (the
     * pack's data: see {@link #changedKeptFact()}).
     */
    BoundedFiring(KieSession session, Predicate<Object> kept) {
        this.session = session;
        this.kept = kept;
        session.addEventListener(tracker);
        session.addEventListener(namer);
    }

    /**
     * Fires the rules: new firings stop at {@code fireUntilNanos} ({@link System#nanoTime()}), and a consequence
     * still running at {@code abandonAtNanos} is abandoned.
     */
    Result fire(long fireUntilNanos, long abandonAtNanos) {
        return fire(fireUntilNanos, abandonAtNanos, null);
    }

    /**
     * Fires the rules as {@link #fire(long, long)} does; when the firing ends cleanly (every rule fired, none failed,
     * the deadline was not reached) the worker removes this firing's listeners and then, after the results are
     * handed to the caller, runs {@code afterCleanFiring}, which then owns the session: the caller no longer
     * disposes it ({@link #handedOver()}). The caller does not wait for it.
     */
    Result fire(long fireUntilNanos, long abandonAtNanos, Runnable afterCleanFiring) {
        this.afterCleanFiring = afterCleanFiring;
        long start = System.nanoTime();
        WORKERS.execute(() -> run(fireUntilNanos));
        if (lastWaitNanos < SPIN_NANOS) {
            spinUntilDone(fireUntilNanos - start < SPIN_NANOS ? fireUntilNanos : start + SPIN_NANOS);
        }
        await(fireUntilNanos);
        lastWaitNanos = System.nanoTime() - start;
        boolean late;
        synchronized (this) {
            late = !finished;
            if (late) {
                pastDeadline = true;
            }
        }
        if (late) {
            session.halt();
            interruptWorker();
            // a halted worker needs a moment to see it, even when the deadline had passed before firing began
            await(Math.max(abandonAtNanos, System.nanoTime() + MIN_HALT_WAIT_NANOS));
        }
        synchronized (this) {
            if (!finished) {
                abandoned = true;
                String rule = firing;
                LOG.warn("rule \"{}\" was still running at the analysis deadline; it was abandoned", rule);
                warnings.add(Warning.incomplete(ENGINE, 0, rule == null
                        ? "the analysis deadline passed while rules were being evaluated; findings may be incomplete"
                        : "rule \"" + rule + "\" was still running at the analysis deadline and was abandoned; "
                                + "findings may be incomplete"));
            }
        }
        if (pastDeadline && !abandoned) {
            warnings.add(Warning.incomplete(ENGINE, 0,
                    "the analysis deadline passed while rules were firing; findings may be incomplete"));
        }
        if (fired >= MAX_FIRINGS) {
            warnings.add(Warning.incomplete(ENGINE, 0, String.format(Locale.ROOT, "rules stopped after %,d firings "
                    + "(rules that keep re-activating each other?); findings may be incomplete", MAX_FIRINGS)));
        }
        List<Detection> detections = new ArrayList<>();
        List<Explanation> explanations = new ArrayList<>();
        synchronized (conclusions) {
            for (Object o : conclusions) {
                if (o instanceof Detection d) {
                    detections.add(d);
                } else if (o instanceof Explanation e) {
                    explanations.add(e);
                }
            }
        }
        List<Warning> said;
        synchronized (warnings) {
            said = List.copyOf(new LinkedHashSet<>(warnings));
        }
        return new Result(detections, explanations, fired, said, abandoned);
    }

    /** True when the session may be disposed now; otherwise the abandoned worker disposes it when it ends. */
    synchronized boolean releasable() {
        return !abandoned || finished;
    }

    /** True when the session went to the {@code afterCleanFiring} task of {@link #fire(long, long, Runnable)}. */
    synchronized boolean handedOver() {
        return handedOver;
    }

    /** The facts one of {@code rules} inserted (by identity), read once the firing is over. */
    List<Object> insertedBy(Set<String> rules) {
        List<Object> out = new ArrayList<>();
        synchronized (insertedByRule) {
            insertedByRule.forEach((fact, rule) -> {
                if (rules.contains(rule)) {
                    out.add(fact);
                }
            });
        }
        return out;
    }

    /**
     * The handles of the facts inserted in the session since this firing's listeners were added (the analysis'
     * facts, then what its rules inserted), in order. Read once the firing is over.
     */
    List<FactHandle> inserted() {
        return inserted;
    }

    /** True when a fact that stays in the session from one analysis to the next was deleted or replaced. */
    boolean changedKeptFact() {
        return changedKeptFact;
    }

    /** Runs a task on one of the worker threads. */
    static <T> Future<T> submit(Callable<T> task) {
        return WORKERS.submit(task);
    }

    /** Removes this firing's listeners from the session, before the session is reused. */
    private void detach() {
        session.removeEventListener(tracker);
        session.removeEventListener(namer);
    }

    /** Interrupts the worker if it still fires this session's rules (never a later task of the same thread). */
    private synchronized void interruptWorker() {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run(long fireUntilNanos) {
        synchronized (this) {
            worker = Thread.currentThread();
        }
        int failures = 0;
        try {
            while (true) {
                try {
                    fired += session.fireAllRules(match -> {
                        if (pastDeadline || System.nanoTime() - fireUntilNanos > 0) {
                            pastDeadline = true;
                            return false;
                        }
                        return true;
                    }, MAX_FIRINGS - fired);
                    return;
                } catch (ConsequenceException e) {
                    String rule = e.getRule() != null ? e.getRule().getName() : firing;
                    if (pastDeadline && interruption(e)) {
                        return; // interrupted at the deadline: reported as such
                    }
                    failures++;
                    LOG.debug("rule \"{}\" failed", rule, e);
                    warnings.add(Warning.incomplete(ENGINE, 0, "rule \"" + rule + "\" failed ("
                            + rootMessage(e) + "); its conclusion is missing, the other rules kept firing"));
                    if (failures >= MAX_FAILURES || pastDeadline) {
                        warnings.add(Warning.incomplete(ENGINE, 0, "rules stopped firing after " + failures
                                + " failures; findings may be incomplete"));
                        return;
                    }
                }
            }
        } catch (StackOverflowError | OutOfMemoryError e) {
            String rule = firing;
            LOG.warn("rule \"{}\" ended the firing with {}", rule, e.toString());
            warnings.add(Warning.incomplete(ENGINE, 0, (rule == null ? "a rule" : "rule \"" + rule + "\"")
                    + (e instanceof StackOverflowError ? " recursed too deeply" : " used up the memory")
                    + "; rules stopped firing and findings may be incomplete"));
        } catch (RuntimeException | LinkageError e) {
            String rule = firing;
            LOG.debug("rule firing failed in \"{}\"", rule, e);
            warnings.add(Warning.incomplete(ENGINE, 0, (rule == null ? "the rules" : "rule \"" + rule + "\"")
                    + " failed (" + rootMessage(e) + "); rules stopped firing and findings may be incomplete"));
        } finally {
            boolean clean;
            synchronized (this) {
                finished = true;
                worker = null;
                Thread.interrupted(); // an interrupt meant for this firing must not reach the thread's next task
                if (abandoned) {
                    dispose();
                }
                clean = !abandoned && !pastDeadline && warnings.isEmpty() && fired < MAX_FIRINGS;
                handedOver = clean && afterCleanFiring != null;
            }
            if (handedOver) {
                detach(); // before the caller reads the conclusions: clearing the session must not touch them
            }
            done.countDown();
            if (handedOver) {
                afterCleanFiring.run(); // on this thread, while the caller builds its report
            }
        }
    }

    private void dispose() {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            LOG.debug("disposing an abandoned session failed", e);
        }
    }

    private static boolean interruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Waits on the CPU until the worker is done or {@code untilNanos} ({@link System#nanoTime()}). */
    private void spinUntilDone(long untilNanos) {
        while (done.getCount() > 0 && untilNanos - System.nanoTime() > 0) {
            Thread.yield(); // lets the worker run first if both share a core
        }
    }

    /** Waits until the worker is done or {@code untilNanos} ({@link System#nanoTime()}), keeping the caller's interrupt. */
    private void await(long untilNanos) {
        boolean interrupted = false;
        try {
            while (done.getCount() > 0) {
                long left = untilNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    done.await(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // keep the caller's interrupt, but keep the deadline too
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Keeps the session's conclusions as they are inserted and retracted. */
    private final class ConclusionTracker implements RuleRuntimeEventListener {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            inserted.add(event.getFactHandle());
            if (event.getRule() != null) {
                insertedByRule.put(o, event.getRule().getName());
            }
            if (o instanceof Detection || o instanceof Explanation) {
                conclusions.add(o);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            Object old = event.getOldObject();
            Object now = event.getObject();
            if (old != now && kept.test(old)) {
                changedKeptFact = true;
            }
            if (old != now && (old instanceof Detection || old instanceof Explanation)) {
                conclusions.remove(old);
            }
            if (now instanceof Detection || now instanceof Explanation) {
                conclusions.add(now);
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            if (kept.test(event.getOldObject())) {
                changedKeptFact = true;
            }
            conclusions.remove(event.getOldObject());
        }
    }
}
