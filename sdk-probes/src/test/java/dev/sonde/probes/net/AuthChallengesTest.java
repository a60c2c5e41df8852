package dev.sonde.probes.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.sonde.testsupport.net.NetGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reading the schemes out of {@code Proxy-Authenticate}, one challenge per header or several per header. */
class AuthChallengesTest {

    @Test
    void oneChallengePerHeader() {
        assertThat(AuthChallenges.schemes(List.of("Negotiate", "NTLM", "Basic realm=\"corp proxy\""))).containsExactly(
                "Negotiate", "NTLM", "Basic");
    }

    @Test
    void severalChallengesInOneHeaderWithParametersBetween() {
        String header = "Digest realm=\"corp\", nonce=\"a,b\", qop=\"auth\", Basic realm=\"x, y\", NTLM, Negotiate";

        assertThat(AuthChallenges.schemes(List.of(header))).containsExactly("Digest", "Basic", "NTLM", "Negotiate");
    }

    @Test
    void schemesAreCaseNormalisedAndListedOnce() {
        assertThat(AuthChallenges.schemes(List.of("ntlm", "NEGOTIATE", "basic realm=a", "Ntlm", "Bearer", "X-Custom a=b")))
                .containsExactly("NTLM", "Negotiate", "Basic", "Bearer", "X-Custom");
    }

    @Test
    void tokensAndSpacedParametersAreNotSchemes() {
        // a Negotiate token68 ending in '=' and an auth-param written "name = value"
        assertThat(AuthChallenges.schemes(List.of("Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag==", "Basic realm = \"corp\", charset = x")))
                .containsExactly("Negotiate", "Basic");
        assertThat(AuthChallenges.schemes(List.of("", " , ", "realm=\"only params\""))).isEmpty();
    }

    @Test
    void anySchemeSetReadsBackInOrderHoweverItIsSplitAndSpelled() {
        qt().withExamples(300)
                .forAll(NetGenerators.schemeSets(), booleans().all(), integers().all())
                .checkAssert((schemes, oneHeader, seed) -> {
                    List<String> challenges = new ArrayList<>();
                    for (int i = 0; i < schemes.size(); i++) {
                        String s = schemes.get(i);
                        String spelled = ((seed >>> i) & 1) == 1 ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
                        challenges.add(NetGenerators.challenge(s, spelled));
                    }
                    List<String> headers = oneHeader ? List.of(String.join(", ", challenges)) : challenges;

                    assertThat(AuthChallenges.schemes(headers)).isEqualTo(schemes);
                });
    }
}
