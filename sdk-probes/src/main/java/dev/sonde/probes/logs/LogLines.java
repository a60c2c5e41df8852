package dev.sonde.probes.logs;

import dev.sonde.LogInput;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one log, read in one streaming pass with a fixed amount of memory.
 *
 * <p>Encoding: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; without one, UTF-16 is recognised
 * by its NUL-byte pattern in the first KiB; anything else is UTF-8 decoded line by line, a line that
 * is not valid UTF-8 being decoded as Windows-1252 instead. A {@link LogInput} given as a
 * {@link Reader} is already decoded. Lines end at LF, CRLF or a lone CR.
 *
 * <p>Limits: a line keeps its first {@value #MAX_LINE} characters (bytes, for UTF-8); the rest is
 * read past and counted in {@link #discarded()}. A line holding NUL or several control characters is
 * {@link #binary()}: its text is empty.
 */
final class LogLines implements Closeable {

    /** Longest line kept, in characters (bytes for byte-decoded input). */
    static final int MAX_LINE = 64 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final int SNIFF = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream bytes;
    private final Reader chars;
    private final String encoding;
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private byte[] byteBuf;
    private char[] charBuf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLf;

    private byte[] lineBytes = new byte[0];
    private char[] lineChars = new char[0];
    private int lineLen;

    private String text = "";
    private boolean binary;
    private long discarded;
    private long number;
    private boolean fallbackUsed;

    private LogLines(InputStream bytes, byte[] head, int from, int to, Reader chars, String encoding) {
        this.bytes = bytes;
        this.chars = chars;
        this.encoding = encoding;
        if (bytes != null) {
            byteBuf = new byte[BUFFER];
            System.arraycopy(head, from, byteBuf, 0, to - from);
            limit = to - from;
        } else {
            charBuf = new char[BUFFER / 4];
        }
    }

    /** Opens an input, detecting its encoding. */
    static LogLines open(LogInput input) throws IOException {
        if (input.reader().isPresent()) {
            return new LogLines(null, null, 0, 0, input.reader().get(), "decoded text");
        }
        InputStream in = input.openBytes().orElseThrow(() -> new IOException("the input has no content to read"));
        try {
            return sniff(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static LogLines sniff(InputStream in) throws IOException {
        byte[] head = new byte[SNIFF];
        int n = 0;
        IOException failure = null;
        while (n < head.length) {
            int r;
            try {
                r = in.read(head, n, head.length - n);
            } catch (IOException e) {
                if (n == 0) {
                    throw e;
                }
                failure = e; // read what came first, report the error where it happened
                break;
            }
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (failure != null) {
            in = new FailingAfter(failure, in);
        }
        if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new LogLines(in, head, 3, n, null, "UTF-8");
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return utf16(in, head, 2, n, StandardCharsets.UTF_16LE);
        }
        if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return utf16(in, head, 2, n, StandardCharsets.UTF_16BE);
        }
        int pairs = Math.min(n, 1024) / 2;
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            if (head[i] == 0) {
                evenNul++;
            }
            if (head[i + 1] == 0) {
                oddNul++;
            }
        }
        if (pairs >= 2 && oddNul * 10 >= pairs * 3 && evenNul * 4 <= oddNul) {
            return utf16(in, head, 0, n, StandardCharsets.UTF_16LE);
        }
        if (pairs >= 2 && evenNul * 10 >= pairs * 3 && oddNul * 4 <= evenNul) {
            return utf16(in, head, 0, n, StandardCharsets.UTF_16BE);
        }
        return new LogLines(in, head, 0, n, null, "UTF-8");
    }

    private static LogLines utf16(InputStream in, byte[] head, int from, int to, Charset cs) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, from, to - from), in);
        return new LogLines(null, null, 0, 0, new InputStreamReader(all, dec), cs.name());
    }

    /** The encoding used: {@code UTF-8}, {@code UTF-8/windows-1252}, {@code UTF-16LE}, {@code UTF-16BE}... */
    String encoding() {
        return fallbackUsed ? encoding + "/windows-1252" : encoding;
    }

    /** The current line's text (without its line end); empty for a binary line. */
    String text() {
        return text;
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** True when the current line holds binary content (NUL or control characters). */
    boolean binary() {
        return binary;
    }

    /** Characters (or bytes) of the current line beyond {@link #MAX_LINE} that were read past. */
    long discarded() {
        return discarded;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        return bytes != null ? nextFromBytes() : nextFromChars();
    }

    // ---------------------------------------------------------------- bytes (UTF-8 / windows-1252)

    private boolean nextFromBytes() throws IOException {
        lineLen = 0;
        discarded = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit && !fillBytes()) {
                if (any) {
                    finishBytes(lineBytes, 0, lineLen);
                    return true;
                }
                return false;
            }
            if (skipLf) {
                skipLf = false;
                if (byteBuf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            byte[] b = byteBuf;
            int start = pos;
            int i = pos;
            int end = limit;
            while (i < end) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < end) {
                skipLf = b[i] == '\r';
                pos = i + 1;
                if (lineLen == 0 && discarded == 0) {
                    finishBytes(b, start, i - start);
                } else {
                    appendBytes(b, start, i - start);
                    finishBytes(lineBytes, 0, lineLen);
                }
                return true;
            }
            appendBytes(b, start, i - start);
            any = true;
            pos = i;
        }
    }

    private boolean fillBytes() throws IOException {
        if (eof) {
            return false;
        }
        while (true) {
            int r = bytes.read(byteBuf, 0, byteBuf.length);
            if (r < 0) {
                eof = true;
                return false;
            }
            if (r > 0) {
                pos = 0;
                limit = r;
                return true;
            }
        }
    }

    private void appendBytes(byte[] b, int off, int len) {
        int room = MAX_LINE - lineLen;
        int take = Math.min(room, len);
        if (take > 0) {
            if (lineLen + take > lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes, Math.min(MAX_LINE, Math.max(lineLen + take, lineBytes.length * 2 + 256)));
            }
            System.arraycopy(b, off, lineBytes, lineLen, take);
            lineLen += take;
        }
        discarded += len - take;
    }

    private void finishBytes(byte[] b, int off, int len) {
        number++;
        if (discarded > 0) {
            // do not cut a UTF-8 sequence in two
            int end = off + len;
            int k = end;
            while (k > off && (b[k - 1] & 0xC0) == 0x80 && end - k < 3) {
                k--;
            }
            if (k > off && (b[k - 1] & 0xC0) == 0xC0) {
                len = k - 1 - off;
            }
        }
        boolean ascii = true;
        boolean nul = false;
        int control = 0;
        for (int k = off, end = off + len; k < end; k++) {
            int c = b[k];
            if (c < 0) {
                ascii = false;
            } else if (c < 0x20) {
                if (c == 0) {
                    nul = true;
                } else if (c != '\t' && c != 0x0C && c != 0x1B) {
                    control++;
                }
            } else if (c == 0x7F) {
                control++;
            }
        }
        binary = nul || control >= 2;
        if (binary) {
            text = "";
        } else if (ascii) {
            text = new String(b, off, len, StandardCharsets.ISO_8859_1);
        } else {
            try {
                strictUtf8.reset();
                text = strictUtf8.decode(ByteBuffer.wrap(b, off, len)).toString();
            } catch (CharacterCodingException e) {
                text = new String(b, off, len, WINDOWS_1252);
                fallbackUsed = true;
            }
        }
    }

    // ---------------------------------------------------------------- chars (Reader, UTF-16)

    private boolean nextFromChars() throws IOException {
        lineLen = 0;
        discarded = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit && !fillChars()) {
                if (any) {
                    finishChars(lineChars, 0, lineLen);
                    return true;
                }
                return false;
            }
            if (skipLf) {
                skipLf = false;
                if (charBuf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            char[] b = charBuf;
            int start = pos;
            int i = pos;
            int end = limit;
            while (i < end) {
                char c = b[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < end) {
                skipLf = b[i] == '\r';
                pos = i + 1;
                if (lineLen == 0 && discarded == 0) {
                    finishChars(b, start, i - start);
                } else {
                    appendChars(b, start, i - start);
                    finishChars(lineChars, 0, lineLen);
                }
                return true;
            }
            appendChars(b, start, i - start);
            any = true;
            pos = i;
        }
    }

    private boolean fillChars() throws IOException {
        if (eof) {
            return false;
        }
        while (true) {
            int r = chars.read(charBuf, 0, charBuf.length);
            if (r < 0) {
                eof = true;
                return false;
            }
            if (r > 0) {
                pos = 0;
                limit = r;
                return true;
            }
        }
    }

    private void appendChars(char[] b, int off, int len) {
        int room = MAX_LINE - lineLen;
        int take = Math.min(room, len);
        if (take > 0) {
            if (lineLen + take > lineChars.length) {
                lineChars = Arrays.copyOf(lineChars, Math.min(MAX_LINE, Math.max(lineLen + take, lineChars.length * 2 + 256)));
            }
            System.arraycopy(b, off, lineChars, lineLen, take);
            lineLen += take;
        }
        discarded += len - take;
    }

    private void finishChars(char[] b, int off, int len) {
        number++;
        if (discarded > 0 && len > 0 && Character.isHighSurrogate(b[off + len - 1])) {
            len--;
        }
        boolean nul = false;
        int control = 0;
        for (int k = off, end = off + len; k < end; k++) {
            char c = b[k];
            if (c < 0x20) {
                if (c == 0) {
                    nul = true;
                } else if (c != '\t' && c != 0x0C && c != 0x1B) {
                    control++;
                }
            } else if (c == 0x7F) {
                control++;
            }
        }
        binary = nul || control >= 2;
        text = binary ? "" : new String(b, off, len);
    }

    /** Stands for a stream whose next read fails with the error already met while sniffing. */
    private static final class FailingAfter extends InputStream {
        private final IOException failure;
        private final InputStream original;

        FailingAfter(IOException failure, InputStream original) {
            this.failure = failure;
            this.original = original;
        }

        @Override
        public int read() throws IOException {
            throw failure;
        }

        @Override
        public void close() throws IOException {
            original.close();
        }
    }

    @Override
    public void close() throws IOException {
        if (bytes != null) {
            bytes.close();
        } else {
            chars.close();
        }
    }
}
