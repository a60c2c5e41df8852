package dev.sonde.testsupport.net;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the network probes' properties (host names, proxy challenges). */
public final class NetGenerators {

    /** The authentication schemes an authenticated proxy offers, as canonically spelled. */
    public static final List<String> PROXY_SCHEMES = List.of("Basic", "Digest", "NTLM", "Negotiate");

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

    /** A non-empty, duplicate-free ordering of some of {@link #PROXY_SCHEMES}. */
    public static Gen<List<String>> schemeSets() {
        return lists().of(Generate.pick(PROXY_SCHEMES)).ofSizeBetween(1, 6).map(picked -> {
            List<String> out = new ArrayList<>();
            picked.stream().filter(s -> !out.contains(s)).forEach(out::add);
            return out;
        });
    }

    /** A realistic challenge for {@code scheme}, with parameters where the scheme has them. */
    public static String challenge(String scheme, String spelledAs) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> spelledAs + " realm=\"Corp, Proxy\", charset=\"UTF-8\"";
            case "digest" -> spelledAs + " realm=\"corp\", nonce=\"dcd98b7102dd2f0e\", qop=\"auth,auth-int\", algorithm=MD5";
            case "negotiate" -> spelledAs;
            default -> spelledAs;
        };
    }
}
