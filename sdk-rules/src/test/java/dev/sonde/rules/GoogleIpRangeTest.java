package dev.sonde.rules;

import dev.sonde.SondeException;
import dev.sonde.rules.model.GoogleIpRange;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** Google's address blocks (data section {@code googleIpRanges}): CIDR matching for IPv4 and IPv6 literals, never DNS. */
class GoogleIpRangeTest {

    @Test
    void addressesInsideAndOutsideABlock() {
        GoogleIpRange v4 = GoogleIpRange.of("142.250.0.0/15");
        assertThat(v4.covers("142.250.190.74")).isTrue();
        assertThat(v4.covers("142.251.255.255")).isTrue();
        assertThat(v4.covers("142.252.0.0")).isFalse();
        assertThat(v4.covers("142.249.255.255")).isFalse();
        assertThat(v4.covers("2607:f8b0::1")).isFalse();
        assertThat(v4.covers("www.google.com")).as("a name is never resolved").isFalse();
        assertThat(v4.covers("142.250.1.300")).isFalse();
        assertThat(v4.covers(null)).isFalse();

        GoogleIpRange v6 = GoogleIpRange.of("2607:f8b0::/32");
        assertThat(v6.covers("2607:f8b0:4005:80b::200a")).isTrue();
        assertThat(v6.covers("[2607:f8b0:4005:80b::200a]")).isTrue();
        assertThat(v6.covers("2607:f8b1::1")).isFalse();
        assertThat(v6.covers("142.250.190.74")).isFalse();
        assertThat(v6.covers("not:an:address")).isFalse();
    }

    @Test
    void everyAddressOfAnIpv4BlockIsCoveredAndTheNeighboursAreNot() {
        GoogleIpRange block = GoogleIpRange.of("216.58.192.0/19");
        long first = (216L << 24) | (58L << 16) | (192L << 8);
        qt().forAll(integers().between(-1000, 8191 + 1000)).checkAssert(offset -> {
            long a = first + offset;
            String ip = (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
            assertThat(block.covers(ip)).as(ip).isEqualTo(offset >= 0 && offset < 8192);
        });
    }

    @Test
    void badBlocksInADataFileSayWhichAndWhy() {
        for (String bad : List.of("142.250.0.0", "142.250.0.0/33", "2607:f8b0::/129", "google.com/16", "1.2.3.4/x")) {
            assertThatThrownBy(() -> RulePack.readData("google-ip-ranges.json",
                    "{\"googleIpRanges\": [{\"prefix\": \"8.8.8.0/24\"}, {\"prefix\": \"" + bad + "\"}]}"))
                    .as(bad).isInstanceOf(SondeException.class)
                    .hasMessageStartingWith("google-ip-ranges.json: googleIpRanges[1]: ");
        }
    }

    @Test
    void theBuiltInPackShipsGooglesBlocks() {
        List<GoogleIpRange> ranges = RulePack.builtIn().data().stream()
                .filter(GoogleIpRange.class::isInstance).map(GoogleIpRange.class::cast).toList();
        assertThat(ranges).hasSizeGreaterThan(10);
        assertThat(ranges).anySatisfy(r -> assertThat(r.covers("142.250.190.74")).isTrue());
        assertThat(ranges).noneSatisfy(r -> assertThat(r.covers("10.40.12.9")).isTrue());
    }
}
