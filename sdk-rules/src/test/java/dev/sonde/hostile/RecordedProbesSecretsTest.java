package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sonde.Evidence;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.spi.Redaction;
import dev.sonde.testsupport.SecretForms.Secret;
import dev.sonde.testsupport.SecretForms;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --record} writes no credential: a secret of any form in a catalog URL ({@code user:password@}, query
 * values), a proxy setting, a probe's evidence text or a skipped check's target is not in the recorded file, which
 * stays a valid recording of the same probes.
 */
class RecordedProbesSecretsTest {

    @Test
    void noSecretOfAnyFormIsWrittenFromAnyFieldOfAProbeFact() {
        qt().withExamples(150).forAll(SecretForms.secrets(), SecretForms.values(), SecretForms.values())
                .checkAssert(RecordedProbesSecretsTest::recordsNoSecret);
    }

    private static void recordsNoSecret(Secret secret, String pw, String token) {
        String url = "https://jdoe:" + pw + "@mail.google.com/mail/?access_token=" + token + "&client_secret=" + pw
                + "x&state=" + URLEncoder.encode(secret.text(), StandardCharsets.UTF_8);
        String proxy = "http://alice:" + pw + "@proxy.corp.example:3128";
        LogTime u = LogTime.UNKNOWN;
        List<Fact> facts = List.of(
                new UrlCheck("mail", url, "mail.google.com", ProbeStatus.PROBLEM, UrlReason.FILTERED, 403, "BlueCoat " + secret.text(),
                        "1.1 " + secret.text(), u, "", src("https", "HTTPS GET " + url + ": FILTERED 403 " + secret.text())),
                new ProxySetting(ProxyOrigin.ENV, proxy, "localhost", u, "", src("proxy", "proxy " + proxy + " (env) " + secret.text())),
                new ProxyCheck(proxy, ProxyOrigin.GIVEN, ProbeStatus.PROBLEM, ProxyReason.AUTH_REQUIRED, 407, List.of("Basic realm=\"" + secret.text() + "\""),
                        u, "", src("proxy", "CONNECT www.google.com:443 through " + proxy + ": AUTH_REQUIRED 407")),
                new ProbeSkipped(ProbeFamily.HTTPS, url, "no TCP connection " + secret.text(), u, "", src("https", url + " not checked")),
                new DnsCheck("mail.google.com", ProbeStatus.OK, DnsReason.RESOLVED, List.of("142.250.185.74"), u, "",
                        src("dns", "DNS mail.google.com: RESOLVED " + secret.text())));
        String written = write(facts);
        Secret credentials = new Secret("URL and proxy credentials", url, List.of(pw, token));
        List<String> forbidden = new ArrayList<>(credentials.forbidden());
        forbidden.addAll(secret.forbidden());
        for (String value : forbidden) {
            assertThat(written).as("%s", secret).doesNotContain(value);
        }
        assertThat(written).contains("mail.google.com/mail/").contains("proxy.corp.example:3128").contains(Redaction.MARK);
        assertThat(RecordedProbes.read(new StringReader(written), "recorded")).hasSameSizeAs(facts);
    }

    private static Evidence src(String family, String text) {
        return new Evidence("probe:" + family, 0, text);
    }

    private static String write(List<Fact> facts) {
        StringWriter out = new StringWriter();
        try {
            RecordedProbes.write(facts, Instant.EPOCH, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
