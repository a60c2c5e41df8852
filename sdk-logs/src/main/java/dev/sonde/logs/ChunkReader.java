package dev.sonde.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of a large input read ahead on a second thread in chunks of 256 KiB, each with its {@link LineIndex}: so the
 * per-byte work of reading (splitting lines, checking record prefixes, scanning for trigger words) runs on one core
 * while the reader's own thread builds records and decodes them on the other (issue 12). Everything that decides a
 * fact stays on the reader's thread, in file order: the index only answers, for a line starting at a given byte,
 * what {@link LogLines}, {@link TraceLogFormat#messageStart} and {@link TriggerScan} would have found there, so a
 * result cannot depend on the chunks.
 *
 * <p>Bounded: {@value #IN_FLIGHT} chunks exist, reused; the read-ahead thread waits for a free one. A chunk is cut
 * just after its last line feed when one lies in its second half (else it is delivered whole; lines crossing a
 * cut are split by the reader as usual); the first chunk is never cut, so the encoding sniff sees what it always
 * saw. The read-ahead thread is a daemon, stopped by {@link #close} (on every path: {@link ByteSource#close}); every
 * wait of the reader's thread ends at the analysis' deadline.
 */
final class ChunkReader implements Closeable {

    /** Chunks in existence: one being read ahead, one being read by the reader, two ready (slack for a busy machine). */
    static final int IN_FLIGHT = 4;
    /**
     * The bytes of a chunk: under half of G1's smallest region (1 MiB), so that neither a chunk nor the Latin-1 view
     * {@link LineIndex} makes of it is a humongous allocation (with 1 MiB chunks, each view started a GC cycle).
     */
    static final int CHUNK = 256 * 1024;
    /** Inputs smaller than this are read as before, on the caller's thread: a thread costs more than it saves. */
    static final long MIN_INPUT = 8L << 20;
    /** The smallest first chunk. */
    static final int FIRST = 8 * 1024;
    private static final long POLL_MS = 50;
    private static final long JOIN_MS = 2000;

    /** A chunk of the input, or its end ({@link #end}), or the read error met there ({@link #error}). */
    static final class Chunk {
        final byte[] buf;
        int limit;
        /** Lines in {@code buf[0, limit)}, or null (not indexed: the reader splits them itself). */
        LineIndex index;
        boolean end;
        /** Reading ahead stopped at the deadline. */
        boolean stopped;
        IOException error;

        Chunk(byte[] buf) {
            this.buf = buf;
        }
    }

    private final InputStream in;
    private final int size;
    private final Instant deadline;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    /** Room for every chunk plus the end or error marker, so the read-ahead thread never waits to deliver. */
    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread worker;
    private volatile boolean closed;
    /** False once the reader left 8-bit text at the start: chunks are then only read, not indexed. */
    private volatile boolean indexing = true;
    private final byte[] carry;
    private int carried;
    private boolean first = true;
    private boolean stopped;
    /** A read error met after some bytes of a chunk: delivered after it. */
    private IOException failed;

    /**
     * @param chunkSize the bytes of a chunk; the first one is at least {@value #FIRST} bytes whatever it is (the
     *                  encoding sniff reads up to 4 KiB at once)
     * @param deadline  reading ahead stops there too
     */
    ChunkReader(InputStream in, int chunkSize, Instant deadline) {
        this.in = in;
        this.size = chunkSize;
        this.deadline = deadline;
        this.carry = new byte[chunkSize];
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new Chunk(new byte[Math.max(FIRST, chunkSize)]));
        }
        worker = new Thread(this::readAhead, "sonde-log-read-ahead");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops indexing the chunks not read yet (the input is not 8-bit text). */
    void stopIndexing() {
        indexing = false;
    }

    /**
     * The next chunk in input order (its {@link Chunk#end} set at the end of the input, its {@link Chunk#error} set
     * where reading failed), or null when the deadline passed first.
     */
    Chunk next(Instant deadline) throws IOException {
        try {
            while (true) {
                Chunk c = ready.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (c != null) {
                    return c;
                }
                if (Instant.now().isAfter(deadline)) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading was interrupted");
        }
    }

    /** Gives a chunk the reader is done with back to be filled again. */
    void release(Chunk c) {
        if (c != null && !c.end && !c.stopped && c.error == null) {
            c.index = null;
            free.offer(c);
        }
    }

    private void readAhead() {
        Chunk last = null;
        try {
            while (!closed) {
                Chunk c = free.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (c == null) {
                    continue;
                }
                boolean more = fill(c);
                if (stopped) {
                    last = new Chunk(new byte[0]);
                    last.stopped = true;
                    break;
                }
                if (c.limit == 0) {
                    last = c;
                    break;
                }
                if (indexing) {
                    try {
                        // the record starts are parsed here only while the reader has a chunk waiting: when it
                        // waits for this thread, it parses them itself, so the two threads share the work evenly
                        c.index = LineIndex.of(c.buf, c.limit, !ready.isEmpty());
                    } catch (RuntimeException e) {
                        c.index = null; // a bug here costs speed, never a result: the reader splits the lines itself
                    }
                }
                ready.add(c);
                if (failed != null) {
                    throw failed;
                }
                if (!more) {
                    break;
                }
            }
        } catch (IOException e) {
            Chunk broken = new Chunk(new byte[0]);
            broken.error = e;
            ready.offer(broken);
            return;
        } catch (InterruptedException e) {
            return; // closed
        } catch (RuntimeException e) {
            Chunk broken = new Chunk(new byte[0]);
            broken.error = new IOException("reading ahead failed", e);
            ready.offer(broken);
            return;
        }
        Chunk end = last != null ? last : new Chunk(new byte[0]);
        end.end = !end.stopped;
        ready.offer(end);
    }

    /** Fills {@code c} with what was carried over and the next bytes of the input; false at the end of the input. */
    private boolean fill(Chunk c) throws IOException {
        byte[] b = c.buf;
        System.arraycopy(carry, 0, b, 0, carried);
        int n = carried;
        carried = 0;
        boolean eof = false;
        int want = first ? b.length : size;
        while (n < want) {
            if (closed || Instant.now().isAfter(deadline)) {
                stopped = true; // the reader stopped, or will at its next fill
                return false;
            }
            int r;
            try {
                r = in.read(b, n, want - n);
            } catch (IOException e) {
                if (n == 0) {
                    throw e;
                }
                failed = e; // what came before it is read first, as without reading ahead
                c.limit = n;
                return false;
            }
            if (r < 0) {
                eof = true;
                break;
            }
            n += r;
        }
        int limit = n;
        if (!eof && !first) {
            for (int k = n - 1, half = n / 2; k >= half; k--) {
                if (b[k] == '\n') {
                    limit = k + 1;
                    break;
                }
            }
            carried = n - limit;
            System.arraycopy(b, limit, carry, 0, carried);
        }
        first = false;
        c.limit = limit;
        return !eof;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        worker.interrupt();
        try {
            worker.join(JOIN_MS); // it reads at most one chunk more: never long
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
        }
    }
}
