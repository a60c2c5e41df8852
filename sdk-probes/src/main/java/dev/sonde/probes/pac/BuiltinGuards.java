package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;

/**
 * Caps the standard built-ins that do a lot of work, or allocate a lot, in one call that the interpreter does
 * not count: each is replaced by a wrapper that refuses an input or result over the limits of
 * {@link PacOptions} (stopping the script as {@code EXHAUSTED}) and charges its size to the instruction
 * budget, so that the deadline check runs even inside native loops and recursions (nested arrays joined).
 * <ul>
 *   <li>every {@code String.prototype} method: the string itself at most {@code maxStringChars};
 *       {@code repeat}, {@code padStart}, {@code padEnd}: the result too;</li>
 *   <li>every {@code Array.prototype} method, {@code Array.from}: the (array-like) length at most
 *       {@code maxArrayLength} (a sparse {@code new Array(1e9)} is cheap, joining it is not);</li>
 *   <li>{@code Function.prototype.apply}, {@code Reflect.apply}, {@code Reflect.construct}: the argument list's
 *       length likewise.</li>
 * </ul>
 * What allocates without any call (string concatenation, a few native paths) is not capped here; an
 * {@link OutOfMemoryError} it causes is reported as the script's failure ({@link PacScript}).
 */
final class BuiltinGuards {

    private final int maxString;
    private final int maxArray;

    private BuiltinGuards(PacOptions options) {
        this.maxString = options.maxStringChars();
        this.maxArray = options.maxArrayLength();
    }

    static void install(ScriptableObject scope, PacOptions options) {
        new BuiltinGuards(options).installAll(scope);
    }

    private void installAll(ScriptableObject scope) {
        ScriptableObject strings = (ScriptableObject) ScriptableObject.getClassPrototype(scope, "String");
        for (String name : functionNames(strings)) {
            wrap(scope, strings, name, (cx, thisObj, args) -> {
                int length = stringLength(thisObj);
                charge(cx, length);
                if (length > maxString) {
                    throw exhausted("String.prototype." + name + " on a string of " + length + " characters");
                }
                resultLimit(name, length, args);
            });
        }
        ScriptableObject arrays = (ScriptableObject) ScriptableObject.getClassPrototype(scope, "Array");
        for (String name : functionNames(arrays)) {
            wrap(scope, arrays, name, (cx, thisObj, args) -> arrayLike(cx, thisObj, "Array.prototype." + name));
        }
        ScriptableObject arrayCtor = (ScriptableObject) ScriptableObject.getProperty(scope, "Array");
        wrap(scope, arrayCtor, "from", (cx, thisObj, args) -> arrayLike(cx, arg(args, 0), "Array.from"));
        ScriptableObject functions = (ScriptableObject) ScriptableObject.getFunctionPrototype(scope);
        wrap(scope, functions, "apply", (cx, thisObj, args) -> arrayLike(cx, arg(args, 1), "Function.prototype.apply"));
        Object reflect = ScriptableObject.getProperty(scope, "Reflect");
        if (reflect instanceof ScriptableObject r) {
            wrap(scope, r, "apply", (cx, thisObj, args) -> arrayLike(cx, arg(args, 2), "Reflect.apply"));
            wrap(scope, r, "construct", (cx, thisObj, args) -> arrayLike(cx, arg(args, 1), "Reflect.construct"));
        }
    }

    /** A check run before the original built-in; throws {@link SandboxStop} to refuse the call. */
    @FunctionalInterface
    private interface Check {
        void before(Context cx, Scriptable thisObj, Object[] args);
    }

    private static void wrap(ScriptableObject scope, ScriptableObject holder, String name, Check check) {
        Object original = ScriptableObject.getProperty(holder, name);
        if (!(original instanceof Function fn)) {
            return;
        }
        int arity = fn instanceof org.mozilla.javascript.BaseFunction b ? b.getArity() : 0;
        SerializableCallable guarded = (cx, s, thisObj, args) -> {
            check.before(cx, thisObj, args);
            return fn.call(cx, s, thisObj, args);
        };
        holder.defineProperty(name, new LambdaFunction(scope, name, arity, guarded), ScriptableObject.DONTENUM);
    }

    private static java.util.List<String> functionNames(ScriptableObject proto) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Object id : proto.getAllIds()) {
            if (id instanceof String name && !name.equals("constructor")
                    && ScriptableObject.getProperty(proto, name) instanceof Function) {
                names.add(name);
            }
        }
        return names;
    }

    private void resultLimit(String name, int length, Object[] args) {
        double wanted = switch (name) {
            case "repeat" -> (double) length * number(args, 0);
            case "padStart", "padEnd" -> number(args, 0);
            default -> 0;
        };
        if (wanted > maxString) {
            throw exhausted("String.prototype." + name + " asked for " + (long) Math.min(wanted, Long.MAX_VALUE)
                    + " characters");
        }
    }

    private void arrayLike(Context cx, Object value, String what) {
        if (!(value instanceof Scriptable s)) {
            return;
        }
        Object length = ScriptableObject.getProperty(s, "length");
        long n = length == Scriptable.NOT_FOUND ? 0 : ScriptRuntime.toLength(length);
        charge(cx, n);
        if (n > maxArray) {
            throw exhausted(what + " on a length of " + n);
        }
    }

    private static int stringLength(Scriptable thisObj) {
        // a String object's length is read without joining a concatenated string
        // (a concatenation past 2^31 characters has a negative length: counted as the longest)
        Object length = thisObj == null ? Scriptable.NOT_FOUND : ScriptableObject.getProperty(thisObj, "length");
        double n = length == Scriptable.NOT_FOUND ? 0 : Context.toNumber(length);
        return n < 0 || n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /** Charges work to the instruction budget, so the observer (deadline, budget) runs during native loops. */
    private static void charge(Context cx, long work) {
        ScriptRuntime.addInstructionCount(cx, (int) Math.min(1 + work / 16, 1 << 20));
    }

    private static Object arg(Object[] args, int i) {
        return i < args.length ? args[i] : null;
    }

    private static double number(Object[] args, int i) {
        return i < args.length ? Context.toNumber(args[i]) : 0;
    }

    private static SandboxStop exhausted(String what) {
        return new SandboxStop(PacFailureReason.EXHAUSTED, what + ": over the sandbox's limit");
    }
}
