package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The trace reader's byte-level date-time check ({@link IsoTime#isDateTime(byte[], int)}) answers as the character
 * one, and as {@link java.time.LocalDateTime} would: on dates with one character changed anywhere (a digit, a
 * separator, a letter, a byte above ASCII), at any offset in a line.
 */
class IsoTimeTest {

    private static final List<String> DATES = List.of("2024-03-05T09:15:22.481", "2024-02-29T23:59:59,1", "2023-02-29T00:00:00",
            "1999-12-31 23:59:59.000", "2024-04-31t12:00:00.5", "2024-13-01T00:00:00.0", "0000-01-01T00:00:00.0");

    @Test
    void bytesAnswerAsCharactersDo() {
        List<Character> replacements = List.of('0', '1', '2', '3', '5', '9', '/', ':', '-', 'T', ' ', '.', ',', 'a', '\u00e9', '\t');
        qt().withExamples(20_000)
                .forAll(Generate.pick(DATES), integers().between(0, 23), Generate.pick(replacements), integers().between(0, 5))
                .checkAssert((date, at, c, pad) -> {
                    String changed = new StringBuilder(date + "+01:00 0f3c I:x").replace(at, at + 1, String.valueOf(c)).toString();
                    String line = "x".repeat(pad) + changed;
                    byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
                    assertThat(IsoTime.isDateTime(b, pad)).as(changed).isEqualTo(IsoTime.isDateTime(changed, 0));
                });
    }

    @Test
    void checksTheCalendar() {
        byte[] leap = "2024-02-29T00:00:00.000Z 0001 I:x".getBytes(StandardCharsets.US_ASCII);
        byte[] notLeap = "2023-02-29T00:00:00.000Z 0001 I:x".getBytes(StandardCharsets.US_ASCII);
        byte[] badCentury = "2x24-01-01T00:00:00.000Z 0001 I:x".getBytes(StandardCharsets.US_ASCII);
        assertThat(IsoTime.isDateTime(leap, 0)).isTrue();
        assertThat(IsoTime.isDateTime(notLeap, 0)).isFalse();
        assertThat(IsoTime.isDateTime(badCentury, 0)).isFalse();
    }
}
