package dev.sonde.rules.trust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.rules.pack.PackData;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The signed statement is unambiguous: whatever the names (control characters, quotes, backslashes, non-ASCII,
 * text that looks like another entry), a JSON reader gets back exactly the id, version and files it was made of —
 * so two different packs never have the same statement.
 */
class SignedStatementTest {

    /** Characters that have broken line- or quote-based encodings: newline, quote, backslash, separators, non-ASCII. */
    private static final String ALPHABET = "ab./ \n\r\t\"\\:,{}[]\u0000\u001b\u2028é漢0123456789";

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12) + 1; i > 0; i--) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void aStatementReadsBackAsExactlyWhatItWasMadeOf() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                byte[] sha = new byte[32];
                r.nextBytes(sha);
                files.put(name(r), sha);
            }
            String id = name(r);
            String version = name(r);
            String statement = SignedStatement.of(PackSignature.FORMAT, id, version, files);

            assertThat(statement).as("one line of printable ASCII").matches("[\\x20-\\x7e]*");
            JsonNode n = read(statement);
            assertThat(n.path("format").asText()).isEqualTo("sonde-pack-signature/2");
            assertThat(n.path("pack").path("id").asText()).isEqualTo(id);
            assertThat(n.path("pack").path("version").asText()).isEqualTo(version);
            Map<String, String> back = new TreeMap<>();
            n.path("files").forEach(f -> back.put(f.path("path").asText(), f.path("sha256").asText()));
            Map<String, String> expected = new TreeMap<>();
            files.forEach((k, v) -> expected.put(k, HexFormat.of().formatHex(v)));
            assertThat(back).isEqualTo(expected);
            assertThat(n.path("files")).hasSize(files.size());
        });
    }

    @Test
    void theNewlineNameOfFormatOneNoLongerReproducesAnotherPacksList() {
        byte[] shaA = new byte[32];
        byte[] shaB = new byte[32];
        shaB[0] = 1;
        String hexB = HexFormat.of().formatHex(shaB);
        String withB = SignedStatement.of(PackSignature.FORMAT, "acme", "1", Map.of("a.drl", shaA, "b.drl", shaB));
        String forged = SignedStatement.of(PackSignature.FORMAT, "acme", "1", Map.of("a.drl\n" + hexB + "  b.drl", shaA));
        assertThat(forged).isNotEqualTo(withB).contains("\"a.drl\\u000a" + hexB + "  b.drl\"");
    }

    private static JsonNode read(String json) {
        try {
            return PackData.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
