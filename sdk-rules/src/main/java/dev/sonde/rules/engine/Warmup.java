package dev.sonde.rules.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Drools' classes on a short-lived background thread while the caller reads the rule pack: on a cold
 * JVM class loading is most of a start, and the two overlap on a machine with more than one core. Once
 * per JVM; the thread ends by itself and nothing waits for it.
 */
final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2 || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                KieSession session = KnowledgeBaseFactory.newKnowledgeBase().newKieSession();
                session.fireAllRules();
                session.dispose();
                LOG.debug("Drools classes loaded in the background in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | LinkageError | VirtualMachineError e) {
                // never the JVM's "Exception in thread" stack trace on a user's terminal: this thread only warms up
                LOG.debug("Drools warm-up failed (harmless): {}", e.toString());
            }
        }, "sonde-drools-warmup");
        t.setDaemon(true);
        t.start();
    }
}
