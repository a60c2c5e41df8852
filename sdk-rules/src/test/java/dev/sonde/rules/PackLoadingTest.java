package dev.sonde.rules;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and compiling packs: the built-in one, copies of it, broken ones. */
class PackLoadingTest {

    @TempDir
    Path tmp;

    static Path builtInFolder() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(PackLoadingTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "pack.json")).toURI()).getParent();
    }

    /** A copy of the built-in pack in {@code dir}. */
    static Path copyBuiltIn(Path dir) throws Exception {
        Path src = builtInFolder();
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    static Path minimalPack(Path dir, String drl) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"0.1\",\"apiVersion\":1}");
        Files.writeString(dir.resolve("messages_en.properties"), "ACME_PROXY.title=Acme proxy\nACME_PROXY.explanation=It is Acme.\n");
        Files.writeString(dir.resolve("rules.drl"), drl);
        return dir;
    }

    @Test
    void theFactoryIsFoundByServiceLoaderAndCompilesTheBuiltInPack() {
        RuleEngine engine = new DroolsRuleEngineFactory().create(Optional.empty());
        assertThat(engine).isInstanceOf(DroolsRuleEngine.class);
        DroolsRuleEngine e = (DroolsRuleEngine) engine;
        assertThat(e.pack().manifest().id()).isEqualTo("gwsmo");
        assertThat(e.pack().manifest().apiVersion()).isEqualTo(1);
        assertThat(e.ruleCount()).isGreaterThan(25);
        assertThat(e.stepLabels(java.util.Locale.ENGLISH)).containsKeys("1", "2", "3", "4");
        assertThat(java.util.ServiceLoader.load(dev.sonde.spi.RuleEngineFactory.class).findFirst())
                .get().isInstanceOf(DroolsRuleEngineFactory.class);
    }

    @Test
    void aCopyOfTheBuiltInPackLoadsFromAFolderAndFromAZip() throws Exception {
        Path folder = copyBuiltIn(tmp.resolve("gwsmo"));
        Path zip = tmp.resolve("gwsmo.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("gwsmo/" + folder.relativize(p).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        for (Path pack : List.of(folder, zip)) {
            Sonde sonde = Sonde.builder().rulePack(pack).build();
            Report r = sonde.analyze(folder.resolve("cases/article-example-2-fiddler"));
            assertThat(r.top()).get().extracting(f -> f.id()).isEqualTo("TLS_INTERCEPTION");
        }
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path pack = minimalPack(tmp.resolve("broken"), """
                package acme;

                import dev.sonde.facts.*;

                rule "Broken"
                when
                    TlsFailure( flags contains )
                then
                end
                """);
        assertThatThrownBy(() -> new DroolsRuleEngineFactory().create(Optional.of(pack)))
                .isInstanceOf(SondeException.class)
                .hasMessageStartingWith("acme/rules.drl line 7");
    }

    @Test
    void anUnknownFieldNamesTheFileAndLine() throws IOException {
        Path pack = minimalPack(tmp.resolve("unknown-field"), """
                package acme;

                import dev.sonde.facts.*;

                rule "Unknown field"
                when
                    Certificate( issuerr == "x" )
                then
                end
                """);
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack)))
                .isInstanceOf(SondeException.class)
                .hasMessageStartingWith("acme/rules.drl line 7")
                .hasMessageContaining("issuerr");
    }

    @Test
    void duplicateRuleNamesAreAnError() throws IOException {
        Path pack = minimalPack(tmp.resolve("dup"), """
                package acme;
                rule "Same" when then end
                """);
        Files.writeString(pack.resolve("more.drl"), "package acme;\nrule \"Same\" when then end\n");
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack)))
                .isInstanceOf(SondeException.class)
                .hasMessageContaining("Duplicate rule name: Same");
    }

    @Test
    void badFindingMetadataAndMissingTextsAreErrors() throws IOException {
        Path pack = minimalPack(tmp.resolve("meta"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "Urgent" @finding("ACME_PROXY") @severity("urgent") @confidence(0.9)
                when ProxyEvent() then Raise.finding(drools).insert(); end
                rule "No text" @finding("ACME_OTHER") @severity("low") @confidence(2)
                when ProxyEvent() then Raise.finding(drools).insert(); end
                """);
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack)))
                .isInstanceOf(SondeException.class)
                .hasMessageContaining("acme/rules.drl line 4: rule \"Urgent\": unknown severity 'urgent'")
                .hasMessageContaining("acme/rules.drl line 6: rule \"No text\"")
                .hasMessageContaining("@confidence must be a number within 0..1, was '2'")
                .hasMessageContaining("acme/messages_en.properties: no title for finding ACME_OTHER");
    }

    @Test
    void aMessageNameThatIsNoNameIsAnErrorNamingTheRule() throws IOException {
        Path pack = minimalPack(tmp.resolve("message"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "Titled" @finding("ACME_PROXY") @severity("high") @confidence(0.9) @message("title")
                when ProxyEvent() then Raise.finding(drools).insert(); end
                """);
        assertThatThrownBy(() -> DroolsRuleEngine.compile(RulePack.open(pack)))
                .isInstanceOf(SondeException.class)
                .hasMessageContaining("acme/rules.drl line 4: rule \"Titled\": @message must name a text")
                .hasMessageContaining("was 'title'");
    }

    @Test
    void aVendorPackRaisesItsOwnFinding() throws IOException {
        Path pack = minimalPack(tmp.resolve("vendor"), """
                package acme;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                // Our own proxy answers on port 3128.
                rule "Acme proxy in the way" @finding("ACME_PROXY") @severity("medium") @confidence(0.6) @articleStep("3")
                when
                    $d : Destination( port == 3128 )
                then
                    Raise.finding(drools).param("proxy", $d.address()).insert();
                end
                """);
        Report r = Sonde.builder().rulePack(pack).build().analyzeText("t.log",
                "[2024-01-22T08:01:34:ERROR:windows_http.cc(107)] Network connection destination details: 10.1.1.20:3128 (squid)\n");
        assertThat(r.top()).get().satisfies(f -> {
            assertThat(f.id()).isEqualTo("ACME_PROXY");
            assertThat(f.title()).isEqualTo("Acme proxy");
            assertThat(f.params()).containsEntry("proxy", "10.1.1.20:3128");
            assertThat(f.evidence()).hasSize(1);
        });
    }

    @Test
    void badDataFilesManifestsAndBundlesAreErrors() throws IOException {
        Path pack = minimalPack(tmp.resolve("data"), "package acme;\nrule \"R\" when then end\n");
        Files.writeString(pack.resolve("issuers.json"), "{\"interceptors\": [{\"product\": \"X\", \"issuer\": \"(\"}]}");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("acme/issuers.json:1:19: interceptors[0]: 'issuer' is not a valid regular expression");
        Files.writeString(pack.resolve("issuers.json"), "{\"interceptors\": [\n{\"product\": \"X\",, }]}");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessage("acme/issuers.json:2:17: not valid JSON: unexpected character (','): was expecting double-quote to start field name");
        Files.writeString(pack.resolve("issuers.json"), "{\"proxies\": []}");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("unknown section 'proxies'");
        Files.delete(pack.resolve("issuers.json"));
        Files.writeString(pack.resolve("messages_fr.properties"), "X.title[clock=ahead]=Horloge\n");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("acme/messages_fr.properties: key 'X.title[clock' has an unclosed condition");
        Files.delete(pack.resolve("messages_fr.properties"));
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"apiVersion\":2}");
        assertThatThrownBy(() -> RulePack.open(pack)).isInstanceOf(SondeException.class)
                .hasMessageContaining("needs rule API version 2");
        assertThatThrownBy(() -> RulePack.open(tmp.resolve("nothing-here"))).isInstanceOf(SondeException.class)
                .hasMessageContaining("no such folder or archive");
    }

    @Test
    void casesAreNotPartOfWhatTheEngineLoads() {
        RulePack pack = RulePack.builtIn();
        assertThat(pack.drl().keySet()).containsExactlyInAnyOrder("allowlist.drl", "certificates.drl", "client.drl",
                "clock.drl", "explains.drl", "firewall.drl", "interception.drl", "ports.drl", "proxy-config.drl", "proxy.drl",
                "revocation.drl");
        assertThat(pack.messages().languages()).contains("en", "fr");
        assertThat(pack.data()).hasSizeGreaterThan(40);
    }
}
