package dev.sonde.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String M = Redaction.MARK;

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
    void passwordsInEverySpelling() {
        assertThat(Redaction.redact("password = \"correct horse\" next")).isEqualTo("password = \"" + M + "\" next");
        assertThat(Redaction.redact("{\"password\":\"x1\",\"user\":\"jdoe\"}")).isEqualTo("{\"password\":\"" + M + "\",\"user\":\"jdoe\"}");
        assertThat(Redaction.redact("Password: hunter2")).isEqualTo("Password: " + M);
        assertThat(Redaction.redact("pwd='p w'")).isEqualTo("pwd='" + M + "'");
        assertThat(Redaction.redact("passwd=abc;x=1")).isEqualTo("passwd=" + M + ";x=1");
        assertThat(Redaction.redact("passphrase : abc def")).isEqualTo("passphrase : " + M + " def");
        assertThat(Redaction.redact("proxy_password=abc")).isEqualTo("proxy_password=" + M);
        assertThat(Redaction.redact("userPassword: abc")).isEqualTo("userPassword: " + M);
        assertThat(Redaction.redact("{\\\"password\\\":\\\"a\\\\\\\"b\\\"}")).isEqualTo("{\\\"password\\\":\\\"" + M + "\\\"}");
        assertThat(Redaction.redact("password=&user=x")).isEqualTo("password=&user=x"); // nothing to hide
    }

    @Test
    void authorizationHeadersCookiesAndApiKeys() {
        for (String scheme : List.of("Basic dXNlcjpwYXNz", "Bearer abc.DEF", "Negotiate YIIGhgYGKwYB", "NTLM TlRMTVNTUAAB",
                "Digest username=\"jdoe\", response=\"6629fae49393a05397450978507c4ef1\"")) {
            assertThat(Redaction.redact("Authorization: " + scheme)).isEqualTo("Authorization: " + M);
            assertThat(Redaction.redact("Proxy-Authorization:" + scheme + "\nnext line")).isEqualTo("Proxy-Authorization:" + M + "\nnext line");
            assertThat(Redaction.redact("{\"Authorization\": \"" + scheme.replace("\"", "\\\"") + "\", \"Host\": \"x\"}"))
                    .isEqualTo("{\"Authorization\": \"" + M + "\", \"Host\": \"x\"}");
        }
        assertThat(Redaction.redact("Cookie: SID=abc; HSID=def")).isEqualTo("Cookie: " + M);
        assertThat(Redaction.redact("Set-Cookie: SID=abc; Path=/; HttpOnly")).isEqualTo("Set-Cookie: " + M);
        assertThat(Redaction.redact("X-Goog-Api-Key: k3y")).isEqualTo("X-Goog-Api-Key: " + M);
        assertThat(Redaction.redact("sent with Bearer Zq9abcdefgh1 to www")).isEqualTo("sent with Bearer " + M + " to www");
        assertThat(Redaction.redact("NTLM TlRMTVNTUAABAAAAB4IIAAAAAA==")).isEqualTo("NTLM " + M);
        // words after a scheme name are no credential
        assertThat(Redaction.redact("Basic authentication failed; Negotiate handshake")).isEqualTo("Basic authentication failed; Negotiate handshake");
        assertThat(Redaction.redact("Proxy-Authenticate: Basic realm=corporate-proxy")).isEqualTo("Proxy-Authenticate: Basic realm=corporate-proxy");
    }

    @Test
    void oauthParametersPlainAndUrlEncoded() {
        for (String key : List.of("access_token", "refresh_token", "id_token", "oauth_token", "client_secret")) {
            assertThat(Redaction.redact("?" + key + "=abc&x=1")).isEqualTo("?" + key + "=" + M + "&x=1");
            assertThat(Redaction.redact(key + "%3Dabc%26x%3D1")).isEqualTo(key + "%3D" + M + "%26x%3D1");
            assertThat(Redaction.redact("%22" + key + "%22%3A%22a%2Fb%22")).isEqualTo("%22" + key + "%22%3A%22" + M + "%22");
            assertThat(Redaction.redact("\"" + key + "\": \"a b\"")).isEqualTo("\"" + key + "\": \"" + M + "\"");
        }
        assertThat(Redaction.redact("https://x/cb?state=1&code=4/abc&scope=email")).isEqualTo("https://x/cb?state=1&code=" + M + "&scope=email");
        assertThat(Redaction.redact("redirect%3Fcode%3Dabc%26y")).isEqualTo("redirect%3Fcode%3D" + M + "%26y");
        assertThat(Redaction.redact("{\"code\": \"abc\"}")).isEqualTo("{\"code\": \"" + M + "\"}");
        assertThat(Redaction.redact("%7B%22code%22%3A+%22abc%22%7D")).isEqualTo("%7B%22code%22%3A+%22" + M + "%22%7D");
        assertThat(Redaction.redact("{\"error\": {\"code\": 401}}")).isEqualTo("{\"error\": {\"code\": 401}}");
    }

    @Test
    void urlEncodedTwiceAsAUrlInAnotherUrlsQuery() {
        assertThat(Redaction.redact("state=%257B%2522access_token%2522%253A%2522abc%2522%257D&x=1"))
                .isEqualTo("state=%257B%2522access_token%2522%253A%2522" + M + "%2522%257D&x=1");
        assertThat(Redaction.redact("next=%2526code%253D4abc%2526y")).isEqualTo("next=%2526code%253D" + M + "%2526y");
        assertThat(Redaction.redact("r=1%252F%252F0gAbCdEfGhIjK&s=1")).isEqualTo("r=" + M + "&s=1");
        assertThat(Redaction.redact("u=https%253A%252F%252Fjdoe%253As3cret%2540host%252Fx"))
                .isEqualTo("u=https%253A%252F%252Fjdoe%253A" + M + "%2540host%252Fx");
    }

    @Test
    void googleTokensByTheirShape() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl_-";
        String line = "t=ya29.a0Af-x_y.z r=1//0gAbCdEfGhIjK s=GOCSPX-abc_DEF-1 k=AIzaSyA1234567890abcdefghijklmnopqrstu "
                + "c=4/0AbCdEfGhIjKlMnOpQrStUvWx j=" + jwt + " e=%22" + jwt + "%22";
        assertThat(Redaction.redact(line)).isEqualTo("t=" + M + " r=" + M + " s=" + M + " k=" + M + " c=" + M + " j=" + M
                + " e=%22" + M + "%22");
    }

    @Test
    void urlPasswordsGoUsersAndHostsStay() {
        assertThat(Redaction.redact("via http://alice:s3cret@proxy.corp:3128/x")).isEqualTo("via http://alice:" + M + "@proxy.corp:3128/x");
        assertThat(Redaction.redact("https://bob:p@ss@host/")).isEqualTo("https://bob:" + M + "@host/");
        assertThat(Redaction.redact("https://alice@host.example/ and http://[::1]:80/")).isEqualTo("https://alice@host.example/ and http://[::1]:80/");
        assertThat(Redaction.redact("?next=https%3A%2F%2Fjdoe%3As3cret%40proxy.corp%3A3128%2Fx&y=1"))
                .isEqualTo("?next=https%3A%2F%2Fjdoe%3A" + M + "%40proxy.corp%3A3128%2Fx&y=1");
        assertThat(Redaction.redact("?next=https%3a%2f%2fjdoe%40proxy.corp%2F")).isEqualTo("?next=https%3a%2f%2fjdoe%40proxy.corp%2F");
    }

    @Test
    void goldenStyleDiagnosticsSurviveUnchanged() {
        List<String> lines = List.of(
                "2017-09-21T04:10:04.356-03:00 1a20 E:Network ClientMigration!WinHttp::HandleCallback @ 2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000009",
                "[2022-09-21T03:59:46:ERROR:windows_http.cc(107)] Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)",
                "Valid from: 2017-09-13 17:23:55 UTC", "Created by http://www.fiddler2.com", "DO_NOT_TRUST_FiddlerRoot",
                "Proxy-Authenticate: Digest realm=\"corp\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", algorithm=MD5",
                "Proxy-Authenticate: NTLM, Negotiate, Basic realm=\"ACME Inc\"",
                "SHA-256 fingerprint: 3F:1A:9C:00:7E:44:2B:90:AA:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17",
                "INFO:oauth_client.cc(214)] Access token still valid for 3412 s; no refresh needed.",
                "Request to https://www.googleapis.com/calendar/v3/users/me completed with HTTP status 200.",
                "WinHttpSendRequest failed: error 12175 (ERROR_WINHTTP_SECURE_FAILURE) hr = -2147012721 at [2001:db8::1]:443",
                "HTTPS GET https://mail.google.com/mail/r/: ANSWERED 302 via proxy.corp.example:3128 on 2025-03-10T09:15:02Z",
                "Date of https://oauth2.googleapis.com/token: 2026-11-28T04:05:53Z; local clock 2026-11-28T04:05:53.4Z (+0 s)");
        for (String line : lines) {
            assertThat(Redaction.redact(line)).isEqualTo(line);
        }
    }

    @Test
    void redactingTwiceIsRedactingOnce() {
        String line = "password=\"a b\" Authorization: Bearer x\r\nCookie: a=b\n?code=c https://u:p@h/ ya29.t";
        String once = Redaction.redact(line);
        assertThat(Redaction.redact(once)).isEqualTo(once);
    }

    @Test
    void sourceTextIsAlwaysRedactedAndClipped() {
        qt().withExamples(300).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 1500)).checkAssert(noise -> {
            Evidence s = new Evidence("f.log", 1, noise + " ya29.SECRETTOKEN password=pw " + noise);
            assertThat(s.text()).doesNotContain("SECRETTOKEN");
            assertThat(s.text().length()).isLessThanOrEqualTo(Evidence.MAX_TEXT);
        });
    }

    @Test
    void aReportIsRedactedInEveryString() {
        Finding f = new Finding("TLS_INTERCEPTION", 1, Severity.CRITICAL, 0.9, "issued by password=t1",
                "explained access_token=t2", List.of("do client_secret=t3"), "4",
                List.of(new Evidence("C:\\logs\\pwd=t4\\auth.log", 3, "Cookie: t5")), 0, Optional.empty(),
                Map.of("issuer", "Authorization: Bearer t6", "token=t7", "x"));
        Report r = new Report(List.of(f), List.of(new InputSummary("/tmp/secret=t8/a.log", "gwsmo-trace", "UTF-8", 1, 0, 1,
                InputSummary.Status.READ)), List.of(new Warning("passwd=t9", 0, "https://u:t10@h/ failed")), List.of("pack token=t11"));
        Report out = Redaction.apply(r, false);
        String all = out.toString();
        for (int i = 1; i <= 11; i++) {
            assertThat(all).doesNotContainPattern("\\bt" + i + "\\b");
        }
        assertThat(out.findings().get(0).title()).isEqualTo("issued by password=" + M);
        assertThat(out.findings().get(0).params()).containsEntry("issuer", "Authorization: " + M).containsEntry("token=" + M, "x");
        assertThat(out.inputs().get(0).name()).isEqualTo("/tmp/secret=" + M);
        assertThat(out.warnings().get(0).message()).isEqualTo("https://u:" + M + "@h/ failed");
        assertThat(out.outcome()).isEqualTo(r.outcome());
    }

    @Test
    void anonymizeGivesStablePseudonymsInReportOrder() {
        Finding f = new Finding("X", 1, Severity.HIGH, 0.9, "mail Bob.Smith@Corp.example and jdoe@corp.example",
                "profile C:\\Users\\jdoe\\AppData and C:\\Documents and Settings\\John Doe\\Local Settings", List.of(), "",
                List.of(new Evidence("\\\\fs01\\Users\\alice\\Trace.log", 1, "bob.smith@corp.example again, C:/Users/Public/x")),
                0, Optional.empty(), Map.of("home", "/home/carol/.config and /Users/dave/Library", "url", "https://www.googleapis.com/calendar/v3/users/me"));
        Report r = new Report(List.of(f), List.of(new InputSummary("C:\\\\Users\\\\jdoe\\\\a.log", "gwsmo-trace", "UTF-8", 1, 0, 1,
                InputSummary.Status.READ)), List.of(new Warning("//server/Users/erin/x.log", 0, "http://frank@proxy.corp:3128 said no")));
        Report out = Redaction.apply(r, true);
        Finding g = out.findings().get(0);
        assertThat(g.title()).isEqualTo("mail user1@domain1 and user2@domain1");
        assertThat(g.explanation()).isEqualTo("profile C:\\Users\\user2\\AppData and C:\\Documents and Settings\\user3\\Local Settings");
        assertThat(g.evidence().get(0).file()).isEqualTo("\\\\fs01\\Users\\user4\\Trace.log");
        assertThat(g.evidence().get(0).text()).isEqualTo("user1@domain1 again, C:/Users/Public/x");
        assertThat(g.params()).containsEntry("home", "/home/user5/.config and /Users/user6/Library")
                .containsEntry("url", "https://www.googleapis.com/calendar/v3/users/me");
        assertThat(out.inputs().get(0).name()).isEqualTo("C:\\\\Users\\\\user2\\\\a.log");
        assertThat(out.warnings().get(0).file()).isEqualTo("//server/Users/user7/x.log");
        assertThat(out.warnings().get(0).message()).isEqualTo("http://user8@proxy.corp:3128 said no");
        assertThat(Redaction.apply(r, true)).isEqualTo(out);
        assertThat(Redaction.apply(r, false).findings().get(0).title()).contains("jdoe@corp.example");
    }
}
