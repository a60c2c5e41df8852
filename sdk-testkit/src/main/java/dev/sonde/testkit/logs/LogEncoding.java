package dev.sonde.testkit.logs;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How a log, or a region of it, is written to bytes: UTF-8 or UTF-16 in either byte order, with or without a byte-order mark. */
public enum LogEncoding {
    UTF_8(StandardCharsets.UTF_8, new byte[0]),
    UTF_8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    UTF_16LE(StandardCharsets.UTF_16LE, new byte[0]),
    UTF_16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
    UTF_16BE(StandardCharsets.UTF_16BE, new byte[0]),
    UTF_16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});

    private final Charset charset;
    private final byte[] bom;

    LogEncoding(Charset charset, byte[] bom) {
        this.charset = charset;
        this.bom = bom;
    }

    /** The name the reader reports for it ({@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE}). */
    public String label() {
        return charset.name();
    }

    public boolean utf16() {
        return charset != StandardCharsets.UTF_8;
    }

    /** The text in this encoding, without the byte-order mark. */
    public byte[] encode(String text) {
        return text.getBytes(charset);
    }

    /** The byte-order mark (empty when there is none). */
    public byte[] bom() {
        return bom.clone();
    }
}
