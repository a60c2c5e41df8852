package dev.sonde.logs;

import java.nio.charset.StandardCharsets;

/**
 * The plain ASCII lines of a chunk of 8-bit bytes ({@link ChunkReader}) and what the reader would find in each: where
 * a line ends, where its trace record's message starts ({@link TraceLogFormat#messageStart}, -1 for none) and the
 * {@link TriggerScan#DECODERS} words it holds (in the message of a record start, else in the whole line), computed
 * ahead on another thread. A line is listed only when it is non-empty, at most {@link LogLines#MAX_LINE} bytes of
 * printable ASCII and tabs, and ends (at a CR or LF) inside the chunk: every other line the reader splits itself.
 * At most {@value #MAX_LINES} lines per chunk, so its size is bounded whatever the chunk holds.
 */
final class LineIndex {

    /** Most lines listed per chunk (a chunk of very short lines lists its first ones only). */
    static final int MAX_LINES = 32 * 1024;

    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    /** The message start plus one, shifted left by 8 bits, or'ed with the words. */
    private int[] found = new int[1024];
    private int count;
    private int cursor;
    /** For lines whose record will be decoded: their text and parsed start (else null), made only when needed. */
    private String[] texts;
    private RecordStart[] parsed;
    /** The line being parsed, copied. */
    private byte[] line = new byte[256];
    private final boolean parseStarts;

    private LineIndex(boolean parseStarts) {
        this.parseStarts = parseStarts;
    }

    /**
     * The lines of {@code b[0, limit)}, which starts at a line start. A line feed always ends a line (alone or after a
     * CR), so lines are found with {@link String#indexOf(int, int)} over the chunk seen as Latin-1 (a vectorised
     * search). A record's prefix is checked in place ({@link TraceLogFormat#messageStart(byte[], int, int,
     * TraceLogFormat.Prefix)}); then the trigger words of all the chunk's lines are looked for, two lines at a time
     * ({@link TriggerScan#scanPlain(byte[], int[], int[], int, int[])}), from the message on, in the same loop that
     * checks the line is plain. A line holding any other control byte (a lone CR among them) is left to the reader.
     *
     * @param parseStarts true to parse the start of each record the reader will decode ({@link #start()}), false to
     *                    leave that to the reader (a result never depends on which thread parsed it)
     */
    static LineIndex of(byte[] b, int limit, boolean parseStarts) {
        LineIndex x = new LineIndex(parseStarts);
        String chunk = new String(b, 0, limit, StandardCharsets.ISO_8859_1);
        TraceLogFormat.Prefix prefix = new TraceLogFormat.Prefix();
        prefix.latin1 = chunk;
        int[] from = new int[x.starts.length]; // where each line's words are looked for
        int i = 0;
        while (i < limit && x.count < MAX_LINES) {
            int lf = chunk.indexOf('\n', i);
            if (lf < 0) {
                break; // the last line goes on in the next chunk
            }
            int end = lf > i && b[lf - 1] == '\r' ? lf - 1 : lf;
            int len = end - i;
            int start = i;
            i = lf + 1;
            if (len == 0 || len > LogLines.MAX_LINE) {
                continue;
            }
            int message = b[start] >= '0' && b[start] <= '9' ? TraceLogFormat.messageStart(b, start, len, prefix) : -1;
            // the bytes before the category are the prefix's own ASCII: only the category and location are checked
            if (message >= 0 && !plain(b, start + prefix.category, start + message)) {
                continue;
            }
            if (x.count == from.length) {
                from = java.util.Arrays.copyOf(from, from.length * 2);
            }
            from[x.count] = message >= 0 ? start + message : start;
            x.add(start, end, message, 0);
        }
        int[] words = new int[x.count];
        TriggerScan.DECODERS.scanPlain(b, from, x.ends, x.count, words);
        x.keepPlain(b, words);
        return x;
    }

    /**
     * Keeps the lines whose words are known ({@code words[k]} -1: a byte of the line is not plain ASCII), in order, with
     * their words; parses the record start of each one the reader will decode, when asked to.
     */
    private void keepPlain(byte[] b, int[] words) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (words[k] < 0) {
                continue;
            }
            int message = (found[k] >>> 8) - 1;
            starts[kept] = starts[k];
            ends[kept] = ends[k];
            found[kept] = (message + 1) << 8 | words[k];
            if (parseStarts && message >= 0 && (words[k] & 1) != 0 && (words[k] & RecordDecoder.NEEDS) != 0) {
                parse(kept, b, starts[kept], ends[kept] - starts[kept]);
            }
            kept++;
        }
        count = kept;
    }

    /** True when {@code b[from, to)} is printable ASCII and tabs (the same test as {@link LogLines}' splitter). */
    private static boolean plain(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            byte c = b[k];
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Parses the start of the record whose first line is listed line {@code k}, {@code b[start, start + len)}. */
    private void parse(int k, byte[] b, int start, int len) {
        if (texts == null) {
            texts = new String[starts.length];
            parsed = new RecordStart[starts.length];
        } else if (texts.length < starts.length) {
            texts = java.util.Arrays.copyOf(texts, starts.length);
            parsed = java.util.Arrays.copyOf(parsed, starts.length);
        }
        if (line.length < len) {
            line = new byte[Math.max(len, line.length * 2)];
        }
        System.arraycopy(b, start, line, 0, len); // parse reads a line from its index 0
        String text = new String(line, 0, len, StandardCharsets.ISO_8859_1);
        try {
            parsed[k] = TraceLogFormat.parse(text, line, len);
            texts[k] = text;
        } catch (RuntimeException e) {
            parsed[k] = null; // the reader parses it again, and meets the same failure where it always did
        }
    }

    private void add(int start, int end, int message, int words) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
            found = java.util.Arrays.copyOf(found, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        found[count] = (message + 1) << 8 | words;
        count++;
    }

    /**
     * True when a listed line starts at {@code pos}, which becomes the current line of the accessors below; asked with
     * increasing positions (each call passes over the lines before {@code pos}).
     */
    boolean at(int pos) {
        while (cursor < count && starts[cursor] < pos) {
            cursor++;
        }
        return cursor < count && starts[cursor] == pos;
    }

    /** Where the current line ends: the index of its CR or LF. */
    int end() {
        return ends[cursor];
    }

    /** Where the current line's trace message starts, or -1 when it does not start a trace record. */
    int message() {
        return (found[cursor] >>> 8) - 1;
    }

    /** The {@link TriggerScan#DECODERS} words of the current line: of its message, or of the whole line when it has none. */
    int words() {
        return found[cursor] & 0xff;
    }

    /** The current line's record start when parsed ahead (a record the decoders will read), else null. */
    RecordStart start() {
        return parsed == null || cursor >= parsed.length ? null : parsed[cursor];
    }

    /** The current line's text when its record start was parsed ahead, else null. */
    String text() {
        return texts == null || cursor >= texts.length ? null : texts[cursor];
    }
}
