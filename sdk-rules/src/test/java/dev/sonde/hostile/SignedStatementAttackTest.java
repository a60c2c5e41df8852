package dev.sonde.hostile;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.rules.trust.PackSignature;
import dev.sonde.rules.trust.TrustedPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, §3 "Unambiguous signed statement": what is signed names every file unambiguously and binds the pack's
 * id and version, so no file can be removed, renamed, added or changed, and no version bumped, without the
 * signature failing; and the old format, whose bare list of names could be forged, is refused.
 */
class SignedStatementAttackTest {

    static final PackSignature.Keys VENDOR = PackSignature.generateKeys();

    @TempDir
    Path tmp;

    Path pack;

    @BeforeEach
    void aSignedPackWithTwoRuleFiles() throws Exception {
        pack = HostilePacks.pack(tmp.resolve("acme"), "SIGNED_RULE");
        Files.writeString(pack.resolve("b.drl"), "package acme;\n// a signed rule file that an attacker wants gone\n");
        PackSignature.sign(pack, VENDOR.privateKeyPem());
        assertThatCode(() -> PackSignature.verify(pack, VENDOR.publicKeyPem())).doesNotThrowAnyException();
    }

    private void refused(String why) {
        assertThatThrownBy(() -> TrustedPacks.load(List.of(pack), Optional.of(VENDOR.publicKeyPem())))
                .isInstanceOf(SondeException.class)
                .hasMessage("refused: rule pack " + pack + why + "; nothing of it was loaded");
    }

    @Test
    void theNewlineNameAttackIsRefused() throws Exception {
        // format 1 listed "<sha256>  <path>" lines: a file named "a.drl\n<sha of b.drl>  b.drl" reproduced the list
        // of a pack that had b.drl, so b.drl could be removed undetected
        String shaOfB = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pack.resolve("b.drl"))));
        Files.delete(pack.resolve("b.drl"));
        String forged = "a.drl\n" + shaOfB + "  b.drl";
        Files.writeString(pack.resolve(forged), "package acme;\n");
        refused(": file 'a.drl\\n" + shaOfB + "  b.drl' holds a control character; rename it (a pack's paths hold"
                + " printable ASCII only, without \\ : * ? \" < > |)");
        // nor can such a pack be signed: no name can pose as a line of what is signed
        assertThatThrownBy(() -> PackSignature.sign(pack, VENDOR.privateKeyPem())).hasMessageContaining("holds a control character");
    }

    @Test
    void aRenamedFileIsRefused() throws Exception {
        Files.move(pack.resolve("b.drl"), pack.resolve("c.drl"));
        refused(" was modified after it was signed: removed b.drl, added c.drl");
    }

    @Test
    void anAddedOrRemovedFileIsRefused() throws Exception {
        Files.writeString(pack.resolve("extra.drl"), HostilePacks.rule("UNSIGNED_RULE"));
        refused(" was modified after it was signed: added extra.drl");
        Files.delete(pack.resolve("extra.drl"));
        Files.delete(pack.resolve("b.drl"));
        refused(" was modified after it was signed: removed b.drl");
        Files.createDirectories(pack.resolve("cases/new"));
        Files.writeString(pack.resolve("cases/new/expect.json"), "{}");
        refused(" was modified after it was signed: removed b.drl, added cases/new/expect.json");
    }

    @Test
    void aVersionChangedAfterSigningIsRefusedNamingBothVersions() throws Exception {
        Files.writeString(pack.resolve("pack.json"), HostilePacks.PACK_JSON.replace("\"1.0\"", "\"1.1\""));
        refused(" was modified after it was signed: changed pack.json (signed as acme 1.0, now acme 1.1)");
    }

    @Test
    void aSignatureOfAnotherPackWithTheSameFilesDoesNotCarryOver() throws Exception {
        // the same rule files under another id: the statement names the pack, so the signature is not valid for it
        Path other = HostilePacks.pack(tmp.resolve("other"), "SIGNED_RULE");
        Files.writeString(other.resolve("b.drl"), Files.readString(pack.resolve("b.drl")));
        Files.writeString(other.resolve("pack.json"), HostilePacks.PACK_JSON.replace("acme", "other"));
        Files.copy(pack.resolve(PackSignature.FILE), other.resolve(PackSignature.FILE));
        assertThatThrownBy(() -> PackSignature.verify(other, VENDOR.publicKeyPem()))
                .hasMessage("rule pack " + other + " was modified after it was signed: changed pack.json (signed as acme 1.0,"
                        + " now other 1.0)");
    }

    @Test
    void aStatementEditedToMatchTheChangedPackFailsTheSignature() throws Exception {
        Files.delete(pack.resolve("b.drl"));
        Path sig = pack.resolve(PackSignature.FILE);
        String text = Files.readString(sig);
        String edited = text.replaceAll(",\\{\"path\":\"b.drl\",\"sha256\":\"[0-9a-f]{64}\"}", "");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(sig, edited);
        refused(" has an invalid signature (pack.sig was tampered with)");
    }
}
