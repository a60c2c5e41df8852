package dev.sonde.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of one line from its raw bytes, for {@link LogLines}: 8-bit lines are UTF-8, or Windows-1252 when
 * they are not valid UTF-8; UTF-16 lines are decoded unit by unit. A line holding NUL or several control
 * characters is binary (its text is empty); a line of nothing but NUL bytes is a zero-filled region.
 */
final class LineText {

    /** What a line turned out to be. */
    enum Kind {
        /** Readable text. */
        TEXT,
        /** NUL or control characters: content that could not be decoded as text. */
        BINARY,
        /** Only NUL bytes, as a crash or a preallocated file leaves: nothing was written there. */
        NUL
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private char[] chars = new char[256];

    /** The line's text; {@code null} for a plain line until {@link LogLines#text()} makes it. */
    String text = "";
    Kind kind = Kind.TEXT;
    /** The last 8-bit line was not valid UTF-8 and was read as Windows-1252. */
    boolean fallback;
    /** The last line held a NUL byte (or character). */
    boolean sawNul;

    /**
     * Decodes {@code len} bytes of an 8-bit line.
     *
     * @param cut the line was cut at the line cap: a UTF-8 sequence cut in two at its end is dropped
     */
    void eightBit(byte[] b, int len, boolean cut) {
        fallback = false;
        if (cut) {
            int k = len;
            while (k > 0 && (b[k - 1] & 0xC0) == 0x80 && len - k < 3) {
                k--;
            }
            if (k > 0 && (b[k - 1] & 0xC0) == 0xC0) {
                len = k - 1;
            }
        }
        boolean ascii = true;
        boolean nul = false;
        int control = 0;
        for (int k = 0; k < len; k++) {
            int c = b[k];
            if (c < 0) {
                ascii = false;
            } else if (c == 0) {
                nul = true;
            } else if (control(c)) {
                control++;
            }
        }
        sawNul = nul;
        if (nul || control >= 2) {
            binary();
        } else if (ascii) {
            text(new String(b, 0, len, StandardCharsets.ISO_8859_1));
        } else {
            try {
                strictUtf8.reset();
                text(strictUtf8.decode(ByteBuffer.wrap(b, 0, len)).toString());
            } catch (CharacterCodingException e) {
                text(new String(b, 0, len, WINDOWS_1252));
                fallback = true;
            }
        }
    }

    /**
     * Decodes the UTF-16 units in {@code len} bytes of a line.
     *
     * @param odd    a byte was left over at the end of the input (half a unit): it reads as U+FFFD
     * @param cut    the line was cut at the line cap: a surrogate pair cut in two at its end is dropped
     * @param strict unpaired surrogates read as U+FFFD and a byte-order mark at the start is dropped (bytes of a
     *               file); false for text already decoded by the caller, kept as it is
     */
    void wide(LineEncoding enc, byte[] b, int len, boolean odd, boolean cut, boolean strict) {
        fallback = false;
        int n = len / 2;
        if (chars.length < n + 1) {
            chars = new char[Math.max(n + 1, chars.length * 2)];
        }
        boolean nul = false;
        int control = 0;
        int out = 0;
        for (int k = 0; k < n; k++) {
            char c = enc.unit(b[2 * k] & 0xff, b[2 * k + 1] & 0xff);
            if (c == 0) {
                nul = true;
            } else if (control(c)) {
                control++;
            }
            chars[out++] = c;
        }
        if (cut && out > 0 && Character.isHighSurrogate(chars[out - 1])) {
            out--;
        }
        if (odd) {
            chars[out++] = '\uFFFD';
        }
        sawNul = nul;
        if (nul || control >= 2) {
            binary();
            return;
        }
        int from = 0;
        if (strict) {
            replaceUnpairedSurrogates(out);
            if (out > 0 && chars[0] == '\uFEFF') {
                from = 1;
            }
        }
        text(new String(chars, from, out - from));
    }

    private void replaceUnpairedSurrogates(int n) {
        for (int k = 0; k < n; k++) {
            char c = chars[k];
            if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(chars[k + 1])) {
                k++;
            } else if (Character.isSurrogate(c)) {
                chars[k] = '\uFFFD';
            }
        }
    }

    /** Tab, form feed and ESC are common in text (ESC colours console output); other C0 controls are not. */
    /** A control character that marks binary content (tab, form feed and ESC occur in text logs; NUL apart). */
    private static boolean control(int c) {
        return (c < 0x20 && c != '\t' && c != 0x0C && c != 0x1B) || c == 0x7F;
    }

    /** A line of printable ASCII: text, its {@code String} left to be made from the bytes ({@link LogLines#text()}). */
    void plain() {
        text = null;
        kind = Kind.TEXT;
        fallback = false;
        sawNul = false;
    }

    void nulOnly() {
        text = "";
        kind = Kind.NUL;
    }

    private void binary() {
        text = "";
        kind = Kind.BINARY;
    }

    private void text(String t) {
        text = t;
        kind = Kind.TEXT;
    }
}
