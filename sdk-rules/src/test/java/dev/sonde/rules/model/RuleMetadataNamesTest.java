package dev.sonde.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written id and message-name checks say what the regular expressions they replace say. */
class RuleMetadataNamesTest {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern MESSAGE = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    @Test
    void knownCases() {
        for (String s : List.of("", "A", "CLOCK_SKEW", "A_1", "A1_B2_C3", "_A", "A_", "A__B", "a", "Clock", "CLOCK-SKEW",
                "live", "liveCheck2", "Live", "9live", "a" + "b".repeat(39), "a" + "b".repeat(40), "li ve", "É")) {
            assertEquals(ID.matcher(s).matches(), RuleMetadata.isId(s), "id " + s);
            assertEquals(MESSAGE.matcher(s).matches(), RuleMetadata.isMessageName(s), "message " + s);
        }
    }

    @Test
    void sameAsTheRegexOnGeneratedNames() {
        qt().forAll(strings().betweenCodePoints('0', 'z').ofLengthBetween(0, 45)).checkAssert(s -> {
            assertEquals(ID.matcher(s).matches(), RuleMetadata.isId(s), "id " + s);
            assertEquals(MESSAGE.matcher(s).matches(), RuleMetadata.isMessageName(s), "message " + s);
        });
        // digits, upper case and '_' (and a few signs): ids, near-ids and runs of '_'
        qt().forAll(strings().betweenCodePoints('0', '_').ofLengthBetween(0, 12)).checkAssert(s ->
                assertEquals(ID.matcher(s).matches(), RuleMetadata.isId(s), "id " + s));
    }
}
