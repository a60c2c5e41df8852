package dev.sonde.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sonde.Source;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void removesOAuthTokensAndPasswords() {
        String line = "POST https://oauth2.googleapis.com/token refresh_token=1//0gAbCdEfGhIjKlMnOp&client_secret=s3cr3t "
                + "Authorization: Bearer ya29.a0AfH6SMBx-abc_DEF password=hunter2";
        String out = Redaction.redact(line);
        assertThat(out).doesNotContain("1//0gAbCdEfGhIjKlMnOp", "s3cr3t", "ya29.a0AfH6SMBx", "hunter2")
                .contains("oauth2.googleapis.com/token", "refresh_token=" + Redaction.MARK);
    }

    @Test
    void removesJsonStyleTokensAndProxyCredentials() {
        assertThat(Redaction.redact("{\"access_token\": \"abc.def-ghi\", \"expires_in\": 3599}"))
                .doesNotContain("abc.def-ghi").contains("expires_in");
        assertThat(Redaction.redact("Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA=="))
                .isEqualTo("Proxy-Authorization: " + Redaction.MARK);
    }

    @Test
    void keepsDiagnosticNumbersAndSchemes() {
        String line = "Error result 5, hr = 0x80072f8f. Code: 0x00002f8f Proxy-Authenticate: NTLM";
        assertThat(Redaction.redact(line)).isEqualTo(line);
        assertThat(Redaction.redact("Proxy-Authenticate: Basic realm=\"corp\"")).isEqualTo("Proxy-Authenticate: Basic realm=\"corp\"");
    }

    @Test
    void sourceTextIsAlwaysRedactedAndClipped() {
        qt().withExamples(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 1500)).checkAssert(noise -> {
            Source s = new Source("f.log", 1, noise + " ya29.SECRETTOKEN password=pw " + noise);
            assertThat(s.text()).doesNotContain("SECRETTOKEN");
            assertThat(s.text().length()).isLessThanOrEqualTo(Source.MAX_TEXT);
        });
    }
}
