package dev.sonde.logs.host;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * One value line of {@code reg query} output, with the key printed above it.
 *
 * @param key     the key's path in lower case ({@code hkey_current_user\software\...\internet settings}), no
 *                trailing {@code \}
 * @param keyLine the line number of that key line: two printings of one key (outputs concatenated) stay apart
 * @param name    the value's name as printed ({@code ProxyEnable}); value names are never translated
 * @param type    its type ({@code REG_DWORD}, {@code REG_SZ} ...)
 * @param data    its data as printed, stripped ({@code 0x1}, {@code proxy.corp.example:8080}), or {@code ""}
 * @param line    the 1-based line number of the value line
 * @param text    the value line as read
 */
record RegValue(String key, long keyLine, String name, String type, String data, long line, String text) {

    /** Longest DWORD or QWORD text read, in hex digits after {@code 0x}. */
    private static final int MAX_HEX_DIGITS = 16;

    /** True when the value is called {@code name}, in any case. */
    boolean named(String name) {
        return this.name.equalsIgnoreCase(name);
    }

    /** The number a {@code REG_DWORD} or {@code REG_QWORD} holds ({@code 0x1}, or decimal); empty for other text. */
    OptionalLong number() {
        String d = data.toLowerCase(Locale.ROOT);
        boolean hex = d.startsWith("0x");
        String digits = hex ? d.substring(2) : d;
        if (digits.isEmpty() || digits.length() > MAX_HEX_DIGITS) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(digits, hex ? 16 : 10));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Byte {@code index} of a {@code REG_BINARY} value printed as hex digits ({@code 460000000B000000...}), or -1
     * when the data is shorter or not hex there.
     */
    int binaryByte(int index) {
        int at = 2 * index;
        if (at + 2 > data.length()) {
            return -1;
        }
        int hi = Character.digit(data.charAt(at), 16);
        int lo = Character.digit(data.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
