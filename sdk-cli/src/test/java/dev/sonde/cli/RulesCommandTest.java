package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.AnalyzeCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonde rules ...} end to end, performing the walk-through of {@code docs/writing-rules.md}: export the
 * built-in pack, add a rule for the (made-up) AcmeGuard inspection proxy with its message and golden case,
 * check, test, analyze with the edited pack; broken edits; keys, signatures and {@code --trust}.
 */
class RulesCommandTest {

    /** The rule the walk-through adds, as {@code docs/writing-rules.md} shows it. */
    static final String ACMEGUARD_DRL = """
            // AcmeGuard, our company's inspection proxy, re-signs HTTPS traffic with its own authority.
            package com.example.sonde;

            import dev.sonde.facts.*;
            import dev.sonde.rules.model.*;

            rule "AcmeGuard inspects the connections to Google"
                @finding("ACMEGUARD_INSPECTION") @severity("critical") @confidence(0.99) @articleStep("4")
            when
                $c : Certificate( issuerName() matches "(?i).*AcmeGuard Inspection CA.*" )
            then
                Raise.finding(drools)
                    .param("issuer", $c.issuerName())
                    .param("subject", $c.subjectName())
                    .insert();
            end
            """;

    static final String ACMEGUARD_MESSAGES = """

            # --- ACMEGUARD_INSPECTION (added by Example Corp) ------------------------------------------------
            ACMEGUARD_INSPECTION.title=AcmeGuard inspects the connections to Google
            ACMEGUARD_INSPECTION.explanation=The certificate presented for {subject} was issued by "{issuer}": AcmeGuard, Example Corp's inspection proxy, decrypts the traffic to Google, and Outlook's sync does not accept it.
            ACMEGUARD_INSPECTION.remediation.1=Ask the network team to add Google's sync hosts to AcmeGuard's "do not inspect" list (ticket queue NET-PROXY).
            """;

    /** An authorization log in which AcmeGuard answers for www.googleapis.com. */
    static final String ACMEGUARD_LOG = """
            [2025-03-10T09:12:44.101:ERROR:windows_http.cc(331)] TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]
            [2025-03-10T09:12:44.101:ERROR:windows_http.cc(340)] Certificate details:
            ---Validity--
            Valid from: 2025-02-01 00:00:00 UTC
            Valid until: 2025-05-01 23:59:59 UTC
            ---Subject---
            US
            California
            Mountain View
            Google LLC
            www.googleapis.com
            ---Issuer----
            US
            Example Corp
            AcmeGuard Inspection CA
            -------------
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(282)] WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: The function is unfamiliar with the Certificate Authority that generated the server's certificate.
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(210)] WinHttpSendRequest failed: error 12175 (ERROR_WINHTTP_SECURE_FAILURE)
            [2025-03-10T09:12:44.102:ERROR:windows_http.cc(107)] Network connection destination details: 10.20.0.5:443
            """;

    static final String ACMEGUARD_EXPECTED = """
            {
              "description": "AcmeGuard re-signs Google's certificate with its own inspection authority.",
              "top": "ACMEGUARD_INSPECTION",
              "include": ["ACMEGUARD_INSPECTION", "UNTRUSTED_CA"],
              "exclude": ["CLOCK_SKEW"]
            }
            """;

    @TempDir
    static Path tmp;

    /** The built-in pack as exported, untouched. */
    static Path exported;
    /** The exported pack with the AcmeGuard rule, message and case. */
    static Path edited;
    static int builtInCases;

