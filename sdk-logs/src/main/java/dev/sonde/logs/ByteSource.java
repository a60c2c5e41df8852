package dev.sonde.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * The bytes of one input, buffered, for {@link LogLines}. The deadline is checked at every buffer fill, so
 * reading stops promptly whatever the shape of the input (a few huge lines, a stream that trickles a byte at a
 * time), not only every so many lines. Bytes already taken can be given back ({@link #unread}) when a line has
 * to be split again in another encoding.
 */
final class ByteSource implements Closeable {

    private static final int BUFFER = 64 * 1024;
    /** The smallest buffer: more than {@link LogLines}' encoding sniff, the most it asks for at once. */
    private static final int MIN_BUFFER = 8 * 1024;

    private final InputStream in;
    private final Instant deadline;
    byte[] buf;
    /** The last read filled the whole buffer: the next one gets a larger buffer (up to {@link #BUFFER}). */
    private boolean grow;
    int pos;
    int limit;
    private boolean eof;
    private boolean deadlinePassed;
    /** A read error met while more bytes were wanted at once ({@link #fillAtLeast}): thrown at the next fill. */
    private IOException pending;

    ByteSource(InputStream in, Instant deadline) {
        this.in = in;
        this.deadline = deadline;
        this.buf = new byte[initialSize(in)];
    }

    /**
     * A buffer the input's size when it says (a file: most logs of an embedded analysis are a few KB, and 64 KiB
     * each was the largest thing a warm analysis allocated), else the smallest, grown while reads fill it.
     */
    private static int initialSize(InputStream in) {
        try {
            return (int) Math.max(MIN_BUFFER, Math.min(BUFFER, in.available() + 1L));
        } catch (IOException e) {
            return MIN_BUFFER;
        }
    }

    /**
     * Reads until at least {@code wanted} bytes are buffered, the input ends or the deadline passes. A read
     * error after some bytes arrived is kept for the next fill, so what came first is still read.
     *
     * @throws IOException when the very first read fails
     */
    void fillAtLeast(int wanted) throws IOException {
        while (limit - pos < wanted && !eof && !deadlinePassed && pending == null) {
            int had = limit - pos;
            try {
                if (!fill(true)) {
                    return;
                }
            } catch (IOException e) {
                if (had == 0) {
                    throw e;
                }
                pending = e;
            }
        }
    }

    /**
     * Makes more bytes available at {@code buf[pos..limit)}; false at the end of the input or once the deadline
     * has passed ({@link #deadlinePassed()}).
     */
    boolean fill() throws IOException {
        return fill(false);
    }

    private boolean fill(boolean keep) throws IOException {
        if (pending != null) {
            IOException e = pending;
            pending = null;
            throw e;
        }
        if (!keep && pos < limit) {
            return true; // bytes given back by unread() come first
        }
        if (eof || deadlinePassed) {
            return false;
        }
        while (true) {
            if (Instant.now().isAfter(deadline)) {
                deadlinePassed = true;
                return false;
            }
            if (!keep || pos == limit) {
                if (grow) { // a new array: lines may still hold a view of the old one until they are taken
                    buf = new byte[Math.min(BUFFER, buf.length * 2)];
                    grow = false;
                }
                pos = 0;
                limit = 0;
            } else if (limit == buf.length) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            if (r > 0) {
                grow = limit + r == buf.length && buf.length < BUFFER;
                limit += r;
                return true;
            }
        }
    }

    /** Gives back {@code len} bytes of {@code b}: they are read again before what is still buffered. */
    void unread(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        if (pos >= len) {
            pos -= len;
            System.arraycopy(b, off, buf, pos, len);
            return;
        }
        byte[] joined = new byte[Math.max(BUFFER, len + limit - pos)];
        System.arraycopy(b, off, joined, 0, len);
        System.arraycopy(buf, pos, joined, len, limit - pos);
        limit = len + limit - pos;
        pos = 0;
        buf = joined;
    }

    /** True when reading stopped because the deadline passed. */
    boolean deadlinePassed() {
        return deadlinePassed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
