package dev.sonde.logs;

import java.util.ArrayList;
import java.util.Arrays;
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

    void begin(long line, String text, RecordStart parsed) {
        firstLine = line;
        firstText = text;
        start = parsed;
        continuations.clear();
        chars = text.length();
        open = true;
    }

    /** Adds a continuation line; false (and nothing kept) when the record is full. */
    boolean add(long line, String text) {
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
        return true;
    }

    void close() {
        open = false;
        continuations.clear();
    }

    boolean isOpen() {
        return open;
    }

    RecordStart start() {
        return start;
    }

    long firstLine() {
        return firstLine;
    }

    String firstText() {
        return firstText;
    }

    /** Lines in the record: the first plus its continuations. */
    int size() {
        return 1 + continuations.size();
    }

    /** Line {@code i}'s text for decoding: the first line's message (prefix removed), else the continuation. */
    String text(int i) {
        return i == 0 ? start.message() : continuations.get(i - 1);
    }

    /** Line {@code i} as printed. */
    String raw(int i) {
        return i == 0 ? firstText : continuations.get(i - 1);
    }

    /** Line {@code i}'s 1-based number in the file. */
    long number(int i) {
        return i == 0 ? firstLine : numbers[i - 1];
    }
}
