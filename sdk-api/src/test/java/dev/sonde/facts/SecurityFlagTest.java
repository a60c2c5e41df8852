package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SecurityFlagTest {

    @Test
    void decodesTheArticleBitmasks() {
        assertThat(SecurityFlag.decode(0x00000009)).containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
        assertThat(SecurityFlag.decode(0x00000001)).containsExactly(SecurityFlag.CERT_REV_FAILED);
        assertThat(SecurityFlag.decode(0x80000020L)).containsExactlyInAnyOrder(SecurityFlag.CERT_DATE_INVALID, SecurityFlag.SECURITY_CHANNEL_ERROR);
        assertThat(SecurityFlag.decode(0)).isEmpty();
    }

    @Test
    void encodeInvertsDecodeOnKnownBits() {
        long known = SecurityFlag.encode(EnumSet.allOf(SecurityFlag.class));
        qt().forAll(longs().between(0, 0xFFFFFFFFL)).checkAssert(mask ->
                assertThat(SecurityFlag.encode(SecurityFlag.decode(mask))).isEqualTo(mask & known));
    }

    @Test
    void readsLoggedNames() {
        assertThat(SecurityFlag.fromName("WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA")).contains(SecurityFlag.INVALID_CA);
        assertThat(SecurityFlag.fromName("cert_rev_failed")).contains(SecurityFlag.CERT_REV_FAILED);
        assertThat(SecurityFlag.fromName("WINHTTP_CALLBACK_STATUS_FLAG_SOMETHING_ELSE")).isEmpty();
    }
}
