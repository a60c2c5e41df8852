package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.probes.Deadline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * A proxy auto-config script, compiled once and evaluated for many URLs, in a sandbox (Mozilla Rhino,
 * interpreted): the script sees the standard JavaScript objects and the PAC helpers, and nothing of Java, the
 * files, the network or the host beyond the helpers' DNS lookups ({@link SandboxScope}, {@link SandboxFactory}).
 *
 * <p>Bounds ({@link PacOptions}): the script's size; each evaluation (the top level at {@link #compile}, then
 * each {@link #evaluate}) runs on its own daemon thread until its deadline and within its instruction budget and
 * call depth; all evaluations of the script share a total time; the allocating built-ins are capped
 * ({@link BuiltinGuards}). A script that breaks a bound, throws, or runs out of memory or stack fails with the
 * matching {@link PacFailureReason}: a failure of the script, never an exception of Sonde's. A native call the
 * interpreter cannot interrupt is abandoned at its deadline (plus a short grace); its thread is left to finish
 * and the script is not evaluated again.
 *
 * <p>Like a browser, the script's global state lives across evaluations. Not thread-safe: one evaluation at a
 * time.
 */
public final class PacScript {

    /** Time an evaluation thread is given past its deadline to notice it (the observer runs every few µs). */
    private static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * Time allowed, before the top level's own deadline starts, to build the scope and parse the script: work of
     * the engine (class loading on first use, a parse linear in the capped size), not of the script.
     */
    private static final Duration SETUP = Duration.ofSeconds(5);
    private static final long THREAD_STACK = 4L << 20;

    private final PacOptions options;
    private final SandboxFactory factory;
    private Deadline total;
    private ScriptableObject scope;
    private Function function;
    private Thread stuck;

    private PacScript(PacOptions options) {
        this.options = options;
        this.factory = new SandboxFactory(options);
        this.total = Deadline.after(options.totalTimeout().plus(SETUP));
    }

    /**
     * Compiles {@code source} and runs its top level (which defines {@code FindProxyForURL}).
     *
     * @param name the script's name in error messages (its URL, {@code proxy.pac})
     * @throws PacException {@code TOO_LARGE}, {@code SYNTAX}, {@code THREW}, {@code TIMED_OUT}, {@code EXHAUSTED},
     *                      or {@code NO_FUNCTION} when it defines neither {@code FindProxyForURL} nor
     *                      {@code FindProxyForURLEx}
     */
    public static PacScript compile(String source, String name, PacOptions options) throws PacException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        if (source.length() > options.maxScriptBytes()
                || source.getBytes(StandardCharsets.UTF_8).length > options.maxScriptBytes()) {
            throw new PacException(PacFailureReason.TOO_LARGE, "the script is larger than "
                    + options.maxScriptBytes() + " bytes");
        }
        PacScript script = new PacScript(options);
        script.run(SETUP, cx -> {
            ScriptableObject s = SandboxScope.create(cx, options);
            org.mozilla.javascript.Script compiled;
            try {
                compiled = cx.compileString(source, Objects.requireNonNullElse(name, "proxy.pac"), 1, null);
            } catch (EvaluatorException e) {
                throw new PacException(PacFailureReason.SYNTAX, e.details() + where(e));
            }
            script.total = Deadline.after(options.totalTimeout()); // the script's own time starts here
            ((SandboxFactory.Bounded) cx).arm(Deadline.after(options.evaluationTimeout()).orEarlier(script.total),
                    options.instructionBudget());
            compiled.exec(cx, s, s);
            script.scope = s;
            script.function = pick(s);
            return null;
        });
        return script;
    }

    /**
     * The script's answer for {@code url}: {@code FindProxyForURLEx(url, host)} when the script defines it (as
     * Windows prefers), else {@code FindProxyForURL(url, host)}.
     *
     * @throws PacException {@code THREW}, {@code TIMED_OUT}, {@code EXHAUSTED}, or {@code BAD_RESULT} when the
     *                      answer is no PAC answer (the detail quotes it, clipped)
     */
    public PacResult evaluate(String url, String host) throws PacException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Object answer = run(Duration.ZERO, cx -> {
            Object r = function.call(cx, scope, scope, new Object[] {url, host});
            if (r instanceof CharSequence cs) {
                if (cs.length() < 0 || cs.length() > options.maxResultChars()) { // checked before a concatenation is joined
                    throw new PacException(PacFailureReason.BAD_RESULT, "an answer of " + cs.length()
                            + " characters, over the limit of " + options.maxResultChars());
                }
                return cs.toString();
            }
            throw new PacException(PacFailureReason.BAD_RESULT, "answered " + kind(r) + ", not a string");
        });
        return PacResultParser.parse((String) answer);
    }

    private static Function pick(Scriptable scope) throws PacException {
        for (String name : new String[] {"FindProxyForURLEx", "FindProxyForURL"}) {
            if (ScriptableObject.getProperty(scope, name) instanceof Function f) {
                return f;
            }
        }
        throw new PacException(PacFailureReason.NO_FUNCTION, "the script defines no FindProxyForURL function");
    }

    /** Work done inside an entered, armed context; may throw anything, which {@link #run} classifies. */
    @FunctionalInterface
    private interface InContext {
        Object run(Context cx) throws PacException;
    }

    /** Runs {@code body} on its own thread, waiting until the evaluation's deadline plus {@code setup} and a grace. */
    private Object run(Duration setup, InContext body) throws PacException {
        if (stuck != null) {
            throw new PacException(PacFailureReason.TIMED_OUT, "an earlier evaluation of this script did not stop");
        }
        if (total.expired()) {
            throw new PacException(PacFailureReason.TIMED_OUT, "the script's total time of "
                    + options.totalTimeout().toMillis() + " ms is spent");
        }
        Deadline deadline = Deadline.after(options.evaluationTimeout()).orEarlier(total);
        FutureTask<Object> task = new FutureTask<>(() -> factory.call(cx -> {
            ((SandboxFactory.Bounded) cx).arm(deadline, options.instructionBudget());
            try {
                return body.run(cx);
            } catch (Throwable t) { // a script's failure, whatever it is, is reported, never thrown
                return classify(t);
            }
        }));
        Thread worker = new Thread(null, task, "sonde-pac", THREAD_STACK);
        worker.setDaemon(true);
        worker.start();
        Object outcome;
        try {
            outcome = task.get(deadline.remaining().plus(setup).plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            stuck = worker;
            throw new PacException(PacFailureReason.TIMED_OUT, "did not stop at its deadline (in a native call)");
        } catch (InterruptedException e) {
            worker.interrupt();
            stuck = worker;
            Thread.currentThread().interrupt();
            throw new PacException(PacFailureReason.TIMED_OUT, "interrupted");
        } catch (ExecutionException e) {
            outcome = classify(e.getCause());
        }
        if (outcome instanceof PacException failure) {
            throw failure;
        }
        return outcome;
    }

    /** A script's failure as a {@link PacException}; run on the evaluation thread, inside its context. */
    private static PacException classify(Throwable t) {
        if (t instanceof PacException p) {
            return p;
        }
        if (t instanceof SandboxStop s) {
            return new PacException(s.reason(), s.getMessage());
        }
        if (t instanceof StackOverflowError) {
            return new PacException(PacFailureReason.EXHAUSTED, "nested too deeply (out of stack)");
        }
        if (t instanceof OutOfMemoryError) {
            return new PacException(PacFailureReason.EXHAUSTED, "ran out of memory");
        }
        if (t instanceof IndexOutOfBoundsException || t instanceof NegativeArraySizeException) {
            // a concatenation past 2^31 characters wraps its length around, and joining it then fails
            return new PacException(PacFailureReason.EXHAUSTED, "made a string or array past the engine's limits");
        }
        if (t instanceof JavaScriptException e) {
            return new PacException(PacFailureReason.THREW, "threw " + kind(e.getValue()) + where(e));
        }
        if (t instanceof EcmaError e) {
            return new PacException(PacFailureReason.THREW, e.getName() + ": " + clip(e.getErrorMessage()) + where(e));
        }
        if (t instanceof EvaluatorException e && e.details() != null && e.details().contains("stack depth")) {
            return new PacException(PacFailureReason.EXHAUSTED, "nested too deeply: " + e.details());
        }
        if (t instanceof RhinoException e) {
            return new PacException(PacFailureReason.THREW, clip(e.details()) + where(e));
        }
        return new PacException(PacFailureReason.THREW, "failed in the engine: " + t.getClass().getSimpleName());
    }

    private static String where(RhinoException e) {
        return e.lineNumber() > 0 ? " (line " + e.lineNumber() + ")" : "";
    }

    /** What a value is, for a message: a short string quoted, a number, or its kind. */
    private static String kind(Object v) {
        try {
            return describe(v);
        } catch (RuntimeException | SandboxStop e) { // an Error whose message is a getter that fails
            return "an object";
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v == Context.getUndefinedValue() || v == Scriptable.NOT_FOUND) {
            return "undefined";
        }
        if (v instanceof CharSequence cs) {
            return cs.length() > 200 ? "a string of " + cs.length() + " characters" : "\"" + cs + "\"";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        if (v instanceof ScriptableObject o && "Error".equals(o.getClassName())) {
            Object message = o.get("message", o);
            return "an Error" + (message instanceof CharSequence m ? ": " + clip(m) : "");
        }
        return "an object";
    }

    private static String clip(CharSequence text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text.toString() : text.subSequence(0, 199) + "…";
    }
}
