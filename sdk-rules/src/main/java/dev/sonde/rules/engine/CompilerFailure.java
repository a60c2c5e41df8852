package dev.sonde.rules.engine;

import dev.sonde.PackProblem;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error (not an exception) thrown while compiling a pack, as a problem of the pack that names the DRL file:
 * the compiler's stack ran out (deeply nested DRL), its memory ran out, or a class the DRL declares or imports
 * failed to load. The compiler is written for exceptions; these errors would otherwise end the caller's thread
 * ({@code rules check} with a thousand-line stack trace, the rule pack watcher for good).
 *
 * <p>To name the file, each DRL file is parsed alone with Drools' parser: the one whose parse fails the same way is
 * the culprit; when every file parses (the stack ran out compiling a consequence or constraint), the most deeply
 * nested file is. The line is that of its deepest nesting. A class that failed to load is looked up by name in
 * the DRL text.
 */
final class CompilerFailure {

    private static final Logger LOG = LoggerFactory.getLogger(CompilerFailure.class);

    private CompilerFailure() {
    }

    /** The problem {@code error} makes of {@code pack}. */
    static PackProblem problem(RulePack pack, Error error) {
        LOG.debug("rule pack {}: the compiler failed", pack.manifest().id(), error);
        String id = pack.manifest().id();
        if (error instanceof LinkageError linkage) {
            return classProblem(pack, linkage);
        }
        boolean stack = error instanceof StackOverflowError;
        String what = stack ? "the rules are nested too deeply for the compiler (it ran out of stack space)"
                : "the compiler ran out of memory on these rules";
        String culprit = null;
        for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
            if (parseFails(drl.getValue(), error.getClass())) {
                culprit = drl.getKey();
                break;
            }
        }
        if (culprit == null && stack) { // parsed, then compiled (consequences, constraints): the deepest file
            int deepest = 0;
            for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
                int depth = Nesting.of(drl.getValue()).depth();
                if (depth > deepest) {
                    deepest = depth;
                    culprit = drl.getKey();
                }
            }
        }
        if (culprit == null) {
            return new PackProblem(".", 0, 0, PackProblem.Level.ERROR, "rule pack " + id + ": " + what);
        }
        Nesting deepest = Nesting.of(pack.drl().get(culprit));
        return new PackProblem(culprit, deepest.line(), 0, PackProblem.Level.ERROR, what
                + (deepest.depth() > 1 ? "; the deepest nesting, " + deepest.depth() + " levels, is on this line" : ""));
    }

    /** True when parsing {@code drl} alone throws an error of {@code kind} (other outcomes are not this file's fault). */
    private static boolean parseFails(String drl, Class<? extends Error> kind) {
        try {
            new DrlParser().parse(false, drl);
            return false;
        } catch (DroolsParserException | RuntimeException e) {
            return false;
        } catch (StackOverflowError | OutOfMemoryError e) {
            return kind.isInstance(e);
        }
    }

    private static final Pattern CLASS_NAME = Pattern.compile("([A-Za-z_$][\\w$]*(?:[./][A-Za-z_$][\\w$]*)+)");

    /** A class that failed to load or initialize: named, with the DRL file (and line) that uses it. */
    private static PackProblem classProblem(RulePack pack, LinkageError error) {
        String className = "";
        boolean initializer = error instanceof ExceptionInInitializerError
                || error instanceof NoClassDefFoundError && String.valueOf(error.getMessage()).startsWith(
                        "Could not initialize class"); // the initializer failed earlier in this process
        if (error instanceof ExceptionInInitializerError && error.getCause() != null) {
            for (StackTraceElement frame : error.getCause().getStackTrace()) {
                if (frame.getMethodName().equals("<clinit>")) {
                    className = frame.getClassName();
                    break;
                }
            }
        } else if (error.getMessage() != null) {
            Matcher m = CLASS_NAME.matcher(error.getMessage());
            if (m.find()) {
                className = m.group(1).replace('/', '.');
            }
        }
        String named = className.isEmpty() ? "a class used by the rules" : "class " + className;
        String what = initializer ? named + " cannot be used: its static initializer failed"
                : named + " cannot be loaded (it is missing, or was built for other classes than those present)";
        String simple = className.substring(className.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
        if (!simple.isEmpty()) {
            Pattern word = Pattern.compile("(?m)^(?!\\s*import\\b).*?\\b" + Pattern.quote(simple) + "\\b");
            Pattern anyWord = Pattern.compile("\\b" + Pattern.quote(simple) + "\\b");
            for (Pattern p : List.of(word, anyWord)) { // where it is used, else where it is imported
                for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
                    Matcher m = p.matcher(drl.getValue());
                    if (m.find()) {
                        return new PackProblem(drl.getKey(), lineAt(drl.getValue(), m.start()), 0,
                                PackProblem.Level.ERROR, what);
                    }
                }
            }
        }
        return new PackProblem(".", 0, 0, PackProblem.Level.ERROR, "rule pack " + pack.manifest().id()
                + ": " + what);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The deepest nesting of brackets in DRL text (outside strings and comments) and the line where it is reached. */
    record Nesting(int depth, int line) {
        static Nesting of(String drl) {
            int depth = 0;
            int max = 0;
            int maxLine = 0;
            int line = 1;
            int n = drl.length();
            for (int i = 0; i < n; i++) {
                char c = drl.charAt(i);
                if (c == '\n') {
                    line++;
                } else if (c == '"' || c == '\'') {
                    for (i++; i < n && drl.charAt(i) != c && drl.charAt(i) != '\n'; i++) {
                        if (drl.charAt(i) == '\\') {
                            i++;
                        }
                    }
                } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                    while (i + 1 < n && drl.charAt(i + 1) != '\n') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                    for (i += 2; i + 1 < n && !(drl.charAt(i) == '*' && drl.charAt(i + 1) == '/'); i++) {
                        if (drl.charAt(i) == '\n') {
                            line++;
                        }
                    }
                    i++;
                } else if (c == '(' || c == '[' || c == '{') {
                    if (++depth > max) {
                        max = depth;
                        maxLine = line;
                    }
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
            }
            return new Nesting(max, maxLine);
        }
    }
}
