package dev.sonde.rules;

import static dev.sonde.rules.TestFacts.analyze;
import static dev.sonde.rules.TestFacts.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.Target;
import dev.sonde.facts.Fact;
import dev.sonde.facts.RootStore;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.model.Interceptor;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule "A known interception product's root is installed" (interception.drl): a root of a known inspection product
 * in a Windows trusted-root store is TLS_INTERCEPTION on its own (medium, "installed, and probably inspecting"), and
 * joins the failure's finding when a log shows the interception; other roots, the same vendors' included, say nothing.
 */
class InstalledRootRulesTest {

    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    private static final String SHA1 = "2a6f3e9b81c407d55e601a93bc4d28e7f019a65c";

    @Test
    void anInterceptorsRootAloneIsAMediumInterceptionOnTheMachine() {
        Report r = analyze(engine, List.of(root(RootStore.MACHINE, 42, "Zscaler Root CA", "Zscaler Inc.", SHA1)));
        assertThat(r.findings()).extracting(Finding::id).containsExactly("TLS_INTERCEPTION");
        Finding f = r.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.confidence()).isEqualTo(0.6);
        assertThat(f.articleStep()).isEqualTo("4");
        assertThat(f.title()).isEqualTo("Zscaler is installed, and probably inspecting the secure connections");
        assertThat(f.explanation()).contains("\"Zscaler Root CA\"", "the computer's trusted root store")
                .doesNotContain("{");
        assertThat(f.remediation()).anyMatch(s -> s.contains("certlm.msc") && s.contains("Zscaler Root CA"));
        assertThat(f.params()).containsEntry("product", "Zscaler").containsEntry("root", "Zscaler Root CA")
                .containsEntry("rootStore", "machine").containsEntry("rootThumbprint", SHA1);
        assertThat(f.evidence()).containsExactly(new Evidence("roots-machine.txt", 42,
                "Subject: CN=Zscaler Root CA, O=Zscaler Inc."));
        assertThat(f.targets()).extracting(FindingTarget::target).containsExactly(Target.MACHINE);
    }

    @Test
    void theUsersStoreIsNamedAndFrenchReads() {
        Report r = analyze(engine, List.of(root(RootStore.USER, 7, "DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST", "")),
                Locale.FRENCH);
        Finding f = r.findings().get(0);
        assertThat(f.title()).isEqualTo("Fiddler est installé, et inspecte probablement les connexions sécurisées");
        assertThat(f.explanation()).contains("« DO_NOT_TRUST_FiddlerRoot »", "confiance de l'utilisateur")
                .doesNotContain("{");
        assertThat(f.params()).containsEntry("rootStore", "user").doesNotContainKey("rootThumbprint");
    }

    @Test
    void aRootAndTheLogsInterceptionAreOneFindingWithTheFailuresText() {
        List<Fact> log = TestFacts.articleExample2();
        List<Fact> both = new ArrayList<>(log);
        both.add(root(RootStore.MACHINE, 20, "DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST", SHA1));
        Report logOnly = analyze(engine, log);
        Report r = analyze(engine, both);

        assertThat(r.findings()).filteredOn(f -> f.id().equals("TLS_INTERCEPTION")).hasSize(1);
        Finding f = r.findings().get(0);
        Finding before = logOnly.findings().get(0);
        assertThat(f.id()).isEqualTo("TLS_INTERCEPTION");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(before.confidence());
        assertThat(f.title()).isEqualTo(before.title()).isEqualTo("Fiddler intercepts the secure connections to Google");
        assertThat(f.explanation()).isEqualTo(before.explanation());
        assertThat(f.remediation()).isEqualTo(before.remediation());
        assertThat(f.evidence()).contains(new Evidence("roots-machine.txt", 20,
                "Subject: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST")).containsAll(before.evidence());
        assertThat(f.params()).containsEntry("product", "Fiddler").containsEntry("root", "DO_NOT_TRUST_FiddlerRoot")
                .containsEntry("rootStore", "machine");
        assertThat(f.targets()).extracting(FindingTarget::target).contains(Target.MACHINE)
                .containsAll(before.targets().stream().map(FindingTarget::target).toList());
        // the other findings, their order and their causes do not move
        assertThat(r.findings()).extracting(Finding::id, Finding::explainedBy)
                .containsExactlyElementsOf(logOnly.findings().stream()
                        .map(x -> org.assertj.core.groups.Tuple.tuple(x.id(), x.explainedBy())).toList());
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Kaspersky Anti-Virus Personal Root Certificate | AO Kaspersky Lab | Kaspersky
            ESET SSL Filter CA                             | ESET, spol. s r.o. | ESET
            Avast Web/Mail Shield Root                     | Avast Web/Mail Shield | Avast
            AVG Web/Mail Shield Root                       | AVG Web/Mail Shield | AVG
            Bitdefender Personal CA.Net-Defender           | Bitdefender | Bitdefender
            Cisco Umbrella Root CA                         | Cisco | Cisco Umbrella
            FortiGate CA                                   | Fortinet | FortiGate
            FGT60E4Q16000123                               | Fortinet | FortiGate
            Sophos SSL CA_C3A1B2                           | Sophos | Sophos
            Zscaler Root CA                                | Zscaler Inc. | Zscaler
            ca.acme.goskope.com                            | Netskope Inc | Netskope
            Websense Public Primary Certificate Authority  | Websense, Inc. | Forcepoint
            DO_NOT_TRUST_FiddlerRoot                       | DO_NOT_TRUST | Fiddler
            """)
    void eachProductsInspectionRootIsNamed(String cn, String org, String product) {
        Report r = analyze(engine, List.of(root(RootStore.MACHINE, 3, cn, org, "")));
        assertThat(r.findings()).extracting(Finding::id).containsExactly("TLS_INTERCEPTION");
        assertThat(r.findings().get(0).params()).containsEntry("product", product);
    }

    @ParameterizedTest(name = "{0} ({1}) says nothing")
    @CsvSource(delimiter = '|', textBlock = """
            DigiCert Global Root G2                    | DigiCert Inc
            ISRG Root X1                               | Internet Security Research Group
            GTS Root R1                                | Google Trust Services LLC
            Microsoft Root Certificate Authority 2011  | Microsoft Corporation
            Cisco Root CA 2048                         | Cisco Systems
            Kaspersky Security Center                  | AO Kaspersky Lab
            ESET PROTECT Certification Authority       | ESET, spol. s r.o.
            fortinet-ca2                               | Fortinet
            Check Point ICA                            | Check Point Software Technologies
            Sophos VPN CA                              | Sophos
            Palo Alto Networks GlobalProtect Root      | Palo Alto Networks
            Avast Software Code Signing Root           | Avast Software s.r.o.
            """)
    void otherRootsOfTheSameVendorsSayNothing(String cn, String org) {
        Report r = analyze(engine, List.of(root(RootStore.MACHINE, 3, cn, org, SHA1)));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void theRootPatternNarrowsTheIssuerPatternForInstalledRootsOnly() {
        Interceptor k = Interceptor.of("Kaspersky", "Kaspersky", List.of(), "Kaspersky.{0,80}Personal Root", "why");
        assertThat(k.installed(root(RootStore.MACHINE, 1, "Kaspersky Security Center", "AO Kaspersky Lab", "")))
                .isFalse();
        assertThat(k.installed(root(RootStore.MACHINE, 1, "Kaspersky Anti-Virus Personal Root Certificate",
                "AO Kaspersky Lab", ""))).isTrue();
        // without a root pattern, the issuer pattern decides; the old three-argument forms still build one
        Interceptor z = Interceptor.of("Zscaler", "Zscaler", List.of());
        assertThat(z.root()).isNull();
        assertThat(z.installed(root(RootStore.USER, 1, "Zscaler Root CA", "", ""))).isTrue();
        assertThat(new Interceptor("Z", Pattern.compile("Z"), List.of()).root()).isNull();
        assertThatThrownBy(() -> Interceptor.of("X", "X", List.of(), "(", null))
                .hasMessageContaining("'root' is not a valid regular expression");
    }
}
