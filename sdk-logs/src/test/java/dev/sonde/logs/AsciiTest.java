package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** {@link Ascii#lower} lowers A-Z and nothing else, on Latin-1 text and on text beyond it, keeping every index. */
class AsciiTest {

    @Test
    void lowersAtoZOnly() {
        List<Character> chars = List.of('A', 'Z', 'a', 'z', '@', '[', '0', ' ', '\u00c9', '\u00e9', '\u00ff', '\u0130', '\u212a',
                '\u0100', '\uFFFD', '\t');
        qt().withExamples(20_000).forAll(lists().of(Generate.pick(chars)).ofSizeBetween(0, 20)).checkAssert(list -> {
            StringBuilder in = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (char c : list) {
                in.append(c);
                expected.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            String text = in.toString();
            String lowered = Ascii.lower(text);
            assertThat(lowered).as(text).isEqualTo(expected.toString());
            if (text.contentEquals(expected)) {
                assertThat(lowered).as("text without A-Z is not copied").isSameAs(text);
            }
        });
    }
}
