package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.probes.Deadline;
import java.util.Locale;
import java.util.TimeZone;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Makes the Rhino contexts PAC scripts run in, each bounded the same way:
 * <ul>
 *   <li>interpreted mode: no Java class is generated from the script, and the interpreter counts what it
 *       executes; every {@value #CHECK_EVERY} instructions (regular expression steps included) the
 *       {@linkplain #observeInstructionCount observer} stops the script once its deadline has passed or its
 *       instruction budget is spent;</li>
 *   <li>a nesting limit on JavaScript calls ({@link Context#setMaximumInterpreterStackDepth});</li>
 *   <li>a {@link org.mozilla.javascript.ClassShutter} that refuses every Java class, so that even a Java object
 *       that reached the script could not be used to reach another;</li>
 *   <li>JavaScript 1.8 (no BigInt: see {@link #makeContext}), a fixed locale and the configured time zone.</li>
 * </ul>
 * The scope (see {@link SandboxScope}) holds only the standard objects and the PAC helpers.
 */
final class SandboxFactory extends ContextFactory {

    /** Instructions between two observer calls: small enough to stop within microseconds of the deadline. */
    static final int CHECK_EVERY = 10_000;

    private final PacOptions options;

    SandboxFactory(PacOptions options) {
        this.options = options;
    }

    /** A context that knows its deadline and budget. */
    static final class Bounded extends Context {
        private Deadline deadline = Deadline.after(java.time.Duration.ZERO);
        private long left;

        Bounded(ContextFactory factory) {
            super(factory);
        }

        /** Starts one evaluation: until {@code d}, at most {@code budget} instructions. */
        void arm(Deadline d, long budget) {
            deadline = d;
            left = budget;
        }

        /** The running evaluation's deadline (helpers that block bound themselves by it). */
        Deadline deadline() {
            return deadline;
        }
    }

    @Override
    protected Context makeContext() {
        Bounded cx = new Bounded(this);
        // JavaScript 1.8 has what PAC scripts use (let, const, arrow functions, template strings, the ES2017
        // string and array methods) but no BigInt, whose arithmetic runs natively, uncounted, for minutes
        cx.setLanguageVersion(Context.VERSION_1_8);
        cx.setInterpretedMode(true);
        cx.setGeneratingDebug(false);
        cx.setInstructionObserverThreshold(CHECK_EVERY);
        cx.setMaximumInterpreterStackDepth(options.maxStackDepth());
        cx.setClassShutter(className -> false);
        cx.setLocale(Locale.ROOT);
        cx.setTimeZone(TimeZone.getTimeZone(options.zone()));
        return cx;
    }

    @Override
    protected boolean hasFeature(Context cx, int featureIndex) {
        if (featureIndex == Context.FEATURE_ENHANCED_JAVA_ACCESS || featureIndex == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS
                || featureIndex == Context.FEATURE_E4X) {
            return false;
        }
        return super.hasFeature(cx, featureIndex);
    }

    @Override
    protected void observeInstructionCount(Context cx, int instructionCount) {
        Bounded b = (Bounded) cx;
        if (b.deadline.expired()) {
            throw new SandboxStop(PacFailureReason.TIMED_OUT, "stopped at its deadline");
        }
        b.left -= instructionCount;
        if (b.left < 0) {
            throw new SandboxStop(PacFailureReason.TIMED_OUT, "stopped after its instruction budget");
        }
    }
}
