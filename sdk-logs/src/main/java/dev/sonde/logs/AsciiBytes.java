package dev.sonde.logs;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a plain ASCII line ({@link LogLines#plain()}) seen as characters, one per byte, without making a
 * {@code String}: the reader asks {@link TraceLogFormat#messageStart} of every line through it. Reused line after
 * line; valid until the bytes change.
 */
final class AsciiBytes implements CharSequence {

    private byte[] bytes = new byte[0];
    private int length;

    /** Shows the first {@code length} bytes of {@code bytes}. */
    AsciiBytes of(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return (char) (bytes[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
