package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.SondeCommand;
import dev.sonde.report.ReportJson;
import dev.sonde.spi.Redaction;
import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testsupport.SecretForms;
import dev.sonde.testsupport.SecretForms.Secret;
import dev.sonde.testsupport.net.ClosedPort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sonde} command as a user runs it: {@code analyze}, {@code probe} and {@code diagnose}, JSON and text,
 * {@code --record} and {@code --anonymize}. Secrets of every form written in logs, catalog URLs and proxy settings
 * reach neither stdout, stderr nor the recording; with {@code --anonymize}, e-mail addresses and home folder user
 * names are pseudonyms, without it they stay.
 */
class NoSecretThroughTheCliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run sonde(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SondeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** One log per form, the secret in an evidence line, the destination name of the local proxy and the issuer. */
    private Path logs(List<Secret> secrets) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        int i = 0;
        for (Secret s : secrets) {
            String log = GwsmoLogs.articleExample2()
                    .replace("Info 0x00000009", "Info 0x00000009 " + s.text() + " profile C:\\Users\\jdoe\\AppData\\Local")
                    .replace("(COMPUTERNAME)", "(jdoe@corp.example " + s.text().replace("(", "").replace(")", "") + ")")
                    .replace("DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST_FiddlerRoot " + s.text());
            Files.writeString(Files.createDirectories(logs.resolve("case" + i++)).resolve("Trace-2017-09-21-04-10-02-p6688.log"),
                    log, StandardCharsets.UTF_8);
        }
        return logs;
    }

    @Test
    void analyzeInJsonAndTextWithAndWithoutAnonymize() throws Exception {
        List<Secret> secrets = SecretForms.all(21);
        Path logs = logs(secrets);
        Run json = sonde("analyze", logs.toString(), "--format", "json");
        Run text = sonde("analyze", logs.toString(), "--width", "100");
        Run anonymousJson = sonde("analyze", logs.toString(), "--format", "json", "--anonymize");
        Run anonymousText = sonde("analyze", logs.toString(), "--anonymize");
        for (Run run : List.of(json, text, anonymousJson, anonymousText)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(SondeCommand.PROBLEMS);
            assertThat(run.out()).contains("TLS_INTERCEPTION").contains(Redaction.MARK);
            for (Secret s : secrets) {
                for (String value : s.forbidden()) {
                    assertThat(run.all()).as("%s", s).doesNotContain(value);
                }
            }
        }
        JsonNode report = ReportJson.parse(json.out());
        assertThat(report.get("findings")).isNotEmpty();
        // people stay named unless asked otherwise
        assertThat(json.out()).contains("jdoe@corp.example").contains("C:\\\\Users\\\\jdoe\\\\AppData");
        assertThat(text.out()).contains("jdoe@corp.example");
        for (Run run : List.of(anonymousJson, anonymousText)) {
            assertThat(run.out()).doesNotContain("jdoe").doesNotContain("corp.example").contains("user1@domain1");
        }
        assertThat(anonymousJson.out()).contains("C:\\\\Users\\\\user1\\\\AppData");
    }

    @Test
    void probeAndDiagnoseWriteNoCredentialToTheReportTheRecordingOrStderr() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        Secret password = SecretForms.of("password", "SKx81mPq0rLt2Wz", "");
        Secret token = SecretForms.of("access_token", "SAb3kT9qq7YuEe1n", "");
        Secret secret = SecretForms.of("client_secret", "SCl1entSeCr3t0Zq", "");
        Secret proxyPassword = SecretForms.of("password", "SPr0xyPw4bcdEf9", "");
        String url = "https://jdoe:" + password.values().get(0) + "@127.0.0.1:" + closed.port() + "/mail/?access_token="
                + token.values().get(0) + "&client_secret=" + secret.values().get(0);
        Path catalog = Files.writeString(dir.resolve("catalog.json"),
                "{\"endpoints\": [{\"service\": \"mail\", \"url\": \"" + url + "\"}]}", StandardCharsets.UTF_8);
        Path logs = logs(SecretForms.all(34).subList(0, 6));
        List<Secret> all = new ArrayList<>(List.of(password, token, secret, proxyPassword));
        all.addAll(SecretForms.all(34).subList(0, 6));
        for (String command : List.of("probe", "diagnose")) {
            for (String format : List.of("json", "text")) {
                Path recorded = dir.resolve(command + "-" + format + ".json");
                List<String> args = new ArrayList<>(List.of(command, "--endpoints", catalog.toString(), "--no-proxy-discovery",
                        "--timeout", "15s", "--probe-timeout", "5s", "--format", format, "--record", recorded.toString(),
                        "--proxy", "http://alice:" + proxyPassword.values().get(0) + "@127.0.0.1:" + closed.port()));
                if (command.equals("diagnose")) {
                    args.add(logs.toString());
                }
                Run run = sonde(args.toArray(String[]::new));
                assertThat(run.exit()).as(run.err()).isEqualTo(SondeCommand.PROBLEMS);
                String recording = Files.readString(recorded, StandardCharsets.UTF_8);
                assertThat(run.out()).contains("PORT_BLOCKED").contains(Redaction.MARK); // the URL was named, without its secrets
                assertThat(recording).contains("127.0.0.1:" + closed.port() + "/mail/").contains("PortCheck");
                for (Secret s : all) {
                    for (String value : s.forbidden()) {
                        assertThat(run.all()).as("%s %s: %s", command, format, s).doesNotContain(value);
                        assertThat(recording).as("%s %s recording: %s", command, format, s).doesNotContain(value);
                    }
                }
            }
        }
    }
}
