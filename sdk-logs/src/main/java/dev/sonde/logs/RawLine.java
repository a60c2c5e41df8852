package dev.sonde.logs;

import java.util.Arrays;

/**
 * The raw bytes of the line {@link LogLines} is reading: the first {@link #cap} of them kept, all of them counted,
 * and whether one was not NUL (a line of NUL bytes only is a zero-filled region, not content).
 */
final class RawLine {

    byte[] bytes = new byte[256];
    /** Bytes kept in {@link #bytes}. */
    int kept;
    /** Bytes the line took in all, kept or read past. */
    long length;
    /** A byte of the line (line end left out) was not NUL. */
    boolean nonNul;
    /** Most bytes kept. */
    int cap;
    /**
     * Every byte of an 8-bit line so far is printable ASCII or a tab: its bytes are its characters, so the reader
     * can look at them before (or instead of) making it a {@code String}. False for a UTF-16 line.
     */
    boolean plain;

    void reset(int cap) {
        this.cap = cap;
        kept = 0;
        length = 0;
        nonNul = false;
        plain = true;
    }

    /** Adds bytes of an 8-bit line. */
    void append(byte[] b, int off, int len) {
        keep(b, off, len);
        if (!nonNul) {
            for (int k = off; k < off + len; k++) {
                if (b[k] != 0) {
                    nonNul = true;
                    break;
                }
            }
        }
    }

    /** Keeps bytes up to the cap and counts them all (whether they are NUL is the caller's to say). */
    void keep(byte[] b, int off, int len) {
        int take = (int) Math.min(len, cap - kept);
        if (take > 0) {
            room(take);
            System.arraycopy(b, off, bytes, kept, take);
            kept += take;
        }
        length += len;
    }

    /** Adds one byte of a UTF-16 line (whether it is NUL is judged per unit, line ends left out). */
    void add(int c) {
        plain = false;
        if (kept < cap) {
            room(1);
            bytes[kept++] = (byte) c;
        }
        length++;
    }

    /** True when every byte was kept (none read past the cap). */
    boolean whole() {
        return length == kept;
    }

    private void room(int more) {
        if (kept + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(kept + more, bytes.length * 2)));
        }
    }
}
