package dev.sonde.testsupport.net;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.quicktheories.core.Gen;

/** QuickTheories generators for the network probes' properties (host names; the proxy challenges' generators are with {@code dev.sonde.net.AuthChallengesTest} in sdk-api). */
public final class NetGenerators {

    private NetGenerators() {
    }

    /** One DNS label: 1 to 12 of {@code a-z0-9}, inner hyphens allowed. */
    public static Gen<String> dnsLabels() {
        Gen<String> core = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
        Gen<String> digits = strings().betweenCodePoints('0', '9').ofLengthBetween(0, 2);
        return core.zip(digits, integers().between(0, 3), (c, d, hyphen) -> hyphen == 0 && c.length() > 1
                ? c.charAt(0) + "-" + c.substring(1) + d : c + d);
    }

    /** A domain of 2 to 4 labels ({@code example.com}, {@code a.b.example.com}). */
    public static Gen<String> domains() {
        return lists().of(dnsLabels()).ofSizeBetween(2, 4).map(labels -> String.join(".", labels));
    }

    /** A name's spelling in random letter case. */
    public static Gen<String> randomCase(Gen<String> names) {
        return names.zip(integers().all(), (name, seed) -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                b.append(((seed >>> (i % 31)) & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            return b.toString();
        });
    }
}
