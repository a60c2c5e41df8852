package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallRule.Direction;
import dev.sonde.facts.FirewallSwitch;
import dev.sonde.facts.LogTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirewallRulesOutputTest {

    static final String F = FirewallRulesOutput.FILE;

    /** German Windows (Windows 10, de-DE), the same rule as the English sample. */
    static final List<String> GERMAN = List.of(
            "",
            "Regelname:                            Outlook blockieren",
            "----------------------------------------------------------------------",
            "Beschreibung:                         ",
            "Aktiviert:                            Ja",
            "Richtung:                             Ausgehend",
            "Profile:                              Domäne,Privat,Öffentlich",
            "Gruppierung:                          ",
            "LocalIP:                              Beliebig",
            "RemoteIP:                             Beliebig",
            "Protokoll:                            TCP",
            "LocalPort:                            Beliebig",
            "RemotePort:                           443",
            "Programm:                             C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
            "InterfaceTypes:                       Beliebig",
            "Sicherheit:                           NotRequired",
            "Regelquelle:                          Lokale Einstellung",
            "Aktion:                               Blockieren",
            "",
            "OK.");

    static List<FirewallRule> rules(List<String> lines) {
        List<FirewallRule> out = new ArrayList<>();
        for (Fact f : FirewallRulesOutput.parse(F, lines)) {
            out.add((FirewallRule) f);
        }
        return out;
    }

    @Test
    void documentedSampleInEnglish() {
        List<String> sample = DocumentedNetsh.sample(FirewallRulesOutput.class, 0);
        List<FirewallRule> rules = rules(sample);
        assertThat(rules).hasSize(1);
        FirewallRule r = rules.get(0);
        assertThat(r.name()).isEqualTo("Block Outlook");
        assertThat(r.enabled()).isEqualTo(FirewallSwitch.ON);
        assertThat(r.direction()).isEqualTo(Direction.OUT);
        assertThat(r.profiles()).containsExactlyInAnyOrder(Name.DOMAIN, Name.PRIVATE, Name.PUBLIC);
        assertThat(r.action()).isEqualTo(Action.BLOCK);
        assertThat(r.program()).isEqualTo("C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE");
        assertThat(r.programFile()).isEqualTo("outlook.exe");
        assertThat(r.protocol()).isEqualTo("TCP");
        assertThat(r.localPorts()).isEqualTo("Any");
        assertThat(r.remotePorts()).isEqualTo("443");
        assertThat(r.remoteAddresses()).isEqualTo("Any");
        assertThat(r.blocksOutbound()).isTrue();
        assertThat(r.coversRemotePort(443)).isTrue();
        assertThat(r.coversRemotePort(80)).isFalse();
        assertThat(r.time()).isEqualTo(LogTime.UNKNOWN);
        assertThat(r.source().file()).isEqualTo(F);
        assertThat(r.source().line()).isEqualTo(sample.indexOf("Rule Name:                            Block Outlook") + 1);
        assertThat(r.source().text()).startsWith("Rule Name:").endsWith("Block Outlook");
    }

    @Test
    void documentedSampleInFrench() {
        List<FirewallRule> rules = rules(DocumentedNetsh.sample(FirewallRulesOutput.class, 1));
        assertThat(rules).hasSize(1);
        FirewallRule r = rules.get(0);
        assertThat(r.name()).isEqualTo("Bloquer le Web");
        assertThat(r.enabled()).isEqualTo(FirewallSwitch.ON);
        assertThat(r.direction()).isEqualTo(Direction.OUT);
        assertThat(r.profiles()).containsExactlyInAnyOrder(Name.DOMAIN, Name.PRIVATE, Name.PUBLIC);
        assertThat(r.action()).isEqualTo(Action.BLOCK);
        assertThat(r.program()).as("Tout: any program").isEmpty();
        assertThat(r.anyProgram()).isTrue();
        assertThat(r.protocol()).isEqualTo("TCP");
        assertThat(r.remotePorts()).isEqualTo("80,443");
        assertThat(r.coversRemotePort(80)).isTrue();
        assertThat(r.coversRemotePort(443)).isTrue();
        assertThat(r.coversRemotePort(8080)).isFalse();
        assertThat(r.localPorts()).isEqualTo("Tout");
    }

    @Test
    void germanOutputReadsAsTheEnglishOne() {
        FirewallRule de = rules(GERMAN).get(0);
        FirewallRule en = rules(DocumentedNetsh.sample(FirewallRulesOutput.class, 0)).get(0);
        assertThat(de.name()).isEqualTo("Outlook blockieren");
        assertThat(List.of(de.enabled(), de.direction(), de.profiles(), de.action(), de.program(), de.protocol(), de.remotePorts()))
                .isEqualTo(List.of(en.enabled(), en.direction(), en.profiles(), en.action(), en.program(), en.protocol(), en.remotePorts()));
        assertThat(de.source().line()).isEqualTo(2);
    }

    @Test
    void severalBlocksInOrderWithTheirOwnLines() {
        List<String> lines = new ArrayList<>(DocumentedNetsh.sample(FirewallRulesOutput.class, 0));
        lines.remove(lines.size() - 1); // Ok.
        lines.addAll(List.of("Rule Name:                            Allow Outlook",
                "----------------------------------------------------------------------",
                "Enabled:                              No",
                "Direction:                            Out",
                "Profiles:                             Private",
                "Protocol:                            Any",
                "Program:                             %ProgramFiles%\\Microsoft Office\\OUTLOOK.EXE",
                "Action:                               Allow",
                "", "Ok."));
        List<FirewallRule> rules = rules(lines);
        assertThat(rules).extracting(FirewallRule::name).containsExactly("Block Outlook", "Allow Outlook");
        FirewallRule allow = rules.get(1);
        assertThat(allow.enabled()).isEqualTo(FirewallSwitch.OFF);
        assertThat(allow.profiles()).containsExactly(Name.PRIVATE);
        assertThat(allow.action()).isEqualTo(Action.ALLOW);
        assertThat(allow.remotePorts()).as("netsh prints no ports for Any").isEmpty();
        assertThat(allow.coversRemotePort(443)).as("protocol Any: every port").isTrue();
        assertThat(allow.allowsOutbound()).as("disabled").isFalse();
        assertThat(allow.source().line()).isEqualTo(lines.indexOf("Rule Name:                            Allow Outlook") + 1);
    }

    @Test
    void anUnknownLanguageKeepsTheBlockButNamesNothingItCannotRead() {
        List<String> lines = List.of(
                "Nome regola:                          Blocca Outlook",
                "----------------------------------------------------------------------",
                "Abilitata:                            Sì",
                "Direzione:                            In uscita",
                "Profili:                              Dominio,Privato,Pubblico",
                "Protocollo:                           TCP",
                "RemotePort:                           443",
                "Azione:                               Blocca");
        List<FirewallRule> rules = rules(lines);
        assertThat(rules).hasSize(1);
        FirewallRule r = rules.get(0);
        assertThat(r.name()).isEqualTo("Blocca Outlook");
        assertThat(r.enabled()).isEqualTo(FirewallSwitch.UNKNOWN);
        assertThat(r.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(r.action()).isEqualTo(Action.UNKNOWN);
        assertThat(r.profiles()).isEmpty();
        assertThat(r.remotePorts()).isEqualTo("443");
        assertThat(r.blocksOutbound()).isFalse();
    }

    @Test
    void aProfileListWithAWordNotUnderstoodIsUnknownRatherThanShorter() {
        List<String> lines = List.of("Rule Name: x", "Profiles: Domain,Corporate", "Action: Block");
        assertThat(rules(lines).get(0).profiles()).isEmpty();
        assertThat(rules(List.of("Rule Name: x", "Profiles: Any")).get(0).profiles()).isEqualTo(EnumSet.allOf(Name.class));
    }

    @Test
    void noBlockNoFact() {
        assertThat(rules(List.of())).isEmpty();
        assertThat(rules(List.of("No rules match the specified criteria.", "", "Enabled: Yes", "Action: Block"))).isEmpty();
        assertThat(rules(List.of("----------------------------------------------------------------------"))).isEmpty();
    }

    @Test
    void atMostMaxFactsRulesAreRead() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= FirewallRulesOutput.MAX_FACTS; i++) {
            lines.add("Rule Name: r" + i);
            lines.add("Action: Block");
        }
        List<FirewallRule> rules = rules(lines);
        assertThat(rules).hasSize(FirewallRulesOutput.MAX_FACTS);
        assertThat(rules.get(rules.size() - 1).name()).isEqualTo("r" + (FirewallRulesOutput.MAX_FACTS - 1));
    }

    @Test
    void portListsRangesAndKeywords() {
        FirewallRule any = rule("TCP", "Any");
        assertThat(any.coversRemotePort(443)).isTrue();
        assertThat(rule("TCP", "Beliebig").coversRemotePort(80)).isTrue();
        assertThat(rule("TCP", "1-1024").coversRemotePort(443)).isTrue();
        assertThat(rule("TCP", "1-1024").coversRemotePort(8080)).isFalse();
        assertThat(rule("TCP", "20, 80 ,8000-8100").coversRemotePort(80)).isTrue();
        assertThat(rule("TCP", "20, 80 ,8000-8100").coversRemotePort(443)).isFalse();
        assertThat(rule("TCP", "IPHTTPSOut").coversRemotePort(443)).as("a keyword is no web port").isFalse();
        assertThat(rule("TCP", "443-80").coversRemotePort(443)).as("a reversed range covers nothing").isFalse();
        assertThat(rule("TCP", "99999").coversRemotePort(443)).isFalse();
        assertThat(rule("TCP", "").coversRemotePort(443)).as("ports not printed, protocol TCP: unknown").isFalse();
        assertThat(rule("ANY", "").coversRemotePort(443)).isTrue();
        assertThat(rule("UDP", "443").coversTcp()).isFalse();
        assertThat(rule("6", "443").coversTcp()).isTrue();
        assertThat(rule("", "443").coversTcp()).as("protocol not known").isFalse();
    }

    private static FirewallRule rule(String protocol, String remotePorts) {
        return new FirewallRule("r", FirewallSwitch.ON, Direction.OUT, Set.of(Name.PUBLIC), Action.BLOCK, "", protocol,
                "", remotePorts, "", LogTime.UNKNOWN, "", new dev.sonde.Evidence(F, 1, "Rule Name: r"));
    }
}
