package dev.sonde.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which of several lists of words a line holds, ASCII case ignored, in one pass over its bytes or characters: an
 * Aho-Corasick automaton (a trie whose misses follow failure links, compiled into a table of 128 entries per state).
 * Same answer as lower-casing the line ({@link Ascii#lower}) and asking {@link String#contains} for every word, which
 * costs a pass per word (issue 12: that was a fifth of the reading time); {@code TriggerScanTest} checks the two agree.
 *
 * <p>It is the reader's prefilter ({@link #DECODERS}): list 0 is the decoders' trigger words
 * ({@link RecordDecoder#TRIGGERS}): a record none of whose lines holds one is never decoded, and the first line of
 * such a record is never made a {@code String} ({@link GwsmoLogReader}); the other lists are the words each decoder
 * needs in a record to find anything in it ({@link RecordDecoder#NEEDS}): a decoder runs only on a record holding one
 * of its own. Built from the decoders' own lists, so a decoder's words and the prefilter cannot drift apart.
 */
final class TriggerScan {

    /** The decoders' words: bit 0 for their trigger words, then one bit per decoder ({@link RecordDecoder#NEEDS}). */
    static final TriggerScan DECODERS = TriggerScan.of(RecordDecoder.WORD_LISTS);

    private static final int ASCII = 128;
    /** Most lists: a list's bit is kept in the low 7 bits of a table entry, whose upper bits are the next row. */
    static final int MAX_LISTS = 7;

    /**
     * The automaton as the scans read it: each entry the next state's row ({@code state * 128}) plus, in its low 7
     * bits, the lists a word of which ends at that state; so a step is one load; chars, to keep the table small (under 512
     * states of 256 bytes; the rows the chatter of a log visits are few).
     */
    private final char[] table;

    /** @param words non-empty words of printable ASCII, lower case: one list (bit 0) */
    TriggerScan(List<String> words) {
        this(compile(List.of(words)));
    }

    private TriggerScan(char[] table) {
        this.table = table;
    }

    /** @param lists up to {@value #MAX_LISTS} lists of non-empty words of printable ASCII, lower case; list k is bit k */
    static TriggerScan of(List<List<String>> lists) {
        return new TriggerScan(compile(lists));
    }

    private static char[] compile(List<List<String>> lists) {
        if (lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("at most " + MAX_LISTS + " lists of words");
        }
        List<int[]> children = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        children.add(newNode());
        ends.add(0);
        for (int list = 0; list < lists.size(); list++) {
            for (String w : lists.get(list)) {
                if (w.isEmpty() || !w.equals(Ascii.lower(w)) || !w.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                    throw new IllegalArgumentException("a trigger is a lower-case word of printable ASCII: " + w);
                }
                int s = 0;
                for (int k = 0; k < w.length(); k++) {
                    int c = w.charAt(k);
                    if (children.get(s)[c] < 0) {
                        children.get(s)[c] = children.size();
                        children.add(newNode());
                        ends.add(0);
                    }
                    s = children.get(s)[c];
                }
                ends.set(s, ends.get(s) | 1 << list);
            }
        }
        int states = children.size();
        if (states * ASCII > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many trigger words: " + states + " states");
        }
        int[] next = new int[states * ASCII]; // next[state * 128 + c]: the state after c
        int[] fail = new int[states];
        int[] found = new int[states]; // the lists a word of which ends here (or at a suffix of this state's word)
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) { // breadth first: a state's failure state is complete before the state
            int s = queue.poll();
            found[s] = ends.get(s) | (s != 0 ? found[fail[s]] : 0);
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
        for (int s = 0; s < states; s++) { // upper case reads as lower case
            for (int c = 'A'; c <= 'Z'; c++) {
                next[s * ASCII + c] = next[s * ASCII + c + 32];
            }
        }
        char[] table = new char[next.length];
        for (int i = 0; i < next.length; i++) {
            table[i] = (char) (next[i] * ASCII | found[next[i]]);
        }
        return table;
    }

    private static int[] newNode() {
        int[] n = new int[ASCII];
        Arrays.fill(n, -1);
        return n;
    }

    /**
     * The lists (bit k for list k) a word of which bytes {@code from} to {@code to} of {@code b} hold (bytes outside
     * ASCII match no word).
     */
    int scan(byte[] b, int from, int to) {
        char[] t = table;
        int entry = 0;
        int seen = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            entry = c < 0 ? 0 : t[(entry & -ASCII) + c];
            seen |= entry;
        }
        return seen & (ASCII - 1);
    }

    /**
     * {@link #scan(byte[], int, int)} of many ranges of {@code b} whose bytes are to be printable ASCII and tabs, checked
     * in the same loop (the check costs nothing beside the table's chain of loads): {@code out[k]} is the answer for
     * {@code b[from[k], to[k])}, or -1 when one of its bytes is not, for k below {@code count}. A scan is a chain of table loads, each waiting for the one before; two lanes walk two ranges
     * at once, and a lane that finishes its range takes the next one, so both chains keep the core busy while each
     * waits (measured on a trace log's messages: a third less time than one range after the other).
     */
    void scanPlain(byte[] b, int[] from, int[] to, int count, int[] out) {
        char[] t = table;
        int next = 0;
        int laneA = -1; // the range each lane scans, -1 for none
        int atA = 0;
        int endA = 0;
        int entryA = 0;
        int seenA = 0;
        boolean plainA = true;
        int laneB = -1;
        int atB = 0;
        int endB = 0;
        int entryB = 0;
        int seenB = 0;
        boolean plainB = true;
        while (true) {
            if (laneA >= 0 && atA == endA) {
                out[laneA] = plainA ? seenA & (ASCII - 1) : -1;
                laneA = -1;
            }
            if (laneA < 0 && next < count) {
                laneA = next++;
                atA = from[laneA];
                endA = to[laneA];
                entryA = 0;
                seenA = 0;
                plainA = true;
                continue; // an empty range ends at once
            }
            if (laneB >= 0 && atB == endB) {
                out[laneB] = plainB ? seenB & (ASCII - 1) : -1;
                laneB = -1;
            }
            if (laneB < 0 && next < count) {
                laneB = next++;
                atB = from[laneB];
                endB = to[laneB];
                entryB = 0;
                seenB = 0;
                plainB = true;
                continue;
            }
            if (laneA < 0 || laneB < 0) {
                break; // no range left for one lane: the other finishes alone
            }
            int steps = Math.min(endA - atA, endB - atB);
            for (int k = 0; k < steps; k++) {
                int c = b[atA + k];
                int d = b[atB + k];
                plainA &= c >= 0x20 ? c != 0x7F : c == '\t'; // bytes from 0x80 are negative
                plainB &= d >= 0x20 ? d != 0x7F : d == '\t';
                entryA = c < 0 ? 0 : t[(entryA & -ASCII) + c];
                entryB = d < 0 ? 0 : t[(entryB & -ASCII) + d];
                seenA |= entryA;
                seenB |= entryB;
            }
            atA += steps;
            atB += steps;
        }
        int last = laneA >= 0 ? laneA : laneB;
        if (last >= 0) { // finished alone, from where its lane stopped
            int at = laneA >= 0 ? atA : atB;
            int end = laneA >= 0 ? endA : endB;
            int entry = laneA >= 0 ? entryA : entryB;
            int seen = laneA >= 0 ? seenA : seenB;
            boolean plain = laneA >= 0 ? plainA : plainB;
            for (int i = at; i < end; i++) {
                int c = b[i];
                plain &= c >= 0x20 ? c != 0x7F : c == '\t';
                entry = c < 0 ? 0 : t[(entry & -ASCII) + c];
                seen |= entry;
            }
            out[last] = plain ? seen & (ASCII - 1) : -1;
        }
    }

    /** The lists a word of which {@code text} holds. */
    int scan(String text) {
        char[] t = table;
        int entry = 0;
        int seen = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            entry = c >= ASCII ? 0 : t[(entry & -ASCII) + c];
            seen |= entry;
        }
        return seen & (ASCII - 1);
    }

    /** True when bytes {@code from} to {@code to} of {@code b} hold a word of the first list. */
    boolean in(byte[] b, int from, int to) {
        return (scan(b, from, to) & 1) != 0;
    }

    /** True when {@code text} holds a word of the first list. */
    boolean in(String text) {
        return (scan(text) & 1) != 0;
    }
}
