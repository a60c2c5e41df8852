package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import dev.sonde.testsupport.NetshOutputs;
import dev.sonde.testsupport.NetshOutputs.Lang;
import dev.sonde.testsupport.NetshOutputs.Spec;
import org.junit.jupiter.api.Test;

/**
 * Properties of the netsh readers over generated outputs: any language of the table, any column width, any rule
 * order, fields left out, CRLF line ends, garbage lines between the fields. What was written reads back; what was
 * left out reads unknown; nothing throws.
 */
class NetshPropertyTest {

    @Test
    void everyRuleWrittenReadsBack() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            Lang lang = Lang.values()[rnd.nextInt(3)];
            int width = 1 + rnd.nextInt(45);
            boolean crlf = rnd.nextBoolean();
            List<Spec> specs = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            if (rnd.nextBoolean()) {
                lines.add("");
            }
            int n = rnd.nextInt(6);
            for (int i = 0; i < n; i++) {
                Spec s = NetshOutputs.spec(rnd, i);
                specs.add(s);
                NetshOutputs.render(s, lang, width, crlf, rnd, lines);
            }
            lines.add(crlf ? "Ok.\r" : "Ok.");
            List<Fact> facts = FirewallRulesOutput.parse(FirewallRulesOutput.FILE, lines);
            assertThat(facts).hasSize(specs.size());
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                FirewallRule r = (FirewallRule) facts.get(i);
                assertThat(r.name()).as("%s %s", lang, lines).isEqualTo(s.name());
                assertThat(r.enabled()).isEqualTo(s.enabled());
                assertThat(r.direction()).isEqualTo(s.direction());
                assertThat(r.profiles()).isEqualTo(s.profiles());
                assertThat(r.action()).isEqualTo(s.action());
                assertThat(r.program()).isEqualTo(s.program());
                assertThat(r.protocol()).isEqualTo(s.protocol());
                assertThat(r.remotePorts()).isEqualTo(s.remotePorts());
                assertThat(lines.get((int) r.source().line() - 1)).contains(s.name());
            }
        });
    }

    @Test
    void everyProfileWrittenReadsBack() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            Lang lang = Lang.values()[rnd.nextInt(3)];
            int width = 1 + rnd.nextInt(45);
            String end = rnd.nextBoolean() ? "\r" : "";
            List<Name> order = new ArrayList<>(List.of(Name.values()));
            java.util.Collections.shuffle(order, rnd);
            List<String> lines = new ArrayList<>();
            List<FirewallSwitch> states = new ArrayList<>();
            List<Action> outbound = new ArrayList<>();
            for (Name p : order) {
                lines.add(NetshOutputs.heading(p, lang) + end);
                lines.add("-".repeat(70) + end);
                FirewallSwitch state = rnd.nextInt(5) == 0 ? FirewallSwitch.UNKNOWN
                        : rnd.nextBoolean() ? FirewallSwitch.ON : FirewallSwitch.OFF;
                Action out = rnd.nextInt(5) == 0 ? Action.UNKNOWN : rnd.nextBoolean() ? Action.ALLOW : Action.BLOCK;
                states.add(state);
                outbound.add(out);
                List<String> body = new ArrayList<>();
                if (state != FirewallSwitch.UNKNOWN) {
                    body.add(NetshOutputs.pad(lang == Lang.EN ? "State" : lang == Lang.FR ? "État" : "Status", width, "")
                            + NetshOutputs.stateWord(state, lang));
                }
                if (out != Action.UNKNOWN) {
                    body.add(NetshOutputs.pad(lang == Lang.EN ? "Firewall Policy" : lang == Lang.FR ? "Stratégie de pare-feu"
                            : "Firewallrichtlinie", width, "") + "BlockInbound," + (out == Action.ALLOW ? "Allow" : "Block") + "Outbound");
                }
                body.add(NetshOutputs.pad("LocalFirewallRules", width, "") + "N/A (GPO-store only)");
                body.add("");
                body.add("Logging:");
                body.add(NetshOutputs.pad("LogDroppedConnections", width, "") + "Disable");
                java.util.Collections.shuffle(body, rnd);
                body.forEach(l -> lines.add(l + end));
                lines.add(end);
            }
            lines.add("Ok." + end);
            List<Fact> facts = FirewallProfilesOutput.parse(FirewallProfilesOutput.CURRENT_FILE, lines);
            assertThat(facts).extracting(f -> ((FirewallProfile) f).profile()).as("%s", lines).isEqualTo(order);
            assertThat(facts).extracting(f -> ((FirewallProfile) f).state()).isEqualTo(states);
            assertThat(facts).extracting(f -> ((FirewallProfile) f).defaultOutbound()).isEqualTo(outbound);
            assertThat(facts).allMatch(f -> ((FirewallProfile) f).current());
        });
    }

    @Test
    void garbageNeverThrows() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            List<String> lines = new ArrayList<>();
            int n = rnd.nextInt(40);
            String alphabet = "RuleNam:-é Öx\r\n\t,0123456789ActionBlockOutDomainProfileSettings\uFEFF\u00A0";
            for (int i = 0; i < n; i++) {
                StringBuilder b = new StringBuilder();
                int len = rnd.nextInt(60);
                for (int j = 0; j < len; j++) {
                    b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                lines.add(rnd.nextInt(6) == 0 ? "-".repeat(20) : b.toString());
            }
            List<Fact> rules = FirewallRulesOutput.parse(FirewallRulesOutput.FILE, lines);
            List<Fact> profiles = FirewallProfilesOutput.parse(FirewallProfilesOutput.FILE, lines);
            assertThat(rules.size()).isLessThanOrEqualTo(n);
            assertThat(profiles.size()).isLessThanOrEqualTo(n);
            rules.forEach(f -> ((FirewallRule) f).coversRemotePort(443));
        });
    }

}
