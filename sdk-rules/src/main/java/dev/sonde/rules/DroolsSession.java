package dev.sonde.rules;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import dev.sonde.spi.RuleEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis on a fresh stateful {@link KieSession}: facts stream in through {@link #add} (folded
 * when they repeat), {@link #finish} fires the rules under the deadline and builds the report. Not
 * thread-safe; use once.
 */
final class DroolsSession implements RuleEngine.Session {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsSession.class);
    /** Where engine warnings are filed. */
    static final String ENGINE = "rule engine";
    /** Rules always get at least this long to fire, even when reading used up the deadline. */
    static final Duration MIN_FIRING_TIME = Duration.ofSeconds(1);
    /** Guards against rules that re-activate each other forever. */
    static final int MAX_FIRINGS = 1_000_000;

    private final DroolsRuleEngine engine;
    private final KieSession session;
    private final Locale locale;
    private final Instant deadline;
    private final FactFolder folder;
    private boolean finished;
    private boolean closed;

    DroolsSession(DroolsRuleEngine engine, KieSession session, Locale locale, Instant deadline) {
        this.engine = engine;
        this.session = session;
        this.locale = locale;
        this.deadline = deadline;
        this.folder = new FactFolder(engine.keepPerSignature(), engine.maxFacts());
        for (Object data : engine.pack().data()) {
            session.insert(data);
        }
    }

    @Override
    public void add(Fact fact) {
        Objects.requireNonNull(fact, "fact");
        if (closed || finished) {
            throw new IllegalStateException("session already " + (closed ? "closed" : "finished"));
        }
        if (folder.admit(fact)) {
            session.insert(fact);
        }
    }

    @Override
    public Report finish(List<SourceSummary> sources, List<Warning> warnings) {
        if (closed || finished) {
            throw new IllegalStateException("session already " + (closed ? "closed" : "finished"));
        }
        finished = true;
        List<Warning> all = new ArrayList<>(warnings);
        all.addAll(folder.warnings());
        long t0 = System.nanoTime();
        long budget = Math.max(Duration.between(Instant.now(), deadline).toNanos(), engine.minFiringTime().toNanos());
        long stopAt = t0 + budget;
        boolean[] late = {false};
        AgendaFilter beforeDeadline = match -> {
            if (late[0] || System.nanoTime() - stopAt > 0) {
                late[0] = true;
                return false;
            }
            return true;
        };
        int fired = 0;
        try {
            fired = session.fireAllRules(beforeDeadline, MAX_FIRINGS);
        } catch (RuntimeException e) {
            LOG.warn("a rule failed while firing; reporting what was found before", e);
            all.add(new Warning(ENGINE, 0, "a rule failed while firing, so findings may be incomplete: "
                    + rootMessage(e)));
        }
        if (late[0]) {
            all.add(new Warning(ENGINE, 0, "the analysis deadline passed while rules were firing; "
                    + "findings may be incomplete"));
        }
        if (fired >= MAX_FIRINGS) {
            all.add(new Warning(ENGINE, 0, "rules stopped after " + MAX_FIRINGS
                    + " firings (rules that keep re-activating each other?); findings may be incomplete"));
        }
        List<Detection> detections = new ArrayList<>();
        List<Explanation> explanations = new ArrayList<>();
        for (Object o : session.getObjects(o -> o instanceof Detection || o instanceof Explanation)) {
            if (o instanceof Detection d) {
                detections.add(d);
            } else {
                explanations.add((Explanation) o);
            }
        }
        List<Finding> findings = FindingAssembler.assemble(detections, explanations,
                engine.pack().messages().forLocale(locale));
        LOG.debug("{} facts, {} rule firings, {} detections, {} findings in {} ms", folder.admitted(), fired,
                detections.size(), findings.size(), (System.nanoTime() - t0) / 1_000_000);
        all.sort(null);
        return new Report(findings, sources, all, engine.pack().packs());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.dispose();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
