package dev.sonde.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Reading the schemes out of {@code Proxy-Authenticate}, one challenge per header or several per header, as a
 * probe reads a proxy's answer and a log reader a logged copy of one; quoted strings with escapes; linear time.
 */
class AuthChallengesTest {

    /** The authentication schemes an authenticated proxy offers, as canonically spelled. */
    private static final List<String> PROXY_SCHEMES = List.of("Basic", "Digest", "NTLM", "Negotiate");
    private static final Duration LIMIT = Duration.ofSeconds(1);

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
    void anEscapedQuoteDoesNotEndAQuotedString() {
        assertThat(AuthChallenges.schemes("Basic realm=\"a\\\"b\", Negotiate, NTLM")).containsExactly("Basic", "Negotiate", "NTLM");
        assertThat(AuthChallenges.schemes("Basic realm=\"a\\\\\", Negotiate")).containsExactly("Basic", "Negotiate");
        assertThat(AuthChallenges.schemes("Basic realm=\"a, \\\"Kerberos, b\", NTLM")).containsExactly("Basic", "NTLM");
    }

    @Test
    void aLoggedValueReadsAsTheHeader() {
        // the rest of a log line after "Proxy-Authenticate:" (sdk-logs' ProxyEventDecoder)
        assertThat(AuthChallenges.schemes(List.of(" Basic realm=\"Corp, Inc\", charset=\"UTF-8\"", " negotiate", " Kerberos")))
                .containsExactly("Basic", "Negotiate", "Kerberos");
        assertThat(AuthChallenges.schemes(" Bearer realm=\"x\"")).containsExactly("Bearer");
    }

    @Test
    void anySchemeSetReadsBackInOrderHoweverItIsSplitAndSpelled() {
        qt().withExamples(300)
                .forAll(schemeSets(), booleans().all(), integers().all())
                .checkAssert((schemes, oneHeader, seed) -> {
                    List<String> challenges = new ArrayList<>();
                    for (int i = 0; i < schemes.size(); i++) {
                        String s = schemes.get(i);
                        String spelled = ((seed >>> i) & 1) == 1 ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
                        challenges.add(challenge(s, spelled));
                    }
                    List<String> headers = oneHeader ? List.of(String.join(", ", challenges)) : challenges;

                    assertThat(AuthChallenges.schemes(headers)).isEqualTo(schemes);
                });
    }

    @Test
    void anyQuotedRealmIsPassedOverWhateverItHolds() {
        Gen<String> realms = strings().betweenCodePoints(0, 7).ofLengthBetween(0, 16)
                .map(s -> s.chars().mapToObj(c -> String.valueOf("\"\\, =aN;".charAt(c))).reduce("", String::concat));
        qt().withExamples(500).forAll(schemeSets(), lists().of(realms).ofSize(6)).checkAssert((schemes, realm) -> {
            List<String> challenges = new ArrayList<>();
            for (int i = 0; i < schemes.size(); i++) {
                challenges.add(schemes.get(i) + " realm=" + quoted(realm.get(i)) + ", charset=" + quoted(realm.get(5 - i)));
            }

            assertThat(AuthChallenges.schemes(String.join(", ", challenges))).isEqualTo(schemes);
        });
    }

    @Test
    void hostileValuesAreReadInLinearTime() {
        for (String run : List.of("\"", "\\", "\\\"", ",", " ", "=", "a", "a ", "a=", "a,", "\"a\\\",", "Basic realm=\"", ", ,")) {
            for (String text : List.of(run.repeat(64 * 1024 / run.length()), "Basic " + run.repeat(64 * 1024 / run.length()) + "\"")) {
                assertTimeoutPreemptively(LIMIT, () -> AuthChallenges.schemes(text), () -> "'" + text.substring(0, 20) + "...'");
            }
        }
    }

    /** A quoted-string (RFC 7230) holding {@code text}: quotes and backslashes escaped. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A non-empty, duplicate-free ordering of some of {@link #PROXY_SCHEMES}. */
    private static Gen<List<String>> schemeSets() {
        return lists().of(Generate.pick(PROXY_SCHEMES)).ofSizeBetween(1, 6).map(picked -> {
            List<String> out = new ArrayList<>();
            picked.stream().filter(s -> !out.contains(s)).forEach(out::add);
            return out;
        });
    }

    /** A realistic challenge for {@code scheme}, with parameters where the scheme has them. */
    private static String challenge(String scheme, String spelledAs) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> spelledAs + " realm=\"Corp, Proxy\", charset=\"UTF-8\"";
            case "digest" -> spelledAs + " realm=\"corp\", nonce=\"dcd98b7102dd2f0e\", qop=\"auth,auth-int\", algorithm=MD5";
            default -> spelledAs;
        };
    }
}
