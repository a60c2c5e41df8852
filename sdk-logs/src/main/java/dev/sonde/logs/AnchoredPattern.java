package dev.sonde.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression every match of which starts with one of a few words, its anchors ({@code hr},
 * {@code code}, {@code status} ...). {@link Matcher#find()} tries an expression at every position of a line;
 * a {@link Finder} looks for the anchors with {@link String#indexOf} and tries the expression only where one
 * starts. The matches are the same, in the same order (the anchors are checked against the plain expression
 * in {@code AnchoredPatternTest}); on a 64 KiB line holding one anchor, that is one attempt instead of 65,536.
 *
 * <p>Anchors are lower case and looked for in the lower-cased text ({@link Ascii#lower}, same indexes), so a
 * case-insensitive expression (ASCII case folding, Java's default) finds every match.
 *
 * <p>Writing one for hostile lines (issue 8): every run that a later piece could also match (spaces between a
 * word, an optional {@code :} and a number; digits before a "not a digit" lookahead) is possessive
 * ({@code \s*+}, {@code ++}), so a failed match never re-splits the run (adjacent optional {@code \s*} pieces made
 * {@code "code"} + 1,500 spaces cubic). Possessive only where giving characters back could not have led to a
 * match, so what is decoded is unchanged. Optional words that a name may begin with ({@code is} before a host)
 * stay greedy. {@code DecoderWorstCaseTest} feeds every decoder its own trigger words followed by long runs.
 */
final class AnchoredPattern {

    private final Pattern pattern;
    private final String[] anchors;

    /**
     * @param regex   the expression; each of its matches must begin with one of {@code anchors}
     * @param flags   {@link Pattern} flags
     * @param anchors lower-case words, at least one
     */
    AnchoredPattern(String regex, int flags, String... anchors) {
        if (anchors.length == 0) {
            throw new IllegalArgumentException("no anchor for " + regex);
        }
        for (String a : anchors) {
            if (a.isEmpty() || !a.equals(Ascii.lower(a))) {
                throw new IllegalArgumentException("anchors are lower-case words: " + a);
            }
        }
        this.pattern = Pattern.compile(regex, flags);
        this.anchors = anchors.clone();
    }

    AnchoredPattern(String regex, String... anchors) {
        this(regex, 0, anchors);
    }

    /** The plain expression. */
    Pattern pattern() {
        return pattern;
    }

    /** The matches in {@code text}; {@code low} is {@code Ascii.lower(text)} (the same string when it is lower case). */
    Finder finder(String text, String low) {
        return new Finder(text, low, null);
    }

    /**
     * {@link #finder(String, String)} whose {@link Matcher} comes from {@code reuse}, or is made when it is null. The
     * finder must be done with before the next one of this pattern is made from the same {@code reuse}: a finder used
     * after that throws {@link IllegalStateException}, so a decoder that broke the rule fails its tests.
     */
    Finder finder(String text, String low, Matchers reuse) {
        return new Finder(text, low, reuse);
    }

    /**
     * One {@link Matcher} per pattern, handed from one {@link Finder} to the next: a matcher costs more to make than
     * most lines cost to match. For one reader's pass over one input (a single thread), and dropped with it, so that
     * no line's text outlives the pass. Bounded by the patterns in use.
     */
    static final class Matchers {
        private final java.util.IdentityHashMap<AnchoredPattern, Matcher> matchers = new java.util.IdentityHashMap<>();
        private final java.util.IdentityHashMap<AnchoredPattern, Finder> owners = new java.util.IdentityHashMap<>();

        private void claim(AnchoredPattern p, Finder f) {
            owners.put(p, f);
        }

        private Matcher take(AnchoredPattern p, String text) {
            Matcher m = matchers.get(p);
            if (m == null) {
                m = p.pattern.matcher(text);
                // \b and lookbehind at a candidate see the characters before it; ^ does not match there
                m.useTransparentBounds(true).useAnchoringBounds(false);
                matchers.put(p, m);
                return m;
            }
            return m.reset(text); // bounds' transparency and anchoring are kept by reset
        }

        private void check(AnchoredPattern p, Finder f) {
            if (owners.get(p) != f) {
                throw new IllegalStateException("a finder of " + p.pattern + " was used after the next one was made");
            }
        }
    }

    /** Steps through the matches in one text, like a {@link Matcher} with {@link Matcher#find()}. */
    final class Finder {
        /** Made at the first candidate: most lines hold no anchor, and a matcher costs more than the scan. */
        private Matcher m;
        private final String text;
        private final String low;
        private final int end;
        /** For each anchor, its next occurrence at or after {@link #cursor}, -1 when none is left (all unknown until {@link #started}). */
        private final int[] next = new int[anchors.length];
        private boolean started;
        private int cursor;
        private final Matchers reuse;

        private Finder(String text, String low, Matchers reuse) {
            this.text = text;
            this.low = low;
            this.end = text.length();
            this.reuse = reuse;
            if (reuse != null) {
                reuse.claim(AnchoredPattern.this, this);
            }
        }

        /** Advances to the next match; false when there is none. */
        boolean find() {
            owned();
            while (true) {
                int at = candidate();
                if (at < 0) {
                    return false;
                }
                if (m == null && reuse != null) {
                    m = reuse.take(AnchoredPattern.this, text);
                } else if (m == null) {
                    m = pattern.matcher(text);
                    // \b and lookbehind at a candidate see the characters before it; ^ does not match there
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, end);
                if (m.lookingAt()) {
                    cursor = Math.max(m.end(), at + 1);
                    return true;
                }
                cursor = at + 1;
            }
        }

        /** The smallest position at or after the cursor where an anchor starts, or -1. */
        private int candidate() {
            int best = -1;
            for (int k = 0; k < next.length; k++) {
                if (!started || (next[k] >= 0 && next[k] < cursor)) {
                    next[k] = low.indexOf(anchors[k], cursor);
                }
                if (next[k] >= 0 && (best < 0 || next[k] < best)) {
                    best = next[k];
                }
            }
            started = true;
            return best;
        }

        /** The text of group {@code g} of the current match (or {@code null}). */
        String group(int g) {
            owned();
            return m.group(g);
        }

        /** The current match. */
        String group() {
            owned();
            return m.group();
        }

        /** Where the current match starts. */
        int start() {
            owned();
            return m.start();
        }

        private void owned() {
            if (reuse != null) {
                reuse.check(AnchoredPattern.this, this);
            }
        }
    }
}
