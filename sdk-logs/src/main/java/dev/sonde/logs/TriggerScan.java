package dev.sonde.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a line holds one of the decoders' trigger words ({@link RecordDecoder#TRIGGERS}), ASCII case ignored, in
 * one pass over its bytes or characters: an Aho-Corasick automaton (a trie whose misses follow failure links,
 * compiled into a table of 128 entries per state). Same answer as lower-casing the line ({@link Ascii#lower}) and
 * asking {@link String#contains} for every word, which costs a pass per word (issue 12: that was a fifth of the
 * reading time); {@code TriggerScanTest} checks the two agree.
 *
 * <p>It is the reader's prefilter: a record none of whose lines holds a trigger is never decoded, and the first line
 * of such a record is never made a {@code String} ({@link GwsmoLogReader}). Built from the decoders' own lists, so
 * a decoder's words and the prefilter cannot drift apart.
 */
final class TriggerScan {

    /** The decoders' words. */
    static final TriggerScan DECODERS = new TriggerScan(RecordDecoder.TRIGGERS);

    /** The state reached once a word has been seen: the scan stops there. */
    private static final int FOUND = -1;
    private static final int ASCII = 128;
    /** {@link #FOUND} in {@link #table}. */
    private static final char FOUND_ENTRY = 0xFFFF;

    /**
     * The automaton as the scans read it: each entry the next state's row ({@code state * 128}), so a step is one
     * load; chars, so that the table (about 170 states) stays in the first-level cache.
     */
    private final char[] table;

    /** @param words non-empty words of printable ASCII, lower case */
    TriggerScan(List<String> words) {
        List<int[]> children = new ArrayList<>();
        List<Boolean> ends = new ArrayList<>();
        children.add(newNode());
        ends.add(false);
        for (String w : words) {
            if (w.isEmpty() || !w.equals(Ascii.lower(w)) || !w.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("a trigger is a lower-case word of printable ASCII: " + w);
            }
            int s = 0;
            for (int k = 0; k < w.length(); k++) {
                int c = w.charAt(k);
                if (children.get(s)[c] < 0) {
                    children.get(s)[c] = children.size();
                    children.add(newNode());
                    ends.add(false);
                }
                s = children.get(s)[c];
            }
            ends.set(s, true);
        }
        int states = children.size();
        int[] next = new int[states * ASCII]; // next[state * 128 + c]: the state after c, or FOUND
        int[] fail = new int[states];
        boolean[] found = new boolean[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) { // breadth first: a state's failure state is complete before the state
            int s = queue.poll();
            found[s] = ends.get(s) || (s != 0 && found[fail[s]]);
            for (int c = 0; c < ASCII; c++) {
                int child = children.get(s)[c];
                if (child >= 0) {
                    fail[child] = s == 0 ? 0 : next[fail[s] * ASCII + c];
                    next[s * ASCII + c] = child;
                    queue.add(child);
                } else {
                    next[s * ASCII + c] = s == 0 ? 0 : next[fail[s] * ASCII + c];
                }
            }
        }
        for (int i = 0; i < next.length; i++) { // reaching a word's state ends the scan
            if (next[i] >= 0 && found[next[i]]) {
                next[i] = FOUND;
            }
        }
        for (int s = 0; s < states; s++) { // upper case reads as lower case
            for (int c = 'A'; c <= 'Z'; c++) {
                next[s * ASCII + c] = next[s * ASCII + c + 32];
            }
        }
        if (states * ASCII >= FOUND_ENTRY) {
            throw new IllegalArgumentException("too many trigger words: " + states + " states");
        }
        table = new char[next.length];
        for (int i = 0; i < next.length; i++) {
            table[i] = next[i] == FOUND ? FOUND_ENTRY : (char) (next[i] * ASCII);
        }
    }

    private static int[] newNode() {
        int[] n = new int[ASCII];
        Arrays.fill(n, -1);
        return n;
    }

    /** True when bytes {@code from} to {@code to} of {@code b} hold a word (bytes outside ASCII match no word). */
    boolean in(byte[] b, int from, int to) {
        char[] t = table;
        int row = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            row = c < 0 ? 0 : t[row + c];
            if (row == FOUND_ENTRY) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text} holds a word. */
    boolean in(String text) {
        char[] t = table;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            row = c >= ASCII ? 0 : t[row + c];
            if (row == FOUND_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
