package dev.sonde.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Text already decoded (a {@link Reader}) as UTF-16LE bytes, so that {@link LogLines} splits every input with
 * one mechanism. Characters pass unchanged, lone surrogates included.
 */
final class ReaderBytes extends InputStream {

    private final Reader reader;
    private final char[] chars = new char[8192];
    /** The second byte of a character when a caller asked for one byte at a time, else -1. */
    private int pending = -1;

    ReaderBytes(Reader reader) {
        this.reader = reader;
    }

    @Override
    public int read() throws IOException {
        if (pending >= 0) {
            int b = pending;
            pending = -1;
            return b;
        }
        int c = reader.read();
        if (c < 0) {
            return -1;
        }
        pending = c >>> 8;
        return c & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len < 2 || pending >= 0) {
            int one = read();
            if (one < 0) {
                return -1;
            }
            b[off] = (byte) one;
            return 1;
        }
        int n = reader.read(chars, 0, Math.min(chars.length, len / 2));
        if (n < 0) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            b[off + 2 * i] = (byte) chars[i];
            b[off + 2 * i + 1] = (byte) (chars[i] >>> 8);
        }
        return 2 * n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