    @BeforeAll
    static void exportAndEdit() throws IOException {
        exported = tmp.resolve("exported");
        Run run = AnalyzeCommandTest.sonde("rules", "export", exported.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("exported the built-in rule pack");
        try (Stream<Path> cases = Files.list(exported.resolve("cases"))) {
            builtInCases = (int) cases.filter(Files::isDirectory).count();
        }
        edited = copy(exported, tmp.resolve("edited"));
        Files.writeString(edited.resolve("acmeguard.drl"), ACMEGUARD_DRL);
        Files.writeString(edited.resolve("messages_en.properties"), ACMEGUARD_MESSAGES, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path acmeCase = edited.resolve("cases/acmeguard-inspection");
        Files.createDirectories(acmeCase.resolve("Identity"));
        Files.writeString(acmeCase.resolve("Identity/auth.log"), ACMEGUARD_LOG);
        Files.writeString(acmeCase.resolve("expected.json"), ACMEGUARD_EXPECTED);
    }

    @Test
    void exportWritesTheWholePackAndRefusesANonEmptyFolder() throws IOException {
        assertThat(exported.resolve("pack.json")).exists();
        assertThat(exported.resolve("certificates.drl")).exists();
        assertThat(exported.resolve("messages_fr.properties")).exists();
        assertThat(exported.resolve("cases/article-example-1-clock/expect.json")).exists();
        assertThat(builtInCases).isGreaterThan(20);

        Run refused = AnalyzeCommandTest.sonde("rules", "export", exported.toString());
        assertThat(refused.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(refused.err()).contains("is not empty").contains("--force");

        Path again = copy(exported, tmp.resolve("forced"));
        Files.writeString(again.resolve("clock.drl"), "edited");
        Run forced = AnalyzeCommandTest.sonde("rules", "export", again.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(Files.readString(again.resolve("clock.drl"))).isEqualTo(Files.readString(exported.resolve("clock.drl")));
    }

    @Test
    void theWalkThroughChecksTestsAndFindsAcmeGuard() throws Exception {
        Run check = AnalyzeCommandTest.sonde("rules", "check", edited.toString());
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).doesNotContain(": error:");
        // the walk-through adds English texts only: French readers get them in English, which check points out
        Path fr = edited.resolve("messages_fr.properties");
        assertThat(check.out().lines().toList()).containsExactly(
                fr + ": warning: no French title for finding ACMEGUARD_INSPECTION (key ACMEGUARD_INSPECTION.title); "
                        + "English is shown instead",
                fr + ": warning: no French explanation for finding ACMEGUARD_INSPECTION (key ACMEGUARD_INSPECTION.explanation); "
                        + "English is shown instead",
                fr + ": warning: no French remediation for finding ACMEGUARD_INSPECTION (keys ACMEGUARD_INSPECTION.remediation.1); "
                        + "English is shown instead",
                edited + ": 0 errors, 3 warnings");

        Run test = AnalyzeCommandTest.sonde("rules", "test", edited.toString());
        assertThat(test.exit()).as(test.out()).isZero();
        List<String> lines = test.out().lines().toList();
        assertThat(lines).contains("PASS acmeguard-inspection", "PASS article-example-1-clock");
        assertThat(lines.stream().filter(l -> l.startsWith("PASS ")).count()).isEqualTo(builtInCases + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo((builtInCases + 1) + " passed, 0 failed");

        Path log = edited.resolve("cases/acmeguard-inspection");
        Run analyze = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", edited.toString(), "-f", "json");
        assertThat(analyze.exit()).as(analyze.err()).isEqualTo(SondeCommand.PROBLEMS);
        JsonNode top = analyze.json().get("findings").get(0);
        assertThat(top.get("id").asText()).isEqualTo("ACMEGUARD_INSPECTION");
        assertThat(top.get("title").asText()).isEqualTo("AcmeGuard inspects the connections to Google");
        assertThat(top.get("params").get("issuer").asText()).isEqualTo("AcmeGuard Inspection CA");

        Run builtIn = AnalyzeCommandTest.sonde("analyze", log.toString(), "-f", "json");
        assertThat(builtIn.out()).doesNotContain("ACMEGUARD_INSPECTION");
    }

    @Test
    void aFailingCaseIsReportedAndExitsOne() throws IOException {
        Path pack = copy(exported, tmp.resolve("failing"));
        Path acmeCase = pack.resolve("cases/acmeguard-inspection");
        Files.createDirectories(acmeCase.resolve("Identity"));
        Files.writeString(acmeCase.resolve("Identity/auth.log"), ACMEGUARD_LOG);
        Files.writeString(acmeCase.resolve("expected.json"), ACMEGUARD_EXPECTED); // the rule was not added
        Run test = AnalyzeCommandTest.sonde("rules", "test", pack.toString());
        assertThat(test.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(test.out()).contains("FAIL acmeguard-inspection: top finding is TLS_INTERCEPTION, expected ACMEGUARD_INSPECTION")
                .contains("ACMEGUARD_INSPECTION is missing");
        assertThat(test.out().lines().reduce((a, b) -> b)).hasValue(builtInCases + " passed, 1 failed");
    }

    @Test
    void aBrokenRuleIsReportedWithFileLineAndColumn() throws IOException {
        Path pack = copy(exported, tmp.resolve("broken-drl"));
        // the walk-through's rule with "then" mistyped: a syntax error on line 12
        Files.writeString(pack.resolve("acmeguard.drl"), ACMEGUARD_DRL.replace("\nthen\n", "\nthne\n"));
        Files.writeString(pack.resolve("messages_en.properties"), ACMEGUARD_MESSAGES, StandardOpenOption.APPEND);
        Run check = AnalyzeCommandTest.sonde("rules", "check", pack.toString());
        assertThat(check.exit()).isEqualTo(SondeCommand.PROBLEMS);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(pack.resolve("acmeguard.drl").toString())
                + ":(\\d+)(?::(\\d+))?: error: .+$").matcher(check.out());
        assertThat(m.find()).as(check.out()).isTrue();
        assertThat(m.group()).endsWith("acmeguard.drl:12:4: error: [ERR 102] Line 12:4 mismatched input 'Raise' in rule "
                + "\"AcmeGuard inspects the connections to Google\"");
        assertThat(check.out()).containsPattern(": [1-9]\\d* errors?, ");
    }

    @Test
    void dataFilesBundlesAndApiVersionAreCheckedBeforeTheDrl() throws IOException {
        Path pack = copy(exported, tmp.resolve("broken-data"));
        Files.writeString(pack.resolve("issuers.json"), "{\n  \"interceptors\": [\n    {\"product\": \"X\",, }\n  ]\n}\n");
        Files.writeString(pack.resolve("cases/healthy-sync/expect.json"), "{\"top\": ");
        Run check = AnalyzeCommandTest.sonde("rules", "check", pack.toString());
        assertThat(check.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(check.out()).containsPattern(Pattern.quote(pack.resolve("issuers.json").toString())
                + ":3:\\d+: error: not valid JSON");
        assertThat(check.out()).contains(pack.resolve("cases/healthy-sync/expect.json") + ":1:");
        assertThat(check.out()).contains(pack + ": 2 errors, 0 warnings");

        Path archive = zip(pack, tmp.resolve("broken-data.zip"), null);
        Run zipped = AnalyzeCommandTest.sonde("rules", "check", archive.toString());
        assertThat(zipped.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(zipped.out()).containsPattern(Pattern.quote(archive + "!/issuers.json") + ":3:\\d+: error: not valid JSON");

        Path newer = copy(exported, tmp.resolve("newer-api"));
        Files.writeString(newer.resolve("pack.json"), Files.readString(newer.resolve("pack.json"))
                .replace("\"apiVersion\": 1", "\"apiVersion\": 7"));
        Run api = AnalyzeCommandTest.sonde("rules", "check", newer.toString());
        assertThat(api.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(api.out()).contains(newer.resolve("pack.json") + ": error: rule pack 'gwsmo' needs rule API version 7");
    }

    @Test
    void aFindingWithoutItsMessagesIsAnError() throws IOException {
        Path pack = copy(exported, tmp.resolve("no-message"));
        Files.writeString(pack.resolve("acmeguard.drl"), ACMEGUARD_DRL);
        Run check = AnalyzeCommandTest.sonde("rules", "check", pack.toString());
        assertThat(check.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(check.out()).contains(pack.resolve("messages_en.properties")
                + ": error: no title for finding ACMEGUARD_INSPECTION (key ACMEGUARD_INSPECTION.title)");
    }

    @Test
    void signedPacksAreTrustedAndChangedOrForeignOnesRefusedBeforeCompiling() throws Exception {
        Path keys = tmp.resolve("keys");
        Run keygen = AnalyzeCommandTest.sonde("rules", "keygen", "--out", keys.resolve("vendor").toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        Path key = keys.resolve("vendor.key");
        Path pub = keys.resolve("vendor.pub");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----");
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(key))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(AnalyzeCommandTest.sonde("rules", "keygen", "--out", keys.resolve("vendor").toString()).exit())
                .isEqualTo(SondeCommand.USAGE);
        assertThat(AnalyzeCommandTest.sonde("rules", "keygen", "--out", keys.resolve("other").toString()).exit()).isZero();

        Path signed = copy(edited, tmp.resolve("signed"));
        Run sign = AnalyzeCommandTest.sonde("rules", "sign", signed.toString(), "--key", key.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(signed.resolve("pack.sig")).exists();

        Path log = edited.resolve("cases/acmeguard-inspection");
        Run trusted = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", signed.toString(),
                "--trust", pub.toString(), "-f", "json");
        assertThat(trusted.exit()).as(trusted.err()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(trusted.out()).contains("ACMEGUARD_INSPECTION");

        // another key: refused
        Run foreign = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", signed.toString(),
                "--trust", keys.resolve("other.pub").toString());
        assertThat(foreign.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(foreign.err()).contains("refused").contains("not by the trusted key");
        assertThat(foreign.out()).isEmpty();

        // a changed rule that would not even compile: refused for the change, so nothing was compiled
        Path tampered = copy(signed, tmp.resolve("tampered"));
        Files.writeString(tampered.resolve("acmeguard.drl"), ACMEGUARD_DRL.replace("\nthen\n", "\nthne\n"));
        Run changed = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", tampered.toString(),
                "--trust", pub.toString());
        assertThat(changed.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(changed.err()).contains("modified after it was signed: changed acmeguard.drl")
                .doesNotContain("line").doesNotContain("mismatched");
        assertThat(changed.err().lines().count()).isEqualTo(1);

        // an added file, through 'rules test' and 'probe': refused too
        Path added = copy(signed, tmp.resolve("added"));
        Files.writeString(added.resolve("extra.drl"), "package x;");
        Run test = AnalyzeCommandTest.sonde("rules", "test", added.toString(), "--trust", pub.toString());
        assertThat(test.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(test.err()).contains("added extra.drl");
        assertThat(test.out()).doesNotContain("PASS");
        Run probe = AnalyzeCommandTest.sonde("probe", "--rules", added.toString(), "--trust", pub.toString(),
                "--endpoints", tmp.resolve("never-read.json").toString(), "--no-proxy-discovery");
        assertThat(probe.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(probe.err()).contains("added extra.drl");

        // the signed folder shipped as a .zip (one top folder): trusted; a changed file inside the archive: refused
        Path zip = zip(signed, tmp.resolve("signed.zip"), null);
        Run zipped = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", zip.toString(),
                "--trust", pub.toString(), "-f", "json");
        assertThat(zipped.exit()).as(zipped.err()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(zipped.json().get("findings").get(0).get("id").asText()).isEqualTo("ACMEGUARD_INSPECTION");
        Path badZip = zip(signed, tmp.resolve("tampered.zip"), "messages_en.properties");
        Run zipRefused = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", badZip.toString(),
                "--trust", pub.toString());
        assertThat(zipRefused.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(zipRefused.err()).contains("changed messages_en.properties");

        // unsigned: refused; --trust without --rules: a usage error
        Run unsigned = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", edited.toString(),
                "--trust", pub.toString());
        assertThat(unsigned.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(unsigned.err()).contains("is not signed");
        assertThat(AnalyzeCommandTest.sonde("analyze", log.toString(), "--trust", pub.toString()).exit())
                .isEqualTo(SondeCommand.USAGE);
    }

    @Test
    void anOverlayPackExtendsTheBuiltInOneAndPacksLayerInOrder() throws Exception {
        Path overlay = Files.createDirectories(tmp.resolve("overlay"));
        Files.writeString(overlay.resolve("pack.json"), """
                {"id": "acme", "version": "1.0", "apiVersion": 1, "extends": "gwsmo",
                 "disables": ["The proxy asks for credentials"]}
                """);
        Files.writeString(overlay.resolve("acmeguard.drl"), ACMEGUARD_DRL);
        Files.writeString(overlay.resolve("messages_en.properties"), ACMEGUARD_MESSAGES);
        Path acmeCase = Files.createDirectories(overlay.resolve("cases/acmeguard-inspection/Identity"));
        Files.writeString(acmeCase.resolve("auth.log"), ACMEGUARD_LOG);
        Files.writeString(acmeCase.resolveSibling("expected.json"), ACMEGUARD_EXPECTED);

        Run check = AnalyzeCommandTest.sonde("rules", "check", overlay.toString());
        assertThat(check.exit()).as(check.out()).isZero();
        Run test = AnalyzeCommandTest.sonde("rules", "test", overlay.toString());
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).isEqualTo("PASS acmeguard-inspection\n1 passed, 0 failed\n");

        Path log = overlay.resolve("cases/acmeguard-inspection");
        Run analyze = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", overlay.toString(), "-f", "json");
        assertThat(analyze.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(analyze.json().get("findings").get(0).get("id").asText()).isEqualTo("ACMEGUARD_INSPECTION");
        assertThat(analyze.err()).contains("sonde: rules: pack gwsmo ", "sonde: rules: pack acme 1.0 ")
                .contains("sonde: rules: acme disables rule \"The proxy asks for credentials\" of gwsmo/proxy.drl line ");

        // --rules twice: the exported pack, then the overlay's rule without 'extends'
        Path plain = copy(overlay, tmp.resolve("plain-overlay"));
        Files.writeString(plain.resolve("pack.json"), "{\"id\": \"acme\", \"apiVersion\": 1}");
        Run layered = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", exported.toString(),
                "--rules", plain.toString(), "-f", "json");
        assertThat(layered.exit()).as(layered.err()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(layered.json().get("findings").get(0).get("id").asText()).isEqualTo("ACMEGUARD_INSPECTION");
        assertThat(layered.err()).contains("sonde: rules: pack gwsmo 1.0.0 (" + exported + ")");
    }

    @Test
    void theBuiltInPackPassesAllItsCases() {
        Run test = AnalyzeCommandTest.sonde("rules", "test", exported.toString());
        assertThat(test.exit()).as(test.out()).isZero();
        List<String> lines = test.out().lines().toList();
        assertThat(lines).hasSize(builtInCases + 1).allMatch(l -> !l.startsWith("FAIL"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(builtInCases + " passed, 0 failed");
    }

    @Test
    void testAndSignTakeAZipAndASignedZipIsTrustedUntilAnEntryChanges() throws Exception {
        // the exported pack zipped under one top folder: its cases run from inside the archive
        Path zip = zip(exported, tmp.resolve("exported.zip"), null);
        Run test = AnalyzeCommandTest.sonde("rules", "test", zip.toString());
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        List<String> lines = test.out().lines().toList();
        assertThat(lines).hasSize(builtInCases + 1).contains("PASS article-example-1-clock", "PASS healthy-sync");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(builtInCases + " passed, 0 failed");
        assertThat(test.err()).isEmpty();

        Path keys = tmp.resolve("zip-keys");
        assertThat(AnalyzeCommandTest.sonde("rules", "keygen", "--out", keys.resolve("vendor").toString()).exit()).isZero();
        Path key = keys.resolve("vendor.key");
        Path pub = keys.resolve("vendor.pub");

        // an unsigned zip of the edited pack, signed as a zip: pack.sig goes into the archive, next to pack.json
        Path shipped = zip(edited, tmp.resolve("acme-pack.zip"), null);
        Run sign = AnalyzeCommandTest.sonde("rules", "sign", shipped.toString(), "--key", key.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).isEqualTo("signed " + shipped + " (pack.sig written into the archive, at the pack's root)\n");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(shipped.toFile())) {
            assertThat(z.getEntry("pack/pack.sig")).isNotNull();
            assertThat(z.getEntry("pack.sig")).isNull();
        }
        Path log = edited.resolve("cases/acmeguard-inspection");
        Run trusted = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", shipped.toString(),
                "--trust", pub.toString(), "-f", "json");
        assertThat(trusted.exit()).as(trusted.err()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(trusted.json().get("findings").get(0).get("id").asText()).isEqualTo("ACMEGUARD_INSPECTION");

        // one entry of the signed zip changed: refused by analyze and by 'rules test', naming it, before any case runs
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(shipped, java.util.Map.of())) {
            Path drl = fs.getPath("/pack/acmeguard.drl");
            Files.writeString(drl, Files.readString(drl).replace("@confidence(0.99)", "@confidence(0.10)"));
        }
        Run refused = AnalyzeCommandTest.sonde("analyze", log.toString(), "--rules", shipped.toString(), "--trust", pub.toString());
        assertThat(refused.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(refused.err()).isEqualTo("sonde: refused: rule pack " + shipped
                + " was modified after it was signed: changed acmeguard.drl; nothing of it was loaded\n");
        Run testRefused = AnalyzeCommandTest.sonde("rules", "test", shipped.toString(), "--trust", pub.toString());
        assertThat(testRefused.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(testRefused.err()).contains("changed acmeguard.drl");
        assertThat(testRefused.out()).isEmpty();
    }

    @Test
    void testAndSignErrorsAreOneSentence() throws IOException {
        Path missing = tmp.resolve("no-such-pack");
        Run test = AnalyzeCommandTest.sonde("rules", "test", missing.toString());
        assertThat(test.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(test.err()).isEqualTo("sonde: " + missing + ": no such rule pack folder or archive.\n");

        Path notZip = Files.writeString(tmp.resolve("notes.zip"), "not a zip");
        Run bad = AnalyzeCommandTest.sonde("rules", "test", notZip.toString());
        assertThat(bad.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(bad.err()).startsWith("sonde: rule pack " + notZip + " is neither a folder nor a readable .zip/.jar").hasLineCount(1);

        Path noKey = tmp.resolve("nobody.key");
        Run sign = AnalyzeCommandTest.sonde("rules", "sign", exported.toString(), "--key", noKey.toString());
        assertThat(sign.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(sign.err()).isEqualTo("sonde: the private key " + noKey + " cannot be read (no such file).\n");
        assertThat(exported.resolve("pack.sig")).doesNotExist();

        Path folder = Files.createDirectories(tmp.resolve("not-a-pack"));
        Run notPack = AnalyzeCommandTest.sonde("rules", "sign", folder.toString(), "--key", noKey.toString());
        assertThat(notPack.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(notPack.err()).isEqualTo("sonde: " + folder + " is not a rule pack folder (no pack.json).\n");
    }

    @Test
    void aBrokenTrustAnchorIsReportedWithItsLine() throws IOException {
        Path pack = copy(exported, tmp.resolve("broken-anchor"));
        Path file = pack.resolve("trust-anchors.json");
        String json = Files.readString(file);
        int sha = json.indexOf("\"sha256\": \"", json.indexOf("\"GTS Root R3\"")) + "\"sha256\": ".length();
        String wrong = json.substring(0, sha + 1) + "00" + json.substring(sha + 3);
        Files.writeString(file, wrong);
        int line = (int) wrong.substring(0, sha).chars().filter(c -> c == '\n').count() + 1;
        int column = sha - wrong.lastIndexOf('\n', sha);
        Run check = AnalyzeCommandTest.sonde("rules", "check", pack.toString());
        assertThat(check.exit()).isEqualTo(SondeCommand.PROBLEMS);
        assertThat(check.out()).startsWith(file + ":" + line + ":" + column + ": error: trustAnchors[2] (\"GTS Root R3\"): "
                + "'sha256' does not match the certificate: it says 00");
        assertThat(check.out()).endsWith(pack + ": 1 error, 0 warnings\n");
    }

    /** Zips {@code from} under one top folder; {@code alter} (a file of the pack) gets a line appended. */
    static Path zip(Path from, Path to, String alter) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Path f : files) {
                String rel = from.relativize(f).toString().replace('\\', '/');
                out.putNextEntry(new ZipEntry("pack/" + rel));
                out.write(Files.readAllBytes(f));
                if (rel.equals(alter)) {
                    out.write("\n# changed after signing\n".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return to;
    }

    static Path copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
        return to;
    }
}
