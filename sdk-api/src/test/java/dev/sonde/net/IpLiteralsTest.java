package dev.sonde.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link IpLiterals}: documented spellings, generated IPv4 and IPv6 literals read as the JDK reads them, never a
 * literal the JDK refuses, and linear time on hostile text. The JDK is only ever asked to parse a literal: a dotted
 * quad we accepted, or text in brackets (which {@link InetAddress#getByName} parses as IPv6 or refuses, never looks up).
 */
class IpLiteralsTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    @Test
    void privateAddressesAreTheRfc1918LinkLocalAndUniqueLocalBlocks() {
        for (String p : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.40.2",
                "169.254.10.1", "fd12:3456::1", "fc00::1", "fe80::1", "[fd00::8]", "::ffff:10.1.2.3")) {
            assertThat(IpLiterals.isPrivate(p)).as(p).isTrue();
        }
        for (String p : List.of("172.15.255.255", "172.32.0.1", "192.169.0.1", "11.0.0.1", "8.8.8.8", "127.0.0.1", "::1",
                "2607:f8b0::200a", "fec0::1", "proxy.corp.example", "10.0.0", "")) {
            assertThat(IpLiterals.isPrivate(p)).as(p).isFalse();
        }
    }

    @Test
    void dottedQuadsAndIpv6FormsAreLiterals() {
        for (String s : List.of("0.0.0.0", "127.0.0.1", "142.250.72.10", "255.255.255.255", "::", "::1", "1::", "2607:f8b0::200a",
                "2607:F8B0:4005:080C:0000:0000:0000:200A", "0:0:0:0:0:0:0:1", "1:2:3:4:5:6:7::", "::ffff:1.2.3.4", "::1.2.3.4",
                "1:2:3:4:5:6:1.2.3.4", "[::1]", "[2607:f8b0::200a]")) {
            assertThat(IpLiterals.isLiteral(s)).as(s).isTrue();
            assertThat(IpLiterals.parse(s)).as(s).isPresent();
        }
    }

    @Test
    void namesAndNearMissesAreNot() {
        for (String s : List.of("", "localhost", "www.google.com", "1.2.3", "127.1", "1.2.3.4.5", "256.1.1.1", "010.1.1.1", "1.2.3.",
                ".1.2.3", "1..2.3", "1.2.3.4 ", "[1.2.3.4]", "[::1", "::1]", "[]", ":", ":::", ":1::", "1:::2", "1::2::3", "12345::",
                "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.04",
                "::1.2.3.4:5", "fe80::1%eth0", "fe80::1%1", "g::1", "::1 ", "cafe:babe", "1.2.3.4:443")) {
            assertThat(IpLiterals.isLiteral(s)).as(s).isFalse();
            assertThat(IpLiterals.parse(s)).as(s).isEmpty();
        }
        assertThat(IpLiterals.isLiteral(null)).isFalse();
    }

    @Test
    void anIpv4MappedLiteralIsTheIpv4AddressAsTheJdkReadsIt() throws UnknownHostException {
        assertThat(IpLiterals.parse("::ffff:127.0.0.1")).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(IpLiterals.parse("[::1]").map(InetAddress::isLoopbackAddress)).contains(true);
    }

    @Test
    void hostPortBracketsIpv6AndLowerCases() {
        assertThat(IpLiterals.hostPort("2607:F8B0::200A", 443)).isEqualTo("[2607:f8b0::200a]:443");
        assertThat(IpLiterals.hostPort("[::1]", 8080)).isEqualTo("[::1]:8080");
        assertThat(IpLiterals.hostPort("WWW.Google.com", 443)).isEqualTo("www.google.com:443");
        assertThat(IpLiterals.hostPort("127.0.0.1", 80)).isEqualTo("127.0.0.1:80");
    }

    @Test
    void everyGeneratedIpv4LiteralReadsAsTheJdkReadsIt() {
        qt().forAll(lists().of(integers().between(0, 255)).ofSize(4)).checkAssert(parts -> {
            String text = parts.get(0) + "." + parts.get(1) + "." + parts.get(2) + "." + parts.get(3);
            byte[] bytes = {parts.get(0).byteValue(), parts.get(1).byteValue(), parts.get(2).byteValue(), parts.get(3).byteValue()};

            assertThat(IpLiterals.parse(text)).as(text).contains(jdk(text)).contains(byAddress(bytes));
        });
    }

    @Test
    void everyGeneratedIpv6LiteralInEverySpellingReadsAsTheJdkReadsIt() {
        qt().withExamples(1000).forAll(ipv6Groups(), integers().between(0, 4), integers().all()).checkAssert((groups, style, caseSeed) -> {
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[2 * i] = (byte) (groups.get(i) >>> 8);
                bytes[2 * i + 1] = groups.get(i).byteValue();
            }
            String text = spell(groups, style);
            text = (caseSeed & 1) == 1 ? text.toUpperCase(Locale.ROOT) : text;
            text = (caseSeed & 2) == 2 ? "[" + text + "]" : text;

            assertThat(IpLiterals.parse(text)).as(text).contains(jdk(text.startsWith("[") ? text : "[" + text + "]"))
                    .contains(byAddress(bytes));
        });
    }

    @Test
    void nothingTheJdkRefusesIsALiteral() {
        Gen<String> noise = strings().betweenCodePoints(0, 11).ofLengthBetween(0, 24)
                .map(s -> s.chars().mapToObj(c -> String.valueOf("0129af:.:[]."
                        .charAt(c))).reduce("", String::concat));
        qt().withExamples(3000).forAll(noise).checkAssert(text -> {
            Optional<InetAddress> ours = IpLiterals.parse(text);
            if (ours.isPresent()) { // a dotted quad or text with ':' in brackets: the JDK parses, never looks up
                String literal = text.indexOf(':') < 0 || text.startsWith("[") ? text : "[" + text + "]";
                assertThat(ours).as(text).contains(jdk(literal));
            }
        });
    }

    @Test
    void hostileTextIsReadInLinearTime() {
        List<String> texts = new ArrayList<>();
        for (String run : List.of(":", "::", "1:", "ffff:", "1.", "1.2.3.4:", "0", "f", ".", "[", "]", "1::1:", "%")) {
            texts.add(run.repeat(64 * 1024 / run.length()));
            texts.add("[" + run.repeat(64 * 1024 / run.length()) + "]");
            texts.add("::" + run.repeat(64 * 1024 / run.length()) + "x");
        }
        for (String text : texts) {
            assertTimeoutPreemptively(LIMIT, () -> IpLiterals.parse(text), () -> "'" + text.substring(0, 20) + "...'");
        }
    }

    /** Eight 16-bit groups, often zero (so that the "::" spellings have runs to compress). */
    private static Gen<List<Integer>> ipv6Groups() {
        Gen<Integer> group = integers().between(0, 3).zip(integers().between(0, 0xffff), (kind, v) -> kind == 0 ? v : kind == 1 ? v & 0xff : 0);
        return lists().of(group).ofSize(8);
    }

    /** Style 0: full with leading zeros; 1: as Inet6Address prints; 2: longest zero run as "::"; 3: first zero run as "::"; 4: last 32 bits as a dotted quad. */
    private static String spell(List<Integer> g, int style) {
        List<String> hex = g.stream().map(Integer::toHexString).toList();
        return switch (style) {
            case 0 -> String.join(":", g.stream().map(v -> String.format("%04x", v)).toList());
            case 1 -> String.join(":", hex);
            case 2, 3 -> compress(hex, g, style == 2);
            default -> String.join(":", hex.subList(0, 6)) + ":" + (g.get(6) >>> 8) + "." + (g.get(6) & 0xff) + "."
                    + (g.get(7) >>> 8) + "." + (g.get(7) & 0xff);
        };
    }

    private static String compress(List<String> hex, List<Integer> g, boolean longest) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g.get(j) == 0) {
                j++;
            }
            if (j - i > bestLength && (longest || bestStart < 0)) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", hex);
        }
        return String.join(":", hex.subList(0, bestStart)) + "::" + String.join(":", hex.subList(bestStart + bestLength, 8));
    }

    private static InetAddress jdk(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError("the JDK refuses " + literal, e);
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
