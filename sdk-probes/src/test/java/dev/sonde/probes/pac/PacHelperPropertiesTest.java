package dev.sonde.probes.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code shExpMatch} and {@code isInNet} against independent reference implementations: a regular expression
 * built from the shell pattern, and a CIDR check on the addresses' bit strings. Checked on the Java helpers
 * directly (many examples) and through the sandbox, as a script calls them.
 */
class PacHelperPropertiesTest {

    /** Text over a small alphabet, so that patterns often match. */
    private static Gen<String> texts() {
        return strings().betweenCodePoints('a', 'c').ofLengthBetween(0, 10).map(s -> s.replace('c', '.'));
    }

    /** Patterns over the same alphabet with {@code *} and {@code ?}. */
    private static Gen<String> patterns() {
        return strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 8)
                .map(s -> s.replace('c', '.').replace('d', '*').replace('e', '?'));
    }

    /** The reference: the shell pattern as a regular expression, as Mozilla's helper builds it. */
    static boolean referenceGlob(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    /** The reference: the first {@code prefix} bits of both addresses' 32-bit strings are equal. */
    static boolean referenceCidr(long address, long network, int prefix) {
        String a = bits(address);
        String n = bits(network);
        return a.substring(0, prefix).equals(n.substring(0, prefix));
    }

    private static String bits(long v) {
        String b = Long.toBinaryString(v);
        return "0".repeat(32 - b.length()) + b;
    }

    private static String dotted(long v) {
        return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
    }

    private static Gen<Long> addresses() {
        return integers().all().map(i -> i & 0xffffffffL);
    }

    @Test
    void shExpMatchAgreesWithTheRegularExpressionReference() {
        qt().withExamples(3000).forAll(texts(), patterns())
                .checkAssert((text, pattern) -> assertThat(ShellGlob.matches(text, pattern))
                        .as("shExpMatch(%s, %s)", text, pattern).isEqualTo(referenceGlob(text, pattern)));
    }

    @Test
    void aTextMadeFromThePatternMatchesIt() {
        qt().withExamples(1000).forAll(patterns(), texts(), texts()).checkAssert((pattern, fillA, fillB) -> {
            StringBuilder text = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                text.append(c == '*' ? fillA : c == '?' ? (fillB.isEmpty() ? "x" : fillB.substring(0, 1)) : String.valueOf(c));
            }
            assertThat(ShellGlob.matches(text.toString(), pattern)).as("%s ~ %s", text, pattern).isTrue();
        });
    }

    @Test
    void isInNetAgreesWithTheCidrReference() {
        qt().withExamples(3000).forAll(addresses(), addresses(), integers().between(0, 32))
                .checkAssert((address, network, prefix) -> assertThat(IpMatch.inNet(
                        IpMatch.ipv4(dotted(address)).orElseThrow(), dotted(network), dotted(mask(prefix))))
                        .as("isInNet(%s, %s, /%s)", dotted(address), dotted(network), prefix)
                        .isEqualTo(referenceCidr(address, network, prefix)));
    }

    @Test
    void theSandboxedHelpersAgreeWithTheReferencesToo() throws PacException {
        PacScript script = PacScript.compile("""
                function FindProxyForURL(url, host) {
                  var a = url.split(' ');
                  var glob = shExpMatch(a[0], a[1]);
                  var net = isInNet(a[2], a[3], a[4]);
                  return (glob ? 'PROXY glob:1' : 'PROXY noglob:1') + '; ' + (net ? 'PROXY net:1' : 'PROXY nonet:1');
                }""", "properties.pac", PacScriptTest.options().totalTimeout(Duration.ofMinutes(2)).build());
        Gen<String[]> globs = texts().zip(patterns(), (t, p) -> new String[] {t.isEmpty() ? "a" : t, p.isEmpty() ? "*" : p});
        qt().withExamples(150).forAll(globs, addresses(), addresses(), integers().between(0, 32))
                .checkAssert((glob, address, network, prefix) -> {
                    String args = String.join(" ", glob[0], glob[1], dotted(address), dotted(network), dotted(mask(prefix)));
                    String written = evaluate(script, args);
                    assertThat(written).as(args).isEqualTo((referenceGlob(glob[0], glob[1]) ? "PROXY glob:1" : "PROXY noglob:1")
                            + "; " + (referenceCidr(address, network, prefix) ? "PROXY net:1" : "PROXY nonet:1"));
                });
    }

    private static String evaluate(PacScript script, String args) {
        try {
            return script.evaluate(args, "x").written();
        } catch (PacException e) {
            throw new AssertionError(e.reason() + ": " + e.detail(), e);
        }
    }
}
