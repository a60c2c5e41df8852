package dev.sonde.rules.engine;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.spi.RuleEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis on a stateful {@link KieSession} holding the pack's data and nothing else ({@link SessionPool}): facts stream in through {@link #add} (folded
 * when they repeat), {@link #finish} fires the rules under the deadline ({@link BoundedFiring}: the deadline
 * holds whatever a rule does) and builds the report. Not thread-safe; use once.
 */
final class DroolsSession implements RuleEngine.Session {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsSession.class);
    /**
     * How long before the deadline firing is halted, at most (a fifth of the time left when less): what a
     * halted or interrupted consequence needs to return before it is abandoned at the deadline itself.
     */
    static final Duration HALT_GRACE = Duration.ofMillis(500);

    private final DroolsRuleEngine engine;
    private final SessionPool.Pooled pooled;
    private final KieSession session;
    /** Where the session goes back after a clean analysis; null when it is disposed. */
    private final SessionPool pool;
    private final Locale locale;
    private final Instant deadline;
    private final FactFolder folder;
    private final BoundedFiring firing;
    /** The facts the session holds (bounded by the folder's limits), for the attempts index built before firing. */
    private final List<Fact> admitted = new ArrayList<>();
    private boolean finished;
    private boolean closed;

    /**
     * A session on {@code session}, which already holds the pack's data; when it comes from {@code pool}, it goes
     * back there at {@link #close} if its firing ended cleanly (null: it is disposed).
     */
    DroolsSession(DroolsRuleEngine engine, SessionPool.Pooled session, SessionPool pool, Locale locale,
            Instant deadline) {
        this.engine = engine;
        this.pooled = session;
        this.session = session.session;
        this.pool = pool;
        this.locale = locale;
        this.deadline = deadline;
        this.folder = new FactFolder(engine.keepPerSignature(), engine.maxFacts());
        this.firing = new BoundedFiring(this.session, session::keeps);
    }

    @Override
    public void add(Fact fact) {
        Objects.requireNonNull(fact, "fact");
        if (closed || finished) {
            throw new IllegalStateException("session already " + (closed ? "closed" : "finished"));
        }
        if (folder.admit(fact)) {
            admitted.add(fact);
            session.insert(fact);
        }
    }

    @Override
    public Report finish(List<InputSummary> sources, List<Warning> warnings) {
        if (closed || finished) {
            throw new IllegalStateException("session already " + (closed ? "closed" : "finished"));
        }
        finished = true;
        List<Warning> all = new ArrayList<>(warnings);
        all.addAll(folder.warnings());
        long t0 = System.nanoTime();
        Instant now = Instant.now(); // when live probes ran, for the attempts index
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        long abandonAt = t0 + left;
        long fireUntil = abandonAt - Math.min(left / 5, HALT_GRACE.toNanos());
        // a clean firing's worker clears the session for the next analysis while this one builds its report
        BoundedFiring.Result result = firing.fire(fireUntil, abandonAt,
                pool == null ? null : () -> pool.giveBack(pooled, firing));
        all.addAll(result.warnings());
        List<Finding> findings = List.of();
        if (!result.detections().isEmpty()) { // the attempts only place findings: none, nothing to index
            List<Fact> timeline = new ArrayList<>(admitted);
            timeline.addAll(folder.lastFolded()); // a repeated fact's last sighting ends its timeline
            Attempts attempts = Attempts.index(timeline, engine.servicesByHost(), now);
            findings = FindingAssembler.assemble(result.detections(), result.explanations(), engine.texts(locale),
                    attempts);
        }
        LOG.debug("{} facts, {} rule firings, {} detections, {} findings in {} ms", folder.admitted(), result.fired(),
                result.detections().size(), findings.size(), (System.nanoTime() - t0) / 1_000_000);
        all.sort(null);
        return new Report(findings, sources, all, engine.pack().packs());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (firing.handedOver()) {
                return; // the worker gives it back to the pool, or disposes it
            }
            if (firing.releasable()) { // an abandoned rule's thread disposes the session when it ends
                session.dispose();
            }
        }
    }
}
