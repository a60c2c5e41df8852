package dev.sonde.logs;

import dev.sonde.Evidence;
import dev.sonde.facts.LogTime;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One complete record as the decoders read it, and all they share: its lines, its time and thread, and how a
 * fact quotes it. Immutable; each decoder reads it on its own.
 *
 * <p>A line is read by the decoders only when it holds one of their trigger words ({@link RecordDecoder#TRIGGERS}, found by
 * {@link TriggerScan} as the line is read): a cheap first scan that most lines of a log fail. Such a line is offered three ways: as printed
 * ({@link #text}), lower-cased ({@link #low}, same indexes) and lower-cased with quoted text blanked
 * ({@link #words}): text in quotes ({@code "Re: 407 parking"}, {@code 'TLS failure review'}) is content such as a
 * mail subject or an event title, into which the word and number heuristics do not look.
 *
 * <p>Evidence: a fact quotes the record's first line (number and text); when what it decoded was on continuation
 * lines, those lines follow, joined with {@code "\n"} ({@link #source(Collection)}).
 */
final class RecordText {

    private final String file;
    private final LogRecord record;
    /** Each line lower-cased, or {@code null} when the decoders pass it over. */
    private final String[] lows;
    /** Each line lower-cased with its quoted text blanked, or {@code null} likewise. */
    private final String[] words;
    private final boolean empty;

    private static final String[] NONE = {};

    /** The matchers of the reader's pass, reused from record to record, or null. */
    private final AnchoredPattern.Matchers matchers;

    private RecordText(String file, LogRecord record, String[] lows, String[] words, AnchoredPattern.Matchers matchers) {
        this.file = file;
        this.record = record;
        this.matchers = matchers;
        this.lows = lows;
        this.words = words;
        boolean any = false;
        for (String l : lows) {
            any |= l != null;
        }
        this.empty = !any;
    }

    /** The record's lines that hold a trigger word ({@link LogRecord#holdsTrigger}) offered to the decoders. */
    static RecordText of(String file, LogRecord record) {
        return of(file, record, false, null);
    }

    /** {@link #of(String, LogRecord)} whose finders take their matchers from {@code matchers} (the reader's pass'). */
    static RecordText of(String file, LogRecord record, AnchoredPattern.Matchers matchers) {
        return of(file, record, false, matchers);
    }

    /**
     * Every line of the record offered to the decoders, trigger word or not: what they would find without the
     * prefilter ({@code TriggerScanTest} checks it finds nothing more).
     */
    static RecordText everyLine(String file, LogRecord record) {
        return of(file, record, true, null);
    }

    private static RecordText of(String file, LogRecord record, boolean all, AnchoredPattern.Matchers matchers) {
        int n = record.size();
        String[] lows = null; // most records hold no trigger: nothing is allocated for them
        String[] words = null;
        for (int i = 0; i < n; i++) {
            if (all || record.holdsTrigger(i)) {
                String low = Ascii.lower(record.text(i));
                if (lows == null) {
                    lows = new String[n];
                    words = new String[n];
                }
                lows[i] = low;
                words[i] = low.indexOf('"') >= 0 || low.indexOf('\'') >= 0 ? Ascii.unquoted(low) : low;
            }
        }
        return lows == null ? new RecordText(file, record, NONE, NONE, matchers)
                : new RecordText(file, record, lows, words, matchers);
    }

    /** The same record with {@code lines} passed over too (the lines of a certificate block, say). */
    RecordText without(BitSet lines) {
        if (lines.isEmpty()) {
            return this;
        }
        String[] l = lows.clone();
        String[] w = words.clone();
        lines.stream().filter(i -> i < l.length).forEach(i -> {
            l[i] = null;
            w[i] = null;
        });
        return new RecordText(file, record, l, w, matchers);
    }

    /** The matches of {@code pattern} in {@code text} ({@code low} lower-cased): {@link AnchoredPattern#finder}. */
    AnchoredPattern.Finder finder(AnchoredPattern pattern, String text, String low) {
        return pattern.finder(text, low, matchers);
    }

    /** True when no line is offered to the decoders. */
    boolean isEmpty() {
        return empty;
    }

    /** Lines in the record: the first plus its continuations ({@code 0} when it {@link #isEmpty}: none is read). */
    int size() {
        return lows.length;
    }

    /** True when line {@code i} is offered to the decoders. */
    boolean reads(int i) {
        return lows[i] != null;
    }

    /** Line {@code i}'s text for decoding: the first line's message (prefix removed), else the continuation. */
    String text(int i) {
        return record.text(i);
    }

    /** Line {@code i} lower-cased ({@link Ascii#lower}: indexes unchanged); {@code null} unless {@link #reads}. */
    String low(int i) {
        return lows[i];
    }

    /** Line {@code i} lower-cased, its quoted text blanked ({@link Ascii#unquoted}); {@code null} unless {@link #reads}. */
    String words(int i) {
        return words[i];
    }

    /** Line {@code i} as printed. */
    String raw(int i) {
        return record.raw(i);
    }

    /** Line {@code i}'s 1-based number in the file. */
    long number(int i) {
        return record.number(i);
    }

    /** The record's time, as its first line prints it. */
    LogTime time() {
        return record.start().time();
    }

    /** The record's thread ({@code ""} when the format has none). */
    String thread() {
        return record.start().thread();
    }

    /** The file the record is in. */
    String file() {
        return file;
    }

    /** Evidence for what was decoded on line {@code i}. */
    Evidence source(int i) {
        return source(List.of(i));
    }

    /** Evidence for what was decoded on {@code lines}: the record's first line, then the continuation lines among them. */
    Evidence source(Collection<Integer> lines) {
        String text = record.firstText();
        if (lines.stream().anyMatch(i -> i > 0)) {
            StringBuilder sb = new StringBuilder(text);
            for (int i : new TreeSet<>(lines)) {
                if (i > 0) {
                    sb.append('\n').append(record.raw(i));
                }
            }
            text = sb.toString();
        }
        return new Evidence(file, record.firstLine(), text);
    }

    /** Evidence quoting lines {@code from} to {@code to} whole (a certificate block), numbered as its first. */
    Evidence block(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            if (i > from) {
                text.append('\n');
            }
            text.append(record.raw(i));
        }
        return new Evidence(file, record.number(from), text.toString());
    }
}
