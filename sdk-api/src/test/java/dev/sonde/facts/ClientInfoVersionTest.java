package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ClientInfo#compareVersion} reads versions by hand exactly as {@code split("[^0-9]+")} cut them. */
class ClientInfoVersionTest {

    @Test
    void comparesAsTheRegexSplitDid() {
        Random random = new Random(12);
        String alphabet = "0123456789..-v x";
        for (int n = 0; n < 20_000; n++) {
            String a = randomVersion(random, alphabet);
            String b = randomVersion(random, alphabet);
            assertThat(Integer.signum(client(a).compareVersion(b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(byRegex(a, b)));
        }
    }

    @Test
    void examples() {
        assertThat(client("4.3.68.0").compareVersion("4.3.68")).isZero();
        assertThat(client("4.3.68.0").compareVersion("4.3.100")).isNegative();
        assertThat(client("v4.3").compareVersion("4.3")).as("a leading non-digit is an empty first part").isNegative();
        assertThat(client("9999999999999").compareVersion("99999999999999")).as("over 12 digits: the largest").isZero();
        assertThat(client("").compareVersion("1")).as("unknown").isZero();
    }

    private static ClientInfo client(String version) {
        return new ClientInfo("GWSMO", "", version, LogTime.UNKNOWN, "", new Evidence("t.log", 1, ""));
    }

    private static String randomVersion(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(16); i > 0; i--) {
            s.append(random.nextInt(8) == 0 ? "1234567890123" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
        }
        return s.toString();
    }

    /** The comparison as it was written with the regex. */
    private static int byRegex(String version, String other) {
        if (version.isBlank()) {
            return 0;
        }
        String[] a = version.split("[^0-9]+");
        String[] b = other.split("[^0-9]+");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length && !a[i].isEmpty() ? parse(a[i]) : 0;
            long y = i < b.length && !b[i].isEmpty() ? parse(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static long parse(String digits) {
        return digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
