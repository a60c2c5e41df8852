package dev.sonde.rules.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateful sessions holding the pack's data (and nothing else), reused across analyses: making a session and
 * inserting the pack's data cost more than the rules of a small log. A session comes back only from an analysis
 * that ended cleanly (every rule fired, none failed, no deadline): the facts that analysis and its rules
 * inserted are deleted, and the session is kept when it then holds exactly the data it started with; otherwise
 * it is disposed. At most {@link #MAX_IDLE} sessions wait; any number may be in use (each analysis takes its own).
 *
 * <p>Why a data-only session is as good as a new one: with the analysis' facts gone, every rule's match against
 * them is gone too, and the session holds what a new one holds before its first fact. That holds only when no
 * rule matches the data alone (a rule that did would fire once in the first analysis and never again, since its
 * match survives): the first session is therefore fired once with the data alone, and when any rule matches
 * then, or the pack uses more than the default entry point, nothing is reused (every analysis gets a new
 * session, as before). Thread-safe.
 */
final class SessionPool {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** Idle sessions kept, at most: enough for an analysis per core. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final List<Object> data;
    private final Set<Object> dataObjects;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** Null until the data alone has been fired once; then whether sessions may be reused. */
    private volatile Boolean reusable;
    /** The facts a session holds with the data alone (set before {@link #reusable} is). */
    private volatile long dataFacts;

    SessionPool(KieBase kieBase, List<Object> data) {
        this.kieBase = kieBase;
        this.data = List.copyOf(data);
        Set<Object> ids = Collections.newSetFromMap(new IdentityHashMap<>());
        ids.addAll(data);
        this.dataObjects = Collections.unmodifiableSet(ids);
    }

    /** A session holding the pack's data and nothing else: an idle one, or a new one. */
    KieSession take() {
        KieSession s = idle.poll();
        if (s != null) {
            idleCount.decrementAndGet();
            return s;
        }
        return fresh();
    }

    /** A new session with the pack's data inserted. */
    private KieSession fresh() {
        KieSession s = kieBase.newKieSession();
        for (Object d : data) {
            s.insert(d);
        }
        return s;
    }

    /**
     * Takes back a session whose analysis ended cleanly and whose own event listeners were removed: keeps it (its
     * analysis' facts deleted) when it can be reused, or disposes it.
     */
    void giveBack(KieSession s) {
        boolean kept = false;
        try {
            if (reusable() && idleCount.get() < MAX_IDLE && clear(s)) {
                idleCount.incrementAndGet();
                idle.add(s);
                kept = true;
            }
        } catch (RuntimeException e) {
            LOG.debug("a session could not be cleared for reuse; disposed", e);
        } finally {
            if (!kept) {
                s.dispose();
            }
        }
    }

    /** Deletes every fact but the pack's data; true when the session then holds exactly the data. */
    private boolean clear(KieSession s) {
        if (s.getEntryPoints().size() != 1) {
            return false;
        }
        Collection<FactHandle> added = s.getFactHandles(o -> !dataObjects.contains(o));
        for (FactHandle h : added) {
            s.delete(h);
        }
        return s.getFactCount() == dataFacts && s.getFactHandles(o -> !dataObjects.contains(o)).isEmpty();
    }

    /** Whether no rule matches the data alone (decided once, on a session of its own). */
    private boolean reusable() {
        Boolean known = reusable;
        if (known == null) {
            synchronized (this) {
                known = reusable;
                if (known == null) {
                    known = reusable = dataAloneMatchesNothing();
                }
            }
        }
        return known;
    }

    private boolean dataAloneMatchesNothing() {
        KieSession s = fresh();
        try {
            boolean[] matched = {false};
            s.fireAllRules(match -> {
                matched[0] = true;
                return false;
            });
            dataFacts = s.getFactCount();
            boolean ok = !matched[0] && s.getEntryPoints().size() == 1
                    && s.getFactHandles(o -> !dataObjects.contains(o)).isEmpty();
            LOG.debug(ok ? "sessions are reused across analyses"
                    : "a rule matches the pack's data alone (or the pack uses entry points): every analysis gets a new session");
            return ok;
        } finally {
            s.dispose();
        }
    }
}
