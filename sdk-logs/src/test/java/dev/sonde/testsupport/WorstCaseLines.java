package dev.sonde.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lines built to make a text parser backtrack: a word the parser looks for (a trigger) followed by a long run
 * of one filler ({@code "code"} + 64 KiB of spaces, {@code "0x"} + {@code "0x0x0x..."}, {@code "--"} + dashes),
 * ended by a character that makes the match fail late.
 *
 * <p>The triggers are not picked by hand: they are read from the parsers' own source. Every string literal
 * there is either a word or prefix passed to {@code contains}/{@code indexOf}/{@code startsWith} (kept as a
 * trigger whole) or a regular expression (its literal words become triggers: {@code "(?:\\b|internet)status"}
 * gives {@code internet} and {@code status}). A pattern or trigger added later is covered without editing
 * the tests.
 */
public final class WorstCaseLines {

    /** What follows a trigger, repeated up to the line's length: runs that optional and repeated pieces can eat. */
    public static final List<String> FILLERS = List.of(" ", "\t", "7", "f", "a", "0x", ":", "=", "-", "CN=", ", ", "\"", "'");

    /** What ends the run: a letter (fails a {@code (?![0-9a-z])}) and a sign (fails a name or a word boundary). */
    public static final List<String> ENDINGS = List.of("x", "#");

    /** Where timed work runs: a daemon thread, so a parser that never returns is reported and left behind. */
    private static ExecutorService worker = newWorker();

    private WorstCaseLines() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "worst-case-parser");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} and returns its result, or throws an {@link AssertionError} saying {@code what} took more
     * than {@code limit} (the thread is abandoned: regular expressions do not stop on interrupt) or threw.
     */
    public static synchronized <T> T within(String what, Duration limit, Callable<T> work) {
        Future<T> f = worker.submit(work);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError(what + " took more than " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** The trigger followed by {@code filler} repeated, ended by {@code ending}: {@code length} characters in all. */
    public static String line(String trigger, String filler, String ending, int length) {
        int times = Math.max(0, (length - trigger.length() - ending.length()) / filler.length());
        return trigger + filler.repeat(times) + ending;
    }

    /** The triggers of the given Java source files, in order of first appearance, each once. */
    public static List<String> triggers(List<Path> sources) {
        Set<String> out = new LinkedHashSet<>();
        for (Path file : sources) {
            String source;
            try {
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String literal : stringLiterals(source)) {
                out.addAll(triggersOf(literal));
            }
        }
        return List.copyOf(out);
    }

    /** The Java source files under {@code folder} (not recursive), sorted by name. */
    public static List<Path> sources(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The triggers one string literal gives: itself when it holds no regular-expression syntax (a word or prefix
     * looked for as it is), else its literal words (letters, digits, {@code _} and {@code -}, after escapes like
     * {@code \s} and character classes like {@code [0-9a-f]} are removed) of two characters or more.
     */
    static List<String> triggersOf(String literal) {
        List<String> out = new ArrayList<>();
        if (literal.isBlank()) {
            return out;
        }
        if (literal.chars().noneMatch(c -> "\\[](){}?*+|^$".indexOf(c) >= 0)) {
            out.add(literal);
            return out;
        }
        String words = literal
                .replaceAll("\\\\[pP]\\{[^}]*\\}", " ")
                .replaceAll("\\\\.", " ")
                .replaceAll("\\[(?:\\\\.|[^\\]])*\\]", " ")
                .replaceAll("\\(\\?[a-zA-Z]*[:!=<>]?", " ")
                .replaceAll("\\{\\d+(?:,\\d*)?\\}", " ");
        for (String w : words.split("[^A-Za-z0-9_-]+")) {
            if (w.length() >= 2 && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The string literals of a Java source (text blocks and comments left out), with their escapes resolved. */
    static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int n = src.length();
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                i = skipTo(src, i, "\n");
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                i = skipTo(src, i + 2, "*/");
            } else if (src.startsWith("\"\"\"", i)) {
                i = skipTo(src, i + 3, "\"\"\"");
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '"') {
                StringBuilder lit = new StringBuilder();
                i++;
                while (i < n && src.charAt(i) != '"') {
                    char d = src.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = src.charAt(++i);
                        lit.append(switch (e) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        lit.append(d);
                    }
                    i++;
                }
                i++;
                out.add(lit.toString());
            } else {
                i++;
            }
        }
        return out;
    }

    private static int skipTo(String src, int from, String end) {
        int at = src.indexOf(end, from);
        return at < 0 ? src.length() : at + end.length();
    }
}
