package dev.sonde.rules;

import static dev.sonde.facts.NetworkErrorCode.TIMEOUT;
import static dev.sonde.rules.TestFacts.zoned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Severity;
import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallRule.Direction;
import dev.sonde.facts.FirewallSwitch;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.TcpReason;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FIREWALL_BLOCKS_CLIENT (firewall.drl, article step 1): facts as the netsh readers make them. */
class FirewallRulesTest {

    static final String OUTLOOK = "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";
    static final String ID = "FIREWALL_BLOCKS_CLIENT";
    static DroolsRuleEngine engine;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static FirewallRule rule(String name, FirewallSwitch enabled, Direction direction, Set<Name> profiles, Action action,
                             String program, String protocol, String remotePorts) {
        return new FirewallRule(name, enabled, direction, profiles, action, program, protocol, "Any", remotePorts, "Any",
                LogTime.UNKNOWN, "", new Evidence("firewall-rules.txt", 2, "Rule Name:    " + name));
    }

    static FirewallRule blockOutlook() {
        return rule("Block Outlook", FirewallSwitch.ON, Direction.OUT, EnumSet.allOf(Name.class), Action.BLOCK, OUTLOOK,
                "TCP", "443");
    }

    static FirewallProfile profile(Name name, FirewallSwitch state, Action outbound, boolean current) {
        return new FirewallProfile(name, state, outbound, current, LogTime.UNKNOWN, "",
                new Evidence(current ? "firewall-currentprofile.txt" : "firewall-profiles.txt", 2, name + " Profile Settings:"));
    }

    static FirewallProfile active(Name name) {
        return profile(name, FirewallSwitch.ON, Action.ALLOW, true);
    }

    static Report run(Fact... facts) {
        return TestFacts.analyze(engine, List.of(facts));
    }

    static Optional<Finding> firewall(Report r) {
        return r.finding(ID);
    }

