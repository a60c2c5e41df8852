package dev.sonde.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;

/**
 * The bytes of one input, buffered, for {@link LogLines}. The deadline is checked at every buffer fill, so
 * reading stops promptly whatever the shape of the input (a few huge lines, a stream that trickles a byte at a
 * time), not only every so many lines. Bytes already taken can be given back ({@link #unread}) when a line has
 * to be split again in another encoding.
 */
final class ByteSource implements Closeable {

    private static final int BUFFER = 64 * 1024;
    /**
     * The buffer of an input that does not tell its size; also the least a buffer grows to when more bytes are wanted
     * at once than it holds ({@link #fillAtLeast}: {@link LogLines}' encoding sniff asks for 4 KiB).
     */
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

    /** Reads ahead on a second thread (a large input), else null. */
    private final ChunkReader chunks;
    /** The chunk {@link #buf} came from, given back at the next fill. */
    private ChunkReader.Chunk chunk;
    /** The lines of {@link #buf} from {@link #pos} on, split ahead ({@link ChunkReader}), or null. */
    LineIndex index;

    ByteSource(InputStream in, Instant deadline) {
        this(in, deadline, Integer.MAX_VALUE, ChunkReader.CHUNK);
    }

    /**
     * @param readAheadFrom inputs that say they hold at least this many bytes are read ahead on a second thread
     *                      ({@link ChunkReader}), in chunks of {@code chunkSize} bytes
     */
    ByteSource(InputStream in, Instant deadline, long readAheadFrom, int chunkSize) {
        this.in = in;
        this.deadline = deadline;
        if (available(in) >= readAheadFrom) {
            this.chunks = new ChunkReader(in, chunkSize, deadline);
            this.buf = new byte[0];
        } else {
            this.chunks = null;
            this.buf = new byte[initialSize(in)];
        }
    }

    /**
     * A source over {@code in} with at least {@code sniff} bytes buffered (fewer at the end of the input); the input is
     * closed if that fails.
     */
    static ByteSource open(InputStream in, Instant deadline, long readAheadFrom, int chunkSize, int sniff) throws IOException {
        ByteSource src;
        try {
            src = new ByteSource(in, deadline, readAheadFrom, chunkSize);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        try {
            src.fillAtLeast(sniff);
        } catch (IOException | RuntimeException e) {
            src.close();
            throw e;
        }
        return src;
    }

    private static long available(InputStream in) {
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops splitting lines ahead: the reader left 8-bit text (or never read any). */
    void stopIndexing() {
        index = null;
        if (chunks != null) {
            chunks.stopIndexing();
        }
    }

    /**
     * A buffer the input's size (and a byte, to see its end) when it says, up to 64 KiB: most logs of an embedded
     * analysis are a few KB (a buffer of at least 8 KiB was a fifth of what a warm analysis of a small log allocated).
     * Else {@link #MIN_BUFFER}, grown while reads fill it.
     */
    private static int initialSize(InputStream in) {
        long size = available(in);
        return size > 0 ? (int) Math.min(BUFFER, size + 1) : MIN_BUFFER;
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
        if (chunks != null) {
            return nextChunk(keep);
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
            } else if (limit == buf.length && pos == 0) { // more wanted at once than the buffer holds
                buf = Arrays.copyOf(buf, Math.max(MIN_BUFFER, buf.length * 2));
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

    private boolean nextChunk(boolean keep) throws IOException {
        if (Instant.now().isAfter(deadline)) {
            deadlinePassed = true;
            return false;
        }
        if (keep && pos < limit) {
            return false; // only the sniff asks for more at once, and the first chunk holds it unless the input is shorter
        }
        ChunkReader.Chunk c = chunks.next(deadline);
        if (c == null || c.stopped) {
            deadlinePassed = true;
            return false;
        }
        if (c.error != null) {
            eof = true;
            throw c.error;
        }
        if (c.end) {
            eof = true;
            return false;
        }
        chunks.release(chunk);
        chunk = c;
        buf = c.buf;
        pos = 0;
        limit = c.limit;
        index = c.index;
        return true;
    }

    /**
     * Takes the line starting at {@link #pos} into {@code line} when it was split ahead ({@link LineIndex}: a plain
     * line of at most the cap, ended inside the buffer) and returns its index, positioned on it, with {@link #pos} just
     * past its line-end byte; else null and nothing taken.
     */
    LineIndex takeAhead(RawLine line) {
        LineIndex x = index;
        if (x == null || !x.at(pos)) {
            return null;
        }
        int end = x.end();
        line.keep(buf, pos, end - pos);
        line.nonNul = true;
        pos = end + 1;
        return x;
    }

    /** Gives back {@code len} bytes of {@code b}: they are read again before what is still buffered. */
    void unread(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        index = null; // the bytes before pos change: what was found in them no longer holds
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
        if (chunks != null) {
            chunks.close(); // stops the read-ahead thread, then closes the input
        } else {
            in.close();
        }
    }
}
