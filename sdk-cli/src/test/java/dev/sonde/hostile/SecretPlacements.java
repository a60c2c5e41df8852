package dev.sonde.hostile;

import dev.sonde.spi.Redaction;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.SecretForms.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The places of a log a rule can quote, each a log that makes a known finding with a secret written there: an
 * evidence line, a certificate's subject and issuer (trace {@code Certificate details:} blocks and the
 * authorization log's {@code Subject:}/{@code Issuer:} lines), the name after a destination address, a proxy's
 * name, a {@code Proxy-Authenticate} realm, and the input's file name.
 */
enum SecretPlacements {

    /** A trace log's failure and error lines (the evidence of the Fiddler case). */
    TRACE_EVIDENCE("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample2().replace("Info 0x00000009", "Info 0x00000009 " + s)
                    .replace("Setting event 0000000000001638.", "Setting event 0000000000001638. " + s);
        }
    },
    /** An authorization log's failure line (the evidence of the clock case). */
    AUTHORIZATION_EVIDENCE("CLOCK_SKEW") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample1().replace("Status Info: 0x00000001]", "Status Info: 0x00000001] " + s);
        }

        @Override
        String fileName() {
            return "authorization.log";
        }
    },
    /** The common name of the certificate's subject in a trace's certificate block. */
    TRACE_SUBJECT("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample2().replace("DO_NOT_TRUST\n*.google.com\n", "DO_NOT_TRUST\n" + s + "\n");
        }
    },
    /** The common name of the certificate's issuer in a trace's certificate block. */
    TRACE_ISSUER("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample2().replace("DO_NOT_TRUST_FiddlerRoot", s);
        }
    },
    /** The subject of an authorization log's one-line certificate form. */
    AUTHORIZATION_SUBJECT("UNTRUSTED_CA") {
        @Override
        String log(String s) {
            return labelledCertificate("CN=" + s + ", O=Google LLC, C=US", "CN=Corp Root CA, O=Corp, C=US");
        }
    },
    /** The issuer of an authorization log's one-line certificate form. */
    AUTHORIZATION_ISSUER("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return labelledCertificate("CN=*.googleapis.com, O=Google LLC, C=US", "CN=" + s + ", O=Corp, C=US");
        }
    },
    /** The name after the destination address ({@code 127.0.0.1:8888 (NAME)}). */
    DESTINATION_NAME("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample2().replace("(COMPUTERNAME)", "(" + s.replace("(", "").replace(")", "") + ")");
        }
    },
    /** The proxy that answered 407, named in the request and the answer. */
    PROXY_NAME("PROXY_AUTH_REQUIRED") {
        @Override
        String log(String s) {
            return proxyAsksForCredentials("through proxy " + s, "from proxy " + s + ":3128", "NTLM");
        }
    },
    /** A {@code Proxy-Authenticate} challenge's realm. */
    PROXY_REALM("PROXY_AUTH_REQUIRED") {
        @Override
        String log(String s) {
            return proxyAsksForCredentials("", "from proxy.corp.example:3128", "Basic realm=\"" + s + "\"");
        }
    },
    /** The name of the folder holding the log (in every file name the report gives). */
    FILE_NAME("TLS_INTERCEPTION") {
        @Override
        String log(String s) {
            return GwsmoLogs.articleExample2();
        }

        @Override
        Path write(Path dir, Secret secret) throws IOException {
            Path folder = Files.createDirectories(dir.resolve("logs " + secret.text()));
            return Files.writeString(folder.resolve(fileName()), log(secret.text()), StandardCharsets.UTF_8);
        }
    };

    /** The finding the log makes, secret or not: the proof that the placed lines were read. */
    final String finding;

    SecretPlacements(String finding) {
        this.finding = finding;
    }

    /** The log with {@code secret} written in this place. */
    abstract String log(String secret);

    /** The log's file name. */
    String fileName() {
        return "Trace-2017-09-21-04-10-02-p6688.log";
    }

    /** Writes the log with the secret into {@code dir} (a fresh folder); its path. */
    Path write(Path dir, Secret secret) throws IOException {
        return Files.writeString(dir.resolve(fileName()), log(secret.text()), StandardCharsets.UTF_8);
    }

    /** True when this place can hold the secret at all (a file name holds no {@code /}). */
    boolean fits(Secret secret) {
        return this != FILE_NAME || secret.fitsAFileName();
    }

    /**
     * True when the log reader's certificate parser hands the rules the secret's value without the key that marks it
     * as one, if the reader did not redact first: a certificate line {@code password=X} is read as the attribute
     * {@code password} with the value {@code X}, and a one-line {@code CN=...} form loses its quotes
     * ({@code password = "a b"} becomes {@code password = a b}). The reader redacts certificate lines before it parses
     * them (CertificateBlocks in sdk-probes); these cases are tested on their own in
     * {@link NoSecretInAnyOutputTest#certificateNamesAreRedactedBeforeTheReaderParsesThem}.
     */
    boolean keyParsedAwayByTheReader(Secret secret) {
        String read = switch (this) {
            case TRACE_SUBJECT, TRACE_ISSUER -> RDN.matcher(secret.text()).lookingAt()
                    ? secret.text().substring(secret.text().indexOf('=') + 1).replace("'", "").replace("\"", "") : secret.text();
            case AUTHORIZATION_SUBJECT, AUTHORIZATION_ISSUER -> secret.text().replace("\"", "");
            default -> secret.text();
        };
        String redacted = Redaction.redact(read);
        return secret.forbidden().stream().anyMatch(redacted::contains);
    }

    /** How the certificate parser recognises {@code attribute=value} (its {@code RDN_START}). */
    private static final Pattern RDN = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,20}\\s*=");

    private static String labelledCertificate(String subject, String issuer) {
        String t = "[2023-11-14T22:05:09.125:ERROR:windows_http.cc(";
        return t + "331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]\n"
                + t + "340)] Server certificate:\n"
                + "Subject: " + subject + "\n"
                + "Issuer: " + issuer + "\n"
                + "Valid from: 2023-10-02 00:00:00 UTC\n"
                + "Valid until: 2024-10-01 23:59:59 UTC\n"
                + t + "282)] WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The function is unfamiliar with the Certificate "
                + "Authority that generated the server's certificate.\n"
                + t + "210)] WinHttpSendRequest failed: error 12175 (ERROR_WINHTTP_SECURE_FAILURE)\n"
                + t + "107)] Network connection destination details: 165.225.72.38:443\n";
    }

    private static String proxyAsksForCredentials(String request, String answer, String challenge) {
        String t = "2024-10-01T10:00:21.551+02:00 2d4 ";
        return "Exe name: OUTLOOK.EXE\nProduct version: 4.3.72.0\n"
                + t + "I:Network outlook!WinHttp::SendRequest @ 1522 ()> Sending request to https://mail.google.com/mail/r/ "
                + request + "\n"
                + t + "W:Network outlook!WinHttp::ReadHeaders @ 1740 ()> Received status code 407 " + answer + "\n"
                + "Proxy-Authenticate: " + challenge + "\n"
                + "Via: 1.1 proxy.corp.example\n"
                + t + "E:Sync outlook!MailSync::Run @ 301 ()> Request failed, will retry later\n";
    }
}
