package dev.sonde.rules.model;

import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the firewall rules need beyond one fact: which profiles a rule can still act on. */
public final class Firewalls {

    private Firewalls() {
    }

    /**
     * The profiles a rule applies to where the firewall is not known to be off, by name ({@code DOMAIN}); all its
     * profiles when none is known off. Empty when the rule's profiles are not known.
     *
     * @param profiles the {@link FirewallProfile} facts (others are ignored)
     */
    public static List<String> onProfiles(FirewallRule rule, Collection<?> profiles) {
        List<String> out = new ArrayList<>();
        for (FirewallProfile.Name name : FirewallProfile.Name.values()) {
            if (rule.appliesTo(name) && profiles.stream().noneMatch(
                    p -> p instanceof FirewallProfile f && f.profile() == name && f.off())) {
                out.add(name.name());
            }
        }
        return out;
    }
}
