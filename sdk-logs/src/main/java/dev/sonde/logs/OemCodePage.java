package dev.sonde.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a Windows command's saved output is in the console's OEM code page. {@code netsh}, {@code reg} and
 * {@code certutil} write to a console, and {@code cmd}'s {@code >} saves those bytes as they are: code page 850 on
 * French, German and most Western European Windows (437 in the US, where the outputs are ASCII). There {@code é} is
 * byte 0x82 and {@code ü} 0x81, which Windows-1252, the logs' fallback, reads as {@code ‚} and nothing, so a
 * localized label such as {@code Activé} or {@code Zugriff über} would be missed.
 *
 * <p>The test: no byte-order mark, no NUL byte (UTF-16), not valid UTF-8, and more bytes in 0x80–0x9F (where CP850
 * has its accented small letters and Windows-1252 only rare punctuation) than in 0xA0–0xFF (where Windows-1252 has
 * its accented letters). Linear, one pass. Used by the reader of saved outputs and by {@code sonde collect}, which
 * writes the outputs it runs as UTF-8.
 */
public final class OemCodePage {

    /** Code page 850 (Western Europe), the OEM code page of the languages whose labels Sonde reads. */
    public static final String NAME = "IBM850";

    private OemCodePage() {
    }

    /** The charset to decode {@code bytes} with when they look like OEM text, if the JDK has it. */
    public static Optional<Charset> of(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB)) {
            return Optional.empty();
        }
        int low = 0;
        int high = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == 0) {
                return Optional.empty();
            }
            if (v >= 0x80 && v <= 0x9F) {
                low++;
            } else if (v >= 0xA0) {
                high++;
            }
        }
        if (low == 0 || low <= high || utf8(bytes) || !Charset.isSupported(NAME)) {
            return Optional.empty();
        }
        return Optional.of(Charset.forName(NAME));
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
