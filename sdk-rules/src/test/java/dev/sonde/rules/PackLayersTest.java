package dev.sonde.rules;

import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testkit.SondeExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several packs layered: overrides by rule name, {@code disables}, {@code extends}, texts and data files, the summary. */
@ExtendWith(SondeExtension.class)
class PackLayersTest {

    static final Path CASES = Path.of("src/main/resources/dev/sonde/packs/gwsmo/cases");

    @TempDir
    Path tmp;

    /** An overlay of the built-in pack: one rule replaced, one disabled, one added, texts of one finding replaced. */
    Path overlay() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("overlay"));
        Files.writeString(dir.resolve("pack.json"), """
                {"id": "acme", "version": "2.0", "apiVersion": 1, "extends": "gwsmo",
                 "disables": ["The proxy asks for credentials", "No such rule"]}
                """);
        Files.writeString(dir.resolve("acme.drl"), """
                package dev.sonde.packs.gwsmo;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;

                // replaces the built-in rule of the same name: Zscaler is reported as "Acme gateway"
                rule "A known interception product issued the certificate"
                    @finding("TLS_INTERCEPTION") @severity("critical") @confidence(0.97) @articleStep("4")
                when
                    $c : Certificate()
                    $i : Interceptor( issued($c) )
                then
                    Raise.finding(drools).param("product", "Acme gateway (" + $i.product() + ")").insert();
                end

                rule "AcmeGuard inspects the connections to Google"
                    @finding("ACMEGUARD_INSPECTION") @severity("critical") @confidence(0.99) @articleStep("4")
                when
                    $c : Certificate( issuerName() matches "(?i).*AcmeGuard Inspection CA.*" )
                then
                    Raise.finding(drools).param("issuer", $c.issuerName()).insert();
                end
                """);
        Files.writeString(dir.resolve("messages_en.properties"), """
                ACMEGUARD_INSPECTION.title=AcmeGuard inspects the connections to Google
                ACMEGUARD_INSPECTION.explanation=Issued by {issuer}.
                TLS_INTERCEPTION.title=Acme: {product} decrypts the traffic
                TLS_INTERCEPTION.explanation=Call the Acme help desk.
                """);
        return dir;
    }

    @Test
    void anOverlayReplacesDisablesAndAddsAndSaysSo(Sonde builtIn) throws IOException {
        RulePack pack = RulePack.load(List.of(overlay()));
        assertThat(pack.loadSummary()).first().asString().startsWith("pack gwsmo ");
        assertThat(pack.loadSummary()).anySatisfy(l -> assertThat(l).startsWith("pack acme 2.0 (").endsWith(": 2 rules in use"))
                .anySatisfy(l -> assertThat(l).startsWith(
                        "acme overrides rule \"A known interception product issued the certificate\" of gwsmo/interception.drl line "))
                .anySatisfy(l -> assertThat(l).startsWith("acme disables rule \"The proxy asks for credentials\" of gwsmo/proxy.drl line 15"))
                .contains("acme disables rule \"No such rule\", which no pack before it has (nothing removed)",
                        "acme replaces the texts of TLS_INTERCEPTION");
        // the removed rules are blanked, line breaks kept: the built-in file keeps its line count
        String proxy = pack.drl().get("gwsmo/proxy.drl");
        assertThat(proxy).doesNotContain("rule \"The proxy asks for credentials\"")
                .contains("rule \"The request through the proxy failed and was retried directly\"");
        assertThat(proxy.lines().count()).isEqualTo(RulePack.builtIn().drl().get("proxy.drl").lines().count());

        Sonde sonde = Sonde.builder().engine(DroolsRuleEngine.compile(pack)).build();
        Report zscaler = sonde.analyze(CASES.resolve("zscaler-inspection"));
        assertThat(zscaler).finding("TLS_INTERCEPTION").hasParam("product", "Acme gateway (Zscaler)")
                .hasTitle("Acme: Acme gateway (Zscaler) decrypts the traffic").and()
                .hasFinding("UNTRUSTED_CA"); // the built-in rules still run
        // French texts of a replaced finding are gone with the English ones: the overlay's text is used
        Report fr = Sonde.builder().engine(DroolsRuleEngine.compile(pack)).locale(Locale.FRENCH).build()
                .analyze(CASES.resolve("zscaler-inspection"));
        assertThat(fr.finding("TLS_INTERCEPTION").orElseThrow().title()).startsWith("Acme: ");

        Report proxyCase = sonde.analyze(CASES.resolve("proxy-asks-for-credentials"));
        assertThat(proxyCase).doesNotHaveFinding("PROXY_AUTH_REQUIRED");
        assertThat(builtIn.analyze(CASES.resolve("proxy-asks-for-credentials"))).hasFinding("PROXY_AUTH_REQUIRED");
    }

    @Test
    void aRuleRaisingAnExistingFindingIdUnderANewNameIsAddedAndSaidSo() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("pack.json"), "{\"id\": \"extra\", \"apiVersion\": 1, \"extends\": \"gwsmo\"}");
        Files.writeString(extra.resolve("extra.drl"), """
                package dev.sonde.packs.gwsmo;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "Acme's own interception check"
                    @finding("TLS_INTERCEPTION") @severity("critical") @confidence(0.9) @articleStep("4")
                when
                    $c : Certificate( issuerName() matches "(?i).*Acme Inspect.*" )
                then
                    Raise.finding(drools).param("product", "Acme Inspect").insert();
                end
                """);
        RulePack pack = RulePack.load(List.of(extra));
        long builtInRules = RulePack.builtIn().drl().values().stream()
                .mapToLong(t -> t.split("@finding\\(\"TLS_INTERCEPTION\"\\)", -1).length - 1).sum();
        assertThat(builtInRules).isGreaterThan(0);
        assertThat(pack.loadSummary()).contains("extra adds rule \"Acme's own interception check\" raising TLS_INTERCEPTION next to "
                + builtInRules + " earlier rule" + (builtInRules == 1 ? "" : "s")
                + " raising it (disable them by name to replace them)");
    }

    @Test
    void sondeBuilderLayersPacksInOrder() throws IOException {
        Path second = Files.createDirectories(tmp.resolve("second"));
        Files.writeString(second.resolve("pack.json"), "{\"id\": \"second\", \"apiVersion\": 1}");
        Files.writeString(second.resolve("messages_en.properties"),
                "ACMEGUARD_INSPECTION.title=Second title\nACMEGUARD_INSPECTION.explanation=Second.\n");
        Files.writeString(second.resolve("second.drl"), """
                package dev.sonde.packs.gwsmo;
                import dev.sonde.facts.*;
                import dev.sonde.rules.model.*;
                rule "AcmeGuard inspects the connections to Google"
                    @finding("ACMEGUARD_INSPECTION") @severity("low") @confidence(0.5)
                when
                    $c : Certificate( issuerName() matches "(?i).*Zscaler.*" )
                then
                    Raise.finding(drools).insert();
                end
                """);
        RulePack pack = RulePack.load(List.of(overlay(), second));
        assertThat(pack.loadSummary()).anySatisfy(l -> assertThat(l).startsWith(
                "second overrides rule \"AcmeGuard inspects the connections to Google\" of acme/acme.drl line 15"));
        assertThat(pack.loadSummary()).contains("second replaces the texts of ACMEGUARD_INSPECTION");
        assertThat(pack.loadSummary()).noneMatch(l -> l.startsWith("second adds rule"));
        assertThat(pack.packs()).containsExactly("gwsmo " + RulePack.builtIn().manifest().version(), "acme 2.0", "second");

        Report r = Sonde.builder().rulePacks(List.of(overlay(), second)).build().analyze(CASES.resolve("zscaler-inspection"));
        assertThat(r.rulePacks()).as("the report names the packs that answered").isEqualTo(pack.packs());
        assertThat(r).finding("ACMEGUARD_INSPECTION").hasTitle("Second title").hasSeverity(Severity.LOW);
    }

    @Test
    void twoRulesOfOneNameInOnePackAndAMissingBaseAreErrors() throws IOException {
        Path dup = PackLoadingTest.minimalPack(tmp.resolve("dup"), """
                package a;
                rule "Same" when then end
                """);
        Files.writeString(dup.resolve("other.drl"), "package b;\n\nrule \"Same\"\nwhen\nthen\nend\n");
        assertThatThrownBy(() -> RulePack.load(List.of(dup, dup))).isInstanceOf(SondeException.class)
                .hasMessage("rule pack 'acme' has two rules named \"Same\" (acme/other.drl line 3 and acme/rules.drl line 2)");

        Path orphan = PackLoadingTest.minimalPack(tmp.resolve("orphan"), "package a;\n");
        Files.writeString(orphan.resolve("pack.json"), "{\"id\": \"orphan\", \"apiVersion\": 1, \"extends\": [\"base\"]}");
        assertThatThrownBy(() -> RulePack.load(List.of(orphan))).isInstanceOf(SondeException.class)
                .hasMessage("rule pack 'orphan' extends 'base', which is neither the built-in pack nor a pack given before it");
    }

    @Test
    void aLaterDataFileOfTheSamePathReplacesTheEarlierOne() throws IOException {
        Path a = PackLoadingTest.minimalPack(tmp.resolve("a"), "package a;\n");
        Files.writeString(a.resolve("interceptors.json"), "{\"interceptors\": [{\"product\": \"A\", \"issuer\": \"A CA\"}]}");
        Path b = PackLoadingTest.minimalPack(tmp.resolve("b"), "package b;\n");
        Files.writeString(b.resolve("pack.json"), "{\"id\": \"b\", \"apiVersion\": 1}");
        Files.writeString(b.resolve("interceptors.json"), "{\"interceptors\": [{\"product\": \"B\", \"issuer\": \"B CA\"}]}");
        RulePack pack = RulePack.load(List.of(a, b));
        assertThat(pack.data()).hasSize(1).first()
                .satisfies(o -> assertThat(((dev.sonde.rules.model.Interceptor) o).product()).isEqualTo("B"));
        assertThat(pack.loadSummary()).contains("b replaces data file interceptors.json of acme");
    }
}
