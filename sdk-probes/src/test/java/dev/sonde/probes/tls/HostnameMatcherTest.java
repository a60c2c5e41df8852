package dev.sonde.probes.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sonde.testsupport.net.NetGenerators;
import dev.sonde.testsupport.net.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6125 name matching: exact names, one-label wildcards, IP addresses, and the CN fallback. */
class HostnameMatcherTest {

    @Test
    void exactNamesMatchIgnoringCaseAndATrailingDot() {
        assertThat(HostnameMatcher.matchesName("mail.google.com", "mail.google.com")).isTrue();
        assertThat(HostnameMatcher.matchesName("MAIL.Google.com.", "mail.google.COM")).isTrue();
        assertThat(HostnameMatcher.matchesName("mail.google.com", "google.com")).isFalse();
    }

    @Test
    void wildcardsStandForExactlyOneLeftMostLabel() {
        assertThat(HostnameMatcher.matchesName("mail.google.com", "*.google.com")).isTrue();
        assertThat(HostnameMatcher.matchesName("google.com", "*.google.com")).isFalse();
        assertThat(HostnameMatcher.matchesName("a.mail.google.com", "*.google.com")).isFalse();
        assertThat(HostnameMatcher.matchesName("mail.google.com", "m*.google.com")).isFalse(); // partial wildcard
        assertThat(HostnameMatcher.matchesName("mail.google.com", "mail.*.com")).isFalse();
        assertThat(HostnameMatcher.matchesName("google.com", "*.com")).isFalse();
        assertThat(HostnameMatcher.matchesName("x.com", "*.com")).isFalse(); // too broad to honour
        assertThat(HostnameMatcher.matchesName("mail.google.com", "*")).isFalse();
    }

    @Test
    void wildcardPropertyHoldsForAnyNames() {
        qt().withExamples(300)
                .forAll(NetGenerators.dnsLabels(), NetGenerators.dnsLabels(), NetGenerators.domains())
                .checkAssert((label, extra, domain) -> {
                    assertThat(HostnameMatcher.matchesName(label + "." + domain, "*." + domain)).isTrue();
                    assertThat(HostnameMatcher.matchesName(extra + "." + label + "." + domain, "*." + domain)).isFalse();
                    assertThat(HostnameMatcher.matchesName(domain, "*." + domain)).isFalse();
                    assertThat(HostnameMatcher.matchesName(label + "." + domain, label + "." + domain)).isTrue();
                });
    }

    @Test
    void addressesMatchOnlyIpAlternativeNames() {
        Instant now = Instant.now();
        TestPki.Issued root = TestPki.selfSigned("CN=Matcher Test Root", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        X509Certificate ipLeaf = TestPki.leaf(root, "CN=127.0.0.1", now, now.plus(Duration.ofDays(1)), List.of("localhost"),
                List.of("127.0.0.1", "::1"), null, null).certificate();
        X509Certificate nameOnly = TestPki.leaf(root, "CN=127.0.0.1", now, now.plus(Duration.ofDays(1)), List.of("localhost"),
                List.of(), null, null).certificate();

        assertThat(HostnameMatcher.matches("127.0.0.1", ipLeaf)).isTrue();
        assertThat(HostnameMatcher.matches("::1", ipLeaf)).isTrue();
        assertThat(HostnameMatcher.matches("[0:0:0:0:0:0:0:1]", ipLeaf)).isTrue();
        assertThat(HostnameMatcher.matches("127.0.0.2", ipLeaf)).isFalse();
        // a CN that looks like the address is not an iPAddress name
        assertThat(HostnameMatcher.matches("127.0.0.1", nameOnly)).isFalse();
    }

    @Test
    void commonNameCountsOnlyWithoutAnyDnsName() {
        Instant now = Instant.now();
        TestPki.Issued root = TestPki.selfSigned("CN=Matcher Test Root", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        X509Certificate cnOnly = TestPki.leaf(root, "CN=*.googleapis.com", now, now.plus(Duration.ofDays(1)), List.of(),
                List.of("127.0.0.1"), null, null).certificate();
        X509Certificate withSan = TestPki.leaf(root, "CN=www.googleapis.com", now, now.plus(Duration.ofDays(1)),
                List.of("oauth2.googleapis.com"), List.of(), null, null).certificate();

        assertThat(HostnameMatcher.matches("www.googleapis.com", cnOnly)).isTrue();
        assertThat(HostnameMatcher.matches("www.googleapis.com", withSan)).isFalse();
        assertThat(HostnameMatcher.matches("oauth2.googleapis.com", withSan)).isTrue();
    }
}
