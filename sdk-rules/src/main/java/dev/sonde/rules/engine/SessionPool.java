package dev.sonde.rules.engine;

import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateful sessions holding the pack's data, reused across analyses: making a session and inserting the pack's
 * data cost more than the rules of a small log. A session comes back only from an analysis that ended cleanly
 * (every rule fired, none failed, no deadline, {@link BoundedFiring#clean()}): the facts that analysis and its
 * rules inserted are deleted, and the session is kept when it then holds exactly what it held before; otherwise it
 * is disposed. At most {@link #MAX_IDLE} sessions wait; any number may be in use (each analysis takes its own).
 *
 * <p>Why a cleared session is as good as a new one: with the analysis' facts gone, every match of a rule
 * against them is gone too. That holds only for rules that need some analysis fact; a rule that matched the data
 * alone would fire once, in the session's first analysis, and never again. So the first time a session comes back,
 * the pack is checked once, on a session of its own whose rules are evaluated on the data alone (never fired):
 * when a rule with conditions matches then, or the pack uses entry points, nothing is ever reused (every analysis
 * gets a new session, as before). Rules without conditions ({@code when then}, such as {@code "Scope: always"})
 * are allowed: they fire in a session's first analysis, and what they concluded stays in the session for the next
 * ones, as if they had fired again (unless it is a finding or an explanation, which every analysis must see
 * inserted: then nothing is reused). Thread-safe.
 */
final class SessionPool {

    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** Idle sessions kept, at most: enough for an analysis per core. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How long the one-off check of the pack may take before reuse is given up (its rules may be hostile). */
    static final long CHECK_MILLIS = 2_000;
    /** The most firings of rules without conditions the check allows (more: no reuse). */
    static final int MAX_CHECK_FIRINGS = 1_000;

    /** A session and what rules without conditions concluded in it, which stays from one analysis to the next. */
    static final class Pooled {
        final KieSession session;
        /** The pack's data inserted in this session (identity). */
        private final Set<Object> data;
        /** The facts rules without conditions inserted in this session (identity). */
        final Set<Object> unconditional = Collections.newSetFromMap(new IdentityHashMap<>());

        /** A session holding {@code data} (identity set), which it never changes. */
        Pooled(KieSession session, Set<Object> data) {
            this.session = session;
            this.data = data;
        }

        /** Whether {@code o} stays in the session from one analysis to the next (one of the data, or unconditional). */
        boolean keeps(Object o) {
            return data.contains(o) || unconditional.contains(o);
        }
    }

    private final KieBase kieBase;
    private final List<Object> data;
    private final Set<Object> dataObjects;
    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** Sessions taken from the idle ones so far (for tests). */
    private final AtomicLong reused = new AtomicLong();
    /**
     * Null until checked; then the names of the rules without conditions when sessions may be reused, or empty when
     * they may not.
     */
    private volatile Optional<Set<String>> unconditionalRules;
    /** The facts a session holds with the data alone (set before {@link #unconditionalRules} is). */
    private volatile long dataFacts;

    SessionPool(KieBase kieBase, List<Object> data) {
        this.kieBase = kieBase;
        this.data = List.copyOf(data);
        Set<Object> ids = Collections.newSetFromMap(new IdentityHashMap<>());
        ids.addAll(data);
        this.dataObjects = Collections.unmodifiableSet(ids);
    }

    /** A session holding the pack's data (and what rules without conditions concluded): an idle one, or a new one. */
    Pooled take() {
        Pooled p = idle.poll();
        if (p != null) {
            idleCount.decrementAndGet();
            reused.incrementAndGet();
            return p;
        }
        return new Pooled(fresh(), dataObjects);
    }

    /** How many analyses ran on a reused session so far. */
    long reused() {
        return reused.get();
    }

    /** How many sessions wait to be reused now. */
    int idle() {
        return idleCount.get();
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
     * Takes back a session whose analysis ended cleanly, with its firing's listeners removed: keeps it (the
     * analysis' facts deleted) when it can be reused, or disposes it. {@code firing} says which rule inserted what.
     */
    void giveBack(Pooled p, BoundedFiring firing) {
        boolean kept = false;
        boolean room = idleCount.incrementAndGet() <= MAX_IDLE; // a place among the idle ones, taken first
        try {
            Optional<Set<String>> unconditional = room ? unconditionalRules() : Optional.empty();
            if (unconditional.isPresent() && clear(p, firing, unconditional.get())) {
                idle.add(p);
                kept = true;
            }
        } catch (RuntimeException e) {
            LOG.debug("a session could not be cleared for reuse; disposed", e);
        } finally {
            if (!kept) {
                idleCount.decrementAndGet();
                p.session.dispose();
            }
        }
    }

    /**
     * Deletes the facts the analysis and its rules inserted, but what rules without conditions inserted; true when
     * the session then holds exactly the data and those facts. Only the handles the firing saw inserted are visited.
     */
    private boolean clear(Pooled p, BoundedFiring firing, Set<String> unconditional) {
        KieSession s = p.session;
        for (Object o : firing.insertedBy(unconditional)) {
            if (o instanceof Detection || o instanceof Explanation) {
                return false; // every analysis must see its conclusions inserted
            }
            p.unconditional.add(o);
        }
        if (firing.changedKeptFact()) {
            return false; // a rule deleted or replaced one of the data (or an unconditional conclusion)
        }
        // stated facts only: a logical fact goes with the facts that justified it (deleting it by hand would leave
        // its equality key behind, and an equal fact inserted logically later would join the deleted one)
        for (FactHandle h : firing.inserted()) {
            InternalFactHandle f = (InternalFactHandle) h;
            if (f.isValid() && !p.keeps(f.getObject())
                    && (f.getEqualityKey() == null || f.getEqualityKey().getStatus() != EqualityKey.JUSTIFIED)) {
                s.delete(h);
            }
        }
        // deletions reach the rules' matches (and the logical facts they justify) when the rules are evaluated: here
        // with nothing allowed to fire, and no match expected (the data alone matches nothing, checked once)
        boolean[] matched = {false};
        s.fireAllRules(match -> {
            matched[0] = true;
            return false;
        });
        // every insertion since the session was clean was seen, and none of the kept facts was deleted or replaced:
        // so the session holds the kept facts plus whatever is left of the inserted ones, which the count tells
        return !matched[0] && s.getEntryPoints().size() == 1 && s.getFactCount() == dataFacts + p.unconditional.size();
    }

    /** The rules without conditions, when sessions may be reused (checked once, on a session of its own). */
    private Optional<Set<String>> unconditionalRules() {
        Optional<Set<String>> known = unconditionalRules;
        if (known == null) {
            synchronized (this) {
                known = unconditionalRules;
                if (known == null) {
                    known = unconditionalRules = check();
                }
            }
        }
        return known;
    }

    /**
     * Evaluates the rules on the data alone, on a worker thread and within {@link #CHECK_MILLIS} (conditions and
     * consequences may call code), firing only the rules without conditions: their names when no other rule matches
     * the data and what they concluded, else empty.
     */
    private Optional<Set<String>> check() {
        KieSession s = fresh();
        Set<String> unconditional = new HashSet<>();
        boolean[] conditional = {false};
        Future<?> evaluation = BoundedFiring.submit(() -> {
            try {
                dataFacts = s.getFactCount();
                boolean alone = s.getEntryPoints().size() == 1 && s.getFactHandles(o -> !dataObjects.contains(o)).isEmpty();
                // the rules without conditions fire (what they conclude stays in a reused session); no other may match
                int fired = s.fireAllRules(match -> {
                    if (match.getObjects().stream().allMatch(o -> o.getClass().getSimpleName().equals("InitialFactImpl"))) {
                        unconditional.add(match.getRule().getName());
                        return true;
                    }
                    conditional[0] = true;
                    return false;
                }, MAX_CHECK_FIRINGS);
                return alone && fired < MAX_CHECK_FIRINGS;
            } finally {
                s.dispose();
            }
        });
        try {
            boolean ok = (Boolean) evaluation.get(CHECK_MILLIS, TimeUnit.MILLISECONDS) && !conditional[0];
            LOG.debug(ok ? "sessions are reused across analyses"
                    : "a rule matches the pack's data alone (or the pack uses entry points): no session is reused");
            return ok ? Optional.of(Set.copyOf(unconditional)) : Optional.empty();
        } catch (TimeoutException e) {
            s.halt();
            evaluation.cancel(true);
            LOG.debug("evaluating the rules on the pack's data alone took over {} ms: no session is reused", CHECK_MILLIS);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.debug("evaluating the rules on the pack's data alone failed: no session is reused", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
