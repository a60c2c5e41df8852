package dev.sonde.logs;

/**
 * How the bytes of a stretch of a log are laid out: 8-bit text (UTF-8, a line that is not valid UTF-8 being
 * read as Windows-1252) or UTF-16 in either byte order. Log files mix them: a UTF-8 log can hold a region
 * written in UTF-16 by another writer, and the reverse, so {@link LogLines} decides per region.
 */
enum LineEncoding {
    EIGHT_BIT("UTF-8"),
    UTF_16LE("UTF-16LE"),
    UTF_16BE("UTF-16BE");

    /** The name {@link dev.sonde.InputSummary#encoding()} uses. */
    final String label;

    LineEncoding(String label) {
        this.label = label;
    }

    boolean wide() {
        return this != EIGHT_BIT;
    }

    /** The UTF-16 code unit of two bytes read in this order. */
    char unit(int first, int second) {
        return this == UTF_16LE ? (char) (first | second << 8) : (char) (first << 8 | second);
    }

    /**
     * The UTF-16 byte order {@code len} bytes look like, from where their NUL bytes are: ASCII text in UTF-16
     * has a NUL in every other byte (the odd ones for little-endian, the even ones for big-endian). Null when they
     * do not look like UTF-16 (too short, no such pattern, or NULs everywhere, as in a zero-filled region).
     */
    static LineEncoding guess(byte[] b, int off, int len) {
        int pairs = len / 2;
        int evenNul = 0;
        int oddNul = 0;
        for (int i = off; i < off + pairs * 2; i += 2) {
            if (b[i] == 0) {
                evenNul++;
            }
            if (b[i + 1] == 0) {
                oddNul++;
            }
        }
        if (pairs >= 2 && oddNul * 10 >= pairs * 3 && evenNul * 4 <= oddNul) {
            return UTF_16LE;
        }
        if (pairs >= 2 && evenNul * 10 >= pairs * 3 && oddNul * 4 <= evenNul) {
            return UTF_16BE;
        }
        return null;
    }

    /** The encoding of the input's start (a byte-order mark is passed over). */
    static LineEncoding sniff(ByteSource src) {
        byte[] b = src.buf;
        int p = src.pos;
        int n = src.limit - p;
        if (n >= 3 && (b[p] & 0xff) == 0xEF && (b[p + 1] & 0xff) == 0xBB && (b[p + 2] & 0xff) == 0xBF) {
            src.pos += 3;
            return EIGHT_BIT;
        }
        LineEncoding bom = utf16Bom(b, p, n);
        if (bom != null) {
            src.pos += 2;
            return bom;
        }
        LineEncoding guess = guess(b, p, Math.min(n, 1024));
        return guess == null ? EIGHT_BIT : guess;
    }

    /** The UTF-16 encoding a byte-order mark at {@code b[p]} names, or null. */
    static LineEncoding utf16Bom(byte[] b, int p, int n) {
        if (n >= 2 && (b[p] & 0xff) == 0xFF && (b[p + 1] & 0xff) == 0xFE) {
            return UTF_16LE;
        }
        if (n >= 2 && (b[p] & 0xff) == 0xFE && (b[p + 1] & 0xff) == 0xFF) {
            return UTF_16BE;
        }
        return null;
    }
}
