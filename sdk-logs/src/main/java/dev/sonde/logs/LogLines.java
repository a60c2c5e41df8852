package dev.sonde.logs;

import dev.sonde.LogInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The lines of one log, read in one streaming pass with a fixed amount of memory, by one line splitter over
 * bytes whatever the encoding.
 *
 * <p>Encoding, decided per region, not once per file: a log written by several writers can hold UTF-8 and
 * UTF-16 stretches. The start is read as its byte-order mark says (UTF-8, UTF-16LE, UTF-16BE), else as UTF-16
 * when the first KiB has UTF-16's NUL-byte pattern, else as 8-bit text: UTF-8, a line that is not valid UTF-8
 * being read as Windows-1252. Then:
 * <ul>
 *   <li>an 8-bit line holding NUL bytes in UTF-16's pattern (or starting with a UTF-16 byte-order mark) is
 *       split again from its start as UTF-16, and what follows is read as UTF-16;</li>
 *   <li>in UTF-16, a line-feed or carriage-return byte (a UTF-16 line end or not) after at least 16 bytes of
 *       plain ASCII without a NUL means the bytes are 8-bit text read as UTF-16 (they would make CJK
 *       characters): they are split again as 8-bit text, from just after the last NUL, and what follows is read
 *       as 8-bit text. So are such bytes at the end of the input. (A UTF-16 line has a NUL in every other byte
 *       when it is ASCII; CJK text with 16 such bytes in a row is vanishingly rare.)</li>
 *   <li>in UTF-16, a line end of the other byte order in a line with that order's NUL pattern switches the
 *       byte order, from the line's start.</li>
 * </ul>
 * {@link #encoding()} names every encoding used, the first one first ({@code UTF-8+UTF-16LE}). A
 * {@link LogInput} given as a {@link Reader} is already decoded and stays as it is ({@code decoded text}).
 * Lines end at LF, CRLF or a lone CR, in either encoding.
 *
 * <p>Limits: a line keeps its first {@value #MAX_LINE} characters (bytes, for 8-bit text); the rest is read
 * past and counted in {@link #discarded()}. A line holding NUL or several control characters is
 * {@link LineText.Kind#BINARY binary}, one of NUL bytes only is {@link LineText.Kind#NUL}: its text is empty.
 * Reading stops when the deadline passes (checked at every buffer fill, {@link ByteSource}).
 * An input of 8 MiB or more is read ahead on a second thread ({@link ChunkReader}); the lines are the same.
 */
final class LogLines implements Closeable {

    /** Longest line kept, in characters (bytes for 8-bit text). */
    static final int MAX_LINE = 64 * 1024;
    private static final int SNIFF = 4096;
    /** Plain ASCII bytes (without NUL) in a row that show 8-bit text inside a UTF-16 region. */
    private static final int ASCII_RUN = 16;

    private final ByteSource src;
    /** Text already decoded by the caller: one encoding, never re-detected. */
    private final boolean decoded;
    private final UsedEncodings used = new UsedEncodings();
    private final LineText decoder = new LineText();
    /** The encoding of the input's start, named when no line was text. */
    private final LineEncoding start;
    private LineEncoding enc;
    private boolean skipLf;

    /** The current line's raw bytes. */
    private final RawLine line = new RawLine();
    /** The index holding the current line, when it was split ahead ({@link ChunkReader}), else null. */
    private LineIndex ahead;

    private long number;
    private long discarded;

    private LogLines(ByteSource src, LineEncoding start, boolean decoded) {
        this.src = src;
        this.start = start;
        this.enc = start;
        this.decoded = decoded;
    }

    /** Opens an input, detecting the encoding of its start; reading stops once {@code deadline} has passed. */
    static LogLines open(LogInput input, Instant deadline) throws IOException {
        return open(input, deadline, Integer.MAX_VALUE, ChunkReader.CHUNK);
    }

    /**
     * {@link #open(LogInput, Instant)}, reading an input of at least {@code readAheadFrom} bytes ahead on a second
     * thread in chunks of {@code chunkSize} bytes ({@link ChunkReader}); the lines read are the same.
     */
    static LogLines open(LogInput input, Instant deadline, long readAheadFrom, int chunkSize) throws IOException {
        if (input.reader().isPresent()) {
            return new LogLines(new ByteSource(new ReaderBytes(input.reader().get()), deadline), LineEncoding.UTF_16LE, true);
        }
        InputStream in = input.openBytes().orElseThrow(() -> new IOException("the input has no content to read"));
        ByteSource src = ByteSource.open(in, deadline, readAheadFrom, chunkSize, SNIFF);
        LineEncoding start = LineEncoding.sniff(src);
        if (start.wide()) {
            src.stopIndexing();
        }
        return new LogLines(src, start, false);
    }

    /**
     * The encodings used, in order of first use, joined by {@code +}: {@code UTF-8}, {@code UTF-8/windows-1252}
     * (some 8-bit lines were not UTF-8), {@code UTF-16LE}, {@code UTF-16BE}, {@code UTF-8+UTF-16LE} ...; or
     * {@code decoded text} for a {@link Reader}.
     */
    String encoding() {
        return decoded ? "decoded text" : used.label(start);
    }

    /** The current line's text (without its line end); empty unless {@link #kind()} is TEXT. */
    String text() {
        if (decoder.text == null) {
            decoder.text = new String(line.bytes, 0, line.kept, StandardCharsets.ISO_8859_1);
        }
        return decoder.text;
    }

    /**
     * True when the current line is 8-bit text of printable ASCII and tabs only, kept whole: its {@link #bytes()}
     * are its characters, one each, and its {@link #text()} is made only when asked for.
     */
    boolean plain() {
        return line.plain;
    }

    /** The current line's bytes, {@code [0, byteCount())}; for a {@link #plain()} line, its characters. */
    byte[] bytes() {
        return line.bytes;
    }

    /** How many of {@link #bytes()} are the current line's. */
    int byteCount() {
        return line.kept;
    }

    /**
     * The current line's entry in the index made ahead ({@link LineIndex}: its message start, words, parsed start),
     * or null when this thread split it.
     */
    LineIndex ahead() {
        return ahead;
    }

    /** Whether the current line is text, binary content or a run of NUL bytes. */
    LineText.Kind kind() {
        return decoder.kind;
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** Bytes the current line took in the input (line end excluded), including any read past. */
    long rawLength() {
        return line.length;
    }

    /** Characters (or bytes) of the current line beyond {@link #MAX_LINE} that were read past. */
    long discarded() {
        return discarded;
    }

    /** True when reading stopped because the deadline passed (then {@link #next()} returned false). */
    boolean deadlinePassed() {
        return src.deadlinePassed();
    }

    /** Advances to the next line; false at the end of the input, or once the deadline has passed. */
    boolean next() throws IOException {
        ahead = null;
        while (true) {
            line.reset(enc.wide() ? 2 * MAX_LINE : MAX_LINE);
            int r = enc.wide() ? nextWide() : nextEightBit();
            if (r != AGAIN) {
                return r == LINE;
            }
        }
    }

    private static final int LINE = 0;
    private static final int END = 1;
    /** The encoding changed: split again from where the bytes were given back. */
    private static final int AGAIN = 2;

    // ---------------------------------------------------------------- 8-bit text

    private int nextEightBit() throws IOException {
        boolean any = false;
        while (true) {
            if (src.pos >= src.limit && !src.fill()) {
                return any && !src.deadlinePassed() ? finishEightBit(-1) : END;
            }
            byte[] b = src.buf;
            if (skipLf) {
                skipLf = false;
                if (b[src.pos] == '\n') {
                    src.pos++;
                    continue;
                }
            }
            int start = src.pos;
            if (!any && (ahead = src.takeAhead(line)) != null) { // split ahead: the line the loop below finds
                skipLf = b[src.pos - 1] == '\r';
                return finishEightBit(b[src.pos - 1]);
            }
            int i = start;
            int end = src.limit;
            boolean plain = true;
            for (; i < end; i++) { // one test per byte for printable ASCII, the bulk of a log
                byte c = b[i];
                if (c < 0x20 || c == 0x7F) { // bytes from 0x80 are negative
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    plain &= c == '\t';
                }
            }
            if (plain && i > start) {
                line.keep(b, start, i - start);
                line.nonNul = true;
            } else {
                line.append(b, start, i - start);
                line.plain &= plain;
            }
            any = true;
            if (i < end) {
                src.pos = i + 1;
                skipLf = b[i] == '\r';
                return finishEightBit(b[i]);
            }
            src.pos = i;
        }
    }

    /** Ends an 8-bit line ({@code end} is its line-end byte, or -1 at the end of the input). */
    private int finishEightBit(int end) {
        if (line.plain && line.whole()) {
            decoder.plain(); // no byte-order mark, NUL or control byte: the text is the bytes, made only if asked for
            return emit(LineEncoding.EIGHT_BIT, 0);
        }
        line.plain = false;
        if (!decoded && line.whole()) {
            int bom = line.kept >= 3 && (line.bytes[0] & 0xff) == 0xEF && (line.bytes[1] & 0xff) == 0xBB && (line.bytes[2] & 0xff) == 0xBF ? 3 : 0;
            if (bom > 0) { // another writer started here, with a UTF-8 byte-order mark
                System.arraycopy(line.bytes, bom, line.bytes, 0, line.kept - bom);
                line.kept -= bom;
                line.length -= bom;
            }
            LineEncoding wide = LineEncoding.utf16Bom(line.bytes, 0, line.kept);
            if (wide != null) {
                return splitAgain(wide, 2, end);
            }
        }
        if (line.length > 0 && !line.nonNul) {
            decoder.nulOnly();
            return emit(LineEncoding.EIGHT_BIT, line.length - line.kept);
        }
        decoder.eightBit(line.bytes, line.kept, line.length > line.kept);
        LineEncoding wide;
        if (!decoded && line.whole() && decoder.sawNul && (wide = LineEncoding.guess(line.bytes, 0, line.kept)) != null) {
            return splitAgain(wide, 0, end);
        }
        used.fallback |= decoder.fallback;
        return emit(LineEncoding.EIGHT_BIT, line.length - line.kept);
    }

    /** Gives back the current line from {@code from} (and its line-end byte) to be split again as {@code next}. */
    private int splitAgain(LineEncoding next, int from, int end) {
        int n = line.kept - from;
        byte[] back = Arrays.copyOfRange(line.bytes, from, line.kept + (end >= 0 ? 1 : 0));
        if (end >= 0) {
            back[n] = (byte) end;
        }
        src.unread(back, 0, back.length);
        skipLf = false;
        enc = next;
        return AGAIN;
    }

    // ---------------------------------------------------------------- UTF-16

    private int nextWide() throws IOException {
        int half = -1; // first byte of a unit not complete yet
        long lastNul = -1; // index of the line's last NUL byte
        int run = 0; // bytes since it (or the line start), of which ascii are plain ASCII and control other C0 bytes
        int ascii = 0;
        int control = 0;
        long nulBefore = -1; // the same, as they were where the current unit began
        int runBefore = 0;
        int asciiBefore = 0;
        int controlBefore = 0;
        while (true) {
            if (src.pos >= src.limit && !src.fill()) {
                if (src.deadlinePassed() || line.length == 0) {
                    return END;
                }
                line.nonNul |= half > 0;
                if (!decoded && eightBit(run, ascii, control)) {
                    return backToEightBit(lastNul);
                }
                return finishWide(enc, half >= 0);
            }
            if (half < 0 && !skipLf && src.limit - src.pos >= 2) {
                // the common case, a run of units each holding a NUL (ASCII in UTF-16) and no line-end byte
                byte[] b = src.buf;
                int from = src.pos;
                int i = from;
                for (int end = src.limit - 1; i < end; i += 2) {
                    int x = b[i] & 0xff;
                    int y = b[i + 1] & 0xff;
                    if ((x != 0 && y != 0) || x == '\n' || x == '\r' || y == '\n' || y == '\r') {
                        break;
                    }
                    long at = line.length + (i - from);
                    if (y == 0) {
                        lastNul = at + 1;
                        run = 0;
                        ascii = 0;
                        control = 0;
                        line.nonNul |= x != 0;
                    } else {
                        lastNul = at;
                        run = 1;
                        ascii = y >= 0x20 && y < 0x7F || y == '\t' ? 1 : 0;
                        control = y < 0x20 && y != '\t' ? 1 : 0;
                        line.nonNul = true;
                    }
                }
                if (i > from) {
                    line.plain = false;
                    line.keep(b, from, i - from);
                    src.pos = i;
                    continue;
                }
            }
            int c = src.buf[src.pos++] & 0xff;
            if (half < 0) {
                nulBefore = lastNul;
                runBefore = run;
                asciiBefore = ascii;
                controlBefore = control;
            }
            line.add(c);
            if (c == 0) {
                lastNul = line.length - 1;
                run = 0;
                ascii = 0;
                control = 0;
            } else {
                run++;
                if ((c >= 0x20 && c < 0x7F) || c == '\t') {
                    ascii++;
                } else if (c < 0x20 && c != '\n' && c != '\r') {
                    control++;
                }
            }
            if (half < 0) {
                half = c;
                continue;
            }
            int first = half;
            half = -1;
            char u = enc.unit(first, c);
            boolean lineEndByte = first == '\n' || first == '\r' || c == '\n' || c == '\r';
            if (skipLf) {
                skipLf = false;
                if (u == '\n' && line.length == 2) { // the LF of a CRLF
                    line.reset(line.cap);
                    lastNul = -1;
                    run = 0;
                    ascii = 0;
                    control = 0;
                    continue;
                }
            }
            if (u == '\n' || u == '\r') {
                if (!decoded && eightBit(runBefore, asciiBefore, controlBefore)) {
                    return backToEightBit(nulBefore); // 8-bit text whose line end happened to meet a NUL
                }
                skipLf = u == '\r';
                line.length -= 2;
                line.kept = (int) Math.min(line.kept, line.length);
                return finishWide(enc, false);
            }
            line.nonNul |= u != 0;
            if (lineEndByte && !decoded) {
                // judged on the bytes before this unit: its other byte may already be the next region's NUL
                if (eightBit(runBefore, asciiBefore, controlBefore)) {
                    return backToEightBit(nulBefore);
                }
                LineEncoding other = enc == LineEncoding.UTF_16LE ? LineEncoding.UTF_16BE : LineEncoding.UTF_16LE;
                char swapped = other.unit(first, c);
                if ((swapped == '\n' || swapped == '\r') && line.whole() && LineEncoding.guess(line.bytes, 0, line.kept) == other) {
                    src.unread(line.bytes, 0, line.kept); // a line end of the other byte order, in a line of its NUL pattern
                    enc = other;
                    return AGAIN;
                }
            }
        }
    }

    /** True when the bytes since the last NUL are plain 8-bit text, not UTF-16. */
    private static boolean eightBit(int run, int ascii, int control) {
        return ascii >= ASCII_RUN && control == 0 && ascii * 4 >= run * 3;
    }

    /**
     * Switches to 8-bit text from just after the line's last NUL byte (rounded up to a whole unit), giving back
     * the bytes from there: what came before, if anything, is a UTF-16 line of its own.
     */
    private int backToEightBit(long lastNul) {
        LineEncoding wide = enc;
        enc = LineEncoding.EIGHT_BIT;
        skipLf = false;
        long from = lastNul < 0 ? 0 : (lastNul + 2) & ~1L;
        if (!line.whole()) {
            return finishWide(wide, false); // what was read past cannot be given back: go on from here
        }
        int f = (int) from;
        src.unread(line.bytes, f, line.kept - f);
        if (f == 0) {
            return AGAIN;
        }
        line.kept = f;
        line.length = f;
        return finishWide(wide, false);
    }

    private int finishWide(LineEncoding wide, boolean odd) {
        if (line.length > 0 && !line.nonNul) {
            decoder.nulOnly();
        } else {
            decoder.wide(wide, line.bytes, line.kept & ~1, odd, line.length > line.kept, !decoded);
        }
        long units = (line.length + 1) / 2;
        return emit(wide, units > MAX_LINE ? units - MAX_LINE : 0);
    }

    private int emit(LineEncoding as, long readPast) {
        number++;
        discarded = readPast;
        if (decoder.kind == LineText.Kind.TEXT && line.length > 0) {
            used.add(as);
        }
        return LINE;
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