    @Test
    void anOutboundBlockOnOutlookInTheActiveProfile() {
        Report r = run(blockOutlook(), active(Name.PUBLIC));
        Finding f = firewall(r).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.confidence()).isEqualTo(0.9);
        assertThat(f.articleStep()).isEqualTo("1");
        assertThat(f.params()).containsEntry("rule", "Block Outlook").containsEntry("program", OUTLOOK)
                .containsEntry("ports", "443").containsEntry("profile", "PUBLIC");
        assertThat(f.title()).isEqualTo("The firewall rule \"Block Outlook\" blocks " + OUTLOOK);
        assertThat(f.explanation()).contains("TCP port 443").contains("in the Public profile, which is the active one");
        assertThat(f.evidence()).extracting(Evidence::file).contains("firewall-rules.txt", "firewall-currentprofile.txt");
        assertThat(f.targets()).allMatch(t -> t.target().machine());
    }

    @Test
    void everySyncProgramOfTheDataFileCounts() {
        for (String program : List.of("%ProgramFiles%\\Google\\Google Apps Sync\\ProfileEditor.exe",
                "C:\\Program Files\\Google\\Google Apps Migration\\ClientMigration.exe",
                "C:\\Program Files\\Google\\Google Apps Password Sync\\PasswordSync.exe",
                "D:\\x\\exchangemigration.EXE")) {
            FirewallRule r = rule("b", FirewallSwitch.ON, Direction.OUT, Set.of(Name.DOMAIN), Action.BLOCK, program, "ANY", "");
            assertThat(firewall(run(r, active(Name.DOMAIN)))).as(program).isPresent();
        }
    }

    @Test
    void webPortsForEveryProgram() {
        FirewallRule web = rule("No web", FirewallSwitch.ON, Direction.OUT, Set.of(Name.DOMAIN), Action.BLOCK, "", "TCP", "80,443");
        Finding f = firewall(run(web, active(Name.DOMAIN))).orElseThrow();
        assertThat(f.params()).containsEntry("ports", "80,443").doesNotContainKey("program");
        assertThat(f.title()).isEqualTo("The firewall rule \"No web\" blocks TCP port 80,443 for every program");
        FirewallRule range = rule("Low ports", FirewallSwitch.ON, Direction.OUT, Set.of(Name.DOMAIN), Action.BLOCK, "", "TCP", "1-1024");
        assertThat(firewall(run(range, active(Name.DOMAIN)))).isPresent();
    }

    @Test
    void notRaisedByRulesThatDoNotBlockTheClient() {
        FirewallProfile on = active(Name.PUBLIC);
        Set<Name> all = EnumSet.allOf(Name.class);
        assertThat(firewall(run(rule("d", FirewallSwitch.OFF, Direction.OUT, all, Action.BLOCK, OUTLOOK, "TCP", "443"), on)))
                .as("disabled").isEmpty();
        assertThat(firewall(run(rule("i", FirewallSwitch.ON, Direction.IN, all, Action.BLOCK, OUTLOOK, "TCP", "443"), on)))
                .as("inbound").isEmpty();
        assertThat(firewall(run(rule("a", FirewallSwitch.ON, Direction.OUT, all, Action.ALLOW, OUTLOOK, "TCP", "443"), on)))
                .as("allow").isEmpty();
        assertThat(firewall(run(rule("c", FirewallSwitch.ON, Direction.OUT, all, Action.BLOCK,
                "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "TCP", "443"), on))).as("other program").isEmpty();
        assertThat(firewall(run(rule("p", FirewallSwitch.ON, Direction.OUT, all, Action.BLOCK, OUTLOOK, "TCP", "25,587"), on)))
                .as("other ports").isEmpty();
        assertThat(firewall(run(rule("u", FirewallSwitch.ON, Direction.OUT, all, Action.BLOCK, "", "UDP", "443"), on)))
                .as("UDP").isEmpty();
        assertThat(firewall(run(rule("w", FirewallSwitch.ON, Direction.OUT, all, Action.BLOCK, "", "TCP", "8080"), on)))
                .as("every program, other port").isEmpty();
        assertThat(firewall(run(rule("x", FirewallSwitch.ON, Direction.OUT, Set.of(Name.DOMAIN, Name.PRIVATE), Action.BLOCK,
                OUTLOOK, "TCP", "443"), on))).as("inactive profile").isEmpty();
        assertThat(firewall(run(blockOutlook(), profile(Name.PUBLIC, FirewallSwitch.OFF, Action.ALLOW, true))))
                .as("the firewall is off in the active profile").isEmpty();
        assertThat(firewall(run(rule("?", FirewallSwitch.UNKNOWN, Direction.UNKNOWN, Set.of(), Action.UNKNOWN, OUTLOOK,
                "TCP", "443"), on))).as("a block not understood").isEmpty();
    }

    @Test
    void activeProfileUnknownLowersTheConfidenceAndSaysSo() {
        FirewallRule privateOnly = rule("Block Outlook", FirewallSwitch.ON, Direction.OUT, Set.of(Name.PRIVATE, Name.PUBLIC),
                Action.BLOCK, OUTLOOK, "TCP", "Any");
        Finding f = firewall(run(privateOnly)).orElseThrow();
        assertThat(f.confidence()).isEqualTo(0.6);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.params()).containsEntry("profile", "PRIVATE, PUBLIC");
        assertThat(f.explanation()).contains("Which profile is active is not known").contains("Private, Public");
        // allprofiles says the firewall is off in Private: the rule acts in Public only
        Finding g = firewall(run(privateOnly, profile(Name.PRIVATE, FirewallSwitch.OFF, Action.ALLOW, false))).orElseThrow();
        assertThat(g.params()).containsEntry("profile", "PUBLIC");
        assertThat(firewall(run(privateOnly, profile(Name.PRIVATE, FirewallSwitch.OFF, Action.ALLOW, false),
                profile(Name.PUBLIC, FirewallSwitch.OFF, Action.ALLOW, false)))).as("off everywhere it applies").isEmpty();
    }

    @Test
    void aProfileThatBlocksOutboundByDefaultWithNothingLettingOutlookOut() {
        FirewallRule other = rule("Allow browser", FirewallSwitch.ON, Direction.OUT, EnumSet.allOf(Name.class), Action.ALLOW,
                "C:\\Program Files\\Mozilla Firefox\\firefox.exe", "TCP", "443");
        FirewallProfile blocking = profile(Name.DOMAIN, FirewallSwitch.ON, Action.BLOCK, true);
        Finding f = firewall(run(other, blocking)).orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(0.75);
        assertThat(f.params()).containsEntry("profile", "DOMAIN");
        assertThat(f.title()).contains("by default");
        FirewallRule allowOutlook = rule("Allow Outlook", FirewallSwitch.ON, Direction.OUT, Set.of(Name.DOMAIN), Action.ALLOW,
                OUTLOOK, "TCP", "443");
        assertThat(firewall(run(other, allowOutlook, blocking))).as("an allow rule lets Outlook out").isEmpty();
        FirewallRule disabledAllow = rule("Allow Outlook", FirewallSwitch.OFF, Direction.OUT, Set.of(Name.DOMAIN),
                Action.ALLOW, OUTLOOK, "TCP", "443");
        assertThat(firewall(run(other, disabledAllow, blocking))).as("a disabled allow rule lets nothing out").isPresent();
        FirewallRule notUnderstood = rule("Consenti Outlook", FirewallSwitch.UNKNOWN, Direction.UNKNOWN, Set.of(),
                Action.UNKNOWN, OUTLOOK, "TCP", "443");
        assertThat(firewall(run(other, notUnderstood, blocking))).as("a rule not understood may be the allow rule").isEmpty();
        assertThat(firewall(run(blocking))).as("no rules read: nothing to say about them").isEmpty();
        assertThat(firewall(run(other, profile(Name.DOMAIN, FirewallSwitch.ON, Action.ALLOW, true)))).isEmpty();
        // active profile unknown: lower still, and said
        Finding g = firewall(run(other, profile(Name.DOMAIN, FirewallSwitch.ON, Action.BLOCK, false))).orElseThrow();
        assertThat(g.confidence()).isEqualTo(0.5);
        assertThat(g.explanation()).contains("Which profile is active is not known");
    }

    @Test
    void itExplainsTheLoggedConnectionFailuresOnThePortItBlocks() {
        List<Fact> facts = new ArrayList<>(new TestFacts.Log("Trace-2024-10-07-11-02-00-p4400.log",
                zoned("2024-10-07T11:02:05.100+02:00")).thread("1c4").error(TIMEOUT, "WinHttpSendRequest")
                .destination("142.250.180.10", 443, "mil04s44-in-f10.1e100.net").facts());
        facts.add(blockOutlook());
        facts.add(active(Name.PUBLIC));
        Report r = TestFacts.analyze(engine, facts);
        assertThat(r.top().orElseThrow().id()).isEqualTo(ID);
        assertThat(r.finding("CONNECTION_TIMEOUT").orElseThrow().explainedBy()).contains(ID);

        List<Fact> elsewhere = new ArrayList<>(new TestFacts.Log("Trace-2024-10-07-11-02-00-p4400.log",
                zoned("2024-10-07T11:02:05.100+02:00")).thread("1c4").error(TIMEOUT, "WinHttpSendRequest")
                .destination("10.0.0.8", 3128, "proxy").facts());
        elsewhere.add(blockOutlook());
        elsewhere.add(active(Name.PUBLIC));
        Report s = TestFacts.analyze(engine, elsewhere);
        assertThat(s.finding(ID)).isPresent();
        assertThat(s.finding("CONNECTION_TIMEOUT").orElseThrow().explainedBy()).as("port 3128 is not blocked").isEmpty();
    }

    @Test
    void aRuleForEveryProgramExplainsTheProbesBlockedPortButOneOnOutlookDoesNot() {
        PortCheck dropped = new PortCheck("www.googleapis.com", 443, List.of("calendar"), ProbeStatus.PROBLEM,
                TcpReason.TIMED_OUT, "142.250.180.10", LogTime.UNKNOWN, "",
                new Evidence("probe:tcp", 0, "TCP www.googleapis.com:443: no answer (dropped)"));
        FirewallRule web = rule("No web", FirewallSwitch.ON, Direction.OUT, Set.of(Name.PUBLIC), Action.BLOCK, "", "TCP", "443");
        Report r = run(dropped, web, active(Name.PUBLIC));
        assertThat(r.finding("PORT_BLOCKED").orElseThrow().explainedBy()).contains(ID);
        Report s = run(dropped, blockOutlook(), active(Name.PUBLIC));
        assertThat(s.finding(ID)).isPresent();
        assertThat(s.finding("PORT_BLOCKED").orElseThrow().explainedBy()).as("the probe is not Outlook").isEmpty();
    }

    @Test
    void frenchTexts() {
        Report r = TestFacts.analyze(engine, List.of(blockOutlook(), active(Name.PRIVATE)), Locale.FRENCH);
        Finding f = firewall(r).orElseThrow();
        assertThat(f.title()).isEqualTo("La règle de pare-feu « Block Outlook » bloque " + OUTLOOK);
        assertThat(f.explanation()).contains("dans le profil Privé, qui est le profil actif").doesNotContain("{");
        assertThat(f.remediation()).isNotEmpty().noneMatch(s -> s.contains("{"));
    }
}
