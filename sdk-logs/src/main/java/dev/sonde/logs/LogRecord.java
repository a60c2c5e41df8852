package dev.sonde.logs;

import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One log record while it is being read: its first line (parsed) and the continuation lines that
 * follow it, up to {@value #MAX_CONTINUATIONS} lines and {@value #MAX_CHARS} characters. Reused from
 * record to record, so reading holds one record at a time whatever the log's size.
 */
final class LogRecord {

    /** Most continuation lines kept per record. */
    static final int MAX_CONTINUATIONS = 200;
    /** Most characters kept per record. */
    static final int MAX_CHARS = 256 * 1024;

    private long firstLine;
    private String firstText = "";
    private RecordStart start;
    private final List<String> continuations = new ArrayList<>();
    private long[] numbers = new long[16];
    private int chars;
    private boolean open;
    /** The record's lines that hold a trigger word ({@link TriggerScan}): the only ones the decoders read. */
    private final BitSet triggered = new BitSet();
    /** The {@link TriggerScan#DECODERS} bits of all its lines: which decoders may find something ({@link RecordDecoder#NEEDS}). */
    private int needs;
    /** A trace record's first line kept as bytes ({@link #beginPlain}) until its text is asked for. */
    private byte[] firstBytes = new byte[256];
    private int firstLength;
    private boolean lazy;
    /** Where the message starts in {@link #firstBytes}, and the message once made (the decoders read it first). */
    private int messageStart;
    private String message;

    void begin(long line, String text, RecordStart parsed) {
        begin(line, text, parsed, TriggerScan.DECODERS.scan(parsed.message()));
    }

    /** {@link #begin(long, String, RecordStart)} of a line whose message holds the words {@code words} (found ahead). */
    void begin(long line, String text, RecordStart parsed, int words) {
        start(line, text.length());
        firstText = text;
        start = parsed;
        scanned(0, words);
    }

    /**
     * Begins a trace record from the bytes of its first line, a plain ASCII line ({@link LogLines#plain()}) that
     * {@link TraceLogFormat#messageStart} accepted (at {@code messageStart}), whose message holds the words {@code words}
     * ({@link TriggerScan#DECODERS}): its text and {@link RecordStart} are made only if asked for (most records are
     * never decoded).
     */
    void beginPlain(long line, byte[] bytes, int length, int messageStart, int words) {
        start(line, length);
        lazy = true;
        this.messageStart = messageStart;
        message = null;
        if (firstBytes.length < length) {
            firstBytes = new byte[Math.max(length, firstBytes.length * 2)];
        }
        System.arraycopy(bytes, 0, firstBytes, 0, length);
        firstLength = length;
        firstText = null;
        start = null;
        scanned(0, words);
    }

    /** Notes the words line {@code i} holds. */
    private void scanned(int i, int words) {
        if ((words & 1) != 0) {
            triggered.set(i);
        }
        needs |= words;
    }

    private void start(long line, int length) {
        firstLine = line;
        continuations.clear();
        if (needs != 0) { // a line's words were noted: it may have set a bit
            triggered.clear();
        }
        needs = 0;
        chars = length;
        open = true;
        lazy = false;
    }

    /** Adds a continuation line; false (and nothing kept) when the record is full. */
    boolean add(long line, String text) {
        return add(line, text, -1);
    }

    /**
     * Adds a continuation line holding the {@link TriggerScan#DECODERS} words {@code words} (found ahead), or -1 to
     * scan it here; false (and nothing kept) when the record is full.
     */
    boolean add(long line, String text, int words) {
        if (continuations.size() >= MAX_CONTINUATIONS || chars + text.length() > MAX_CHARS) {
            return false;
        }
        int i = continuations.size();
        if (i == numbers.length) {
            numbers = Arrays.copyOf(numbers, i * 2);
        }
        numbers[i] = line;
        continuations.add(text);
        chars += text.length();
        scanned(i + 1, words >= 0 ? words : TriggerScan.DECODERS.scan(text));
        return true;
    }

    /** True when line {@code i} holds a trigger word (for the first line, its message). */
    boolean holdsTrigger(int i) {
        return triggered.get(i);
    }

    /** The {@link TriggerScan#DECODERS} bits of the record's lines (all of them, read or not). */
    int needs() {
        return needs;
    }

    /** True when a line of the record holds a trigger word: else no decoder finds anything in it. */
    boolean anyTrigger() {
        return !triggered.isEmpty();
    }

    private void materialize() {
        if (lazy) {
            lazy = false;
            firstText = new String(firstBytes, 0, firstLength, StandardCharsets.ISO_8859_1);
            start = TraceLogFormat.parse(firstText, firstBytes, firstLength); // never null: messageStart accepted the same characters
        }
    }

    void close() {
        open = false;
        continuations.clear();
    }

    boolean isOpen() {
        return open;
    }

    RecordStart start() {
        materialize();
        return start;
    }

    long firstLine() {
        return firstLine;
    }

    String firstText() {
        materialize();
        return firstText;
    }

    /** Lines in the record: the first plus its continuations. */
    int size() {
        return 1 + continuations.size();
    }

    /** Line {@code i}'s text for decoding: the first line's message (prefix removed), else the continuation. */
    String text(int i) {
        if (i > 0) {
            return continuations.get(i - 1);
        }
        if (!lazy) {
            return start.message();
        }
        if (message == null) { // the same characters as start().message(), without parsing the prefix again
            message = new String(firstBytes, messageStart, firstLength - messageStart, StandardCharsets.ISO_8859_1);
        }
        return message;
    }

    /** Line {@code i} as printed. */
    String raw(int i) {
        return i == 0 ? firstText() : continuations.get(i - 1);
    }

    /** Line {@code i}'s 1-based number in the file. */
    long number(int i) {
        return i == 0 ? firstLine : numbers[i - 1];
    }
}
