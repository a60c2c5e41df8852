package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallSwitch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallProfilesOutputTest {

    /** German Windows: {@code netsh advfirewall show currentprofile}. */
    static final List<String> GERMAN_CURRENT = List.of(
            "",
            "Öffentliches Profil-Einstellungen:",
            "----------------------------------------------------------------------",
            "Status                                EIN",
            "Firewallrichtlinie                    BlockInbound,BlockOutbound",
            "LocalFirewallRules                    N/A (nur GPO-Speicher)",
            "",
            "OK.");

    static List<FirewallProfile> profiles(String file, List<String> lines) {
        List<FirewallProfile> out = new ArrayList<>();
        for (Fact f : FirewallProfilesOutput.parse(file, lines)) {
            out.add((FirewallProfile) f);
        }
        return out;
    }

    @Test
    void documentedSampleInEnglish() {
        List<String> sample = DocumentedNetsh.sample(FirewallProfilesOutput.class, 0);
        List<FirewallProfile> ps = profiles(FirewallProfilesOutput.FILE, sample);
        assertThat(ps).extracting(FirewallProfile::profile).containsExactly(Name.DOMAIN, Name.PUBLIC);
        assertThat(ps).extracting(FirewallProfile::state).containsExactly(FirewallSwitch.ON, FirewallSwitch.ON);
        assertThat(ps).extracting(FirewallProfile::defaultOutbound).containsExactly(Action.ALLOW, Action.BLOCK);
        assertThat(ps).extracting(FirewallProfile::current).containsExactly(false, false);
        assertThat(ps.get(1).blocksOutboundByDefault()).isTrue();
        assertThat(ps.get(0).blocksOutboundByDefault()).isFalse();
        assertThat(ps.get(1).source().line()).isEqualTo(sample.indexOf("Public Profile Settings:") + 1);
        assertThat(ps.get(1).source().text()).isEqualTo("Public Profile Settings:");
    }

    @Test
    void documentedSampleInFrench() {
        List<FirewallProfile> ps = profiles(FirewallProfilesOutput.FILE,
                DocumentedNetsh.sample(FirewallProfilesOutput.class, 1));
        assertThat(ps).extracting(FirewallProfile::profile).containsExactly(Name.DOMAIN, Name.PUBLIC);
        assertThat(ps).extracting(FirewallProfile::state).containsExactly(FirewallSwitch.ON, FirewallSwitch.ON);
        assertThat(ps).extracting(FirewallProfile::defaultOutbound).containsExactly(Action.ALLOW, Action.BLOCK);
    }

    @Test
    void germanCurrentProfileIsTheActiveOne() {
        List<FirewallProfile> ps = profiles("bundle/host/" + FirewallProfilesOutput.CURRENT_FILE, GERMAN_CURRENT);
        assertThat(ps).hasSize(1);
        FirewallProfile p = ps.get(0);
        assertThat(p.profile()).isEqualTo(Name.PUBLIC);
        assertThat(p.current()).isTrue();
        assertThat(p.state()).isEqualTo(FirewallSwitch.ON);
        assertThat(p.defaultOutbound()).isEqualTo(Action.BLOCK);
        assertThat(p.source().line()).isEqualTo(2);
    }

    @Test
    void stateOffAndUnknownValues() {
        List<FirewallProfile> ps = profiles(FirewallProfilesOutput.FILE, List.of(
                "Private Profile Settings:", "------------------------------", "State     OFF",
                "Firewall Policy   BlockInbound,AllowOutbound",
                "Domain Profile Settings:", "------------------------------", "State  Maybe",
                "Firewall Policy   Whatever"));
        assertThat(ps).extracting(FirewallProfile::state).containsExactly(FirewallSwitch.OFF, FirewallSwitch.UNKNOWN);
        assertThat(ps).extracting(FirewallProfile::defaultOutbound).containsExactly(Action.ALLOW, Action.UNKNOWN);
        assertThat(ps.get(0).off()).isTrue();
    }

    @Test
    void aHeadingInAnUnknownLanguageStartsNothing() {
        List<FirewallProfile> ps = profiles(FirewallProfilesOutput.FILE, List.of(
                "Impostazioni profilo dominio:", "----------------------------------------", "Stato   ON",
                "Criterio firewall   BlockInbound,BlockOutbound",
                "Public Profile Settings:", "----------------------------------------", "State   ON"));
        assertThat(ps).extracting(FirewallProfile::profile).containsExactly(Name.PUBLIC);
        assertThat(ps.get(0).defaultOutbound()).isEqualTo(Action.UNKNOWN);
    }

    @Test
    void theLoggingHeadingDoesNotEndAProfile() {
        List<FirewallProfile> ps = profiles(FirewallProfilesOutput.FILE, List.of(
                "Domain Profile Settings:", "----------------------------------------", "", "Logging:",
                "State   ON", "Firewall Policy   BlockInbound,BlockOutbound"));
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).blocksOutboundByDefault()).isTrue();
    }
}
