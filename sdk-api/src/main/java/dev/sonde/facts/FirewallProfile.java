package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A Windows Firewall profile's settings (article step 1: when a profile blocks outbound traffic by default, only
 * an allow rule lets Outlook out), one block of {@code netsh advfirewall show allprofiles} (file
 * {@code firewall-profiles.txt}) or of {@code netsh advfirewall show currentprofile} (file
 * {@code firewall-currentprofile.txt}, which prints the active profile(s) only). Read from English, French or
 * German Windows; what cannot be named stays unknown. Evidence: the block's heading line ({@code Domain Profile
 * Settings:}). The output has no time: {@link LogTime#UNKNOWN}.
 *
 * @param profile         which profile
 * @param state           {@code State ON/OFF}: whether the firewall is on in this profile
 * @param defaultOutbound the default outbound action, from {@code Firewall Policy  BlockInbound,AllowOutbound}
 *                        ({@link FirewallRule.Action#ALLOW}, {@link FirewallRule.Action#BLOCK}, or
 *                        {@link FirewallRule.Action#UNKNOWN})
 * @param current         true when the evidence says this profile is active (it comes from
 *                        {@code show currentprofile}); false when that is not known ({@code show allprofiles} does
 *                        not say which profile is active)
 */
public record FirewallProfile(Name profile, FirewallSwitch state, FirewallRule.Action defaultOutbound, boolean current,
                              LogTime time, String thread, Evidence source) implements Fact {

    /** The three Windows Firewall profiles. */
    public enum Name {
        /** The network of the machine's Active Directory domain ({@code Domain}, {@code Domaine}, {@code Domäne}). */
        DOMAIN,
        /** A network marked private ({@code Private}, {@code Privé}, {@code Privat}). */
        PRIVATE,
        /** A public network ({@code Public}, {@code Öffentlich}). */
        PUBLIC
    }

    public FirewallProfile {
        Objects.requireNonNull(profile, "profile");
        state = Objects.requireNonNullElse(state, FirewallSwitch.UNKNOWN);
        defaultOutbound = Objects.requireNonNullElse(defaultOutbound, FirewallRule.Action.UNKNOWN);
        time = Objects.requireNonNullElse(time, LogTime.UNKNOWN);
        thread = Objects.requireNonNullElse(thread, "");
        Objects.requireNonNull(source, "source");
    }

    /** True when the firewall is on in this profile and blocks outbound traffic that no rule allows. */
    public boolean blocksOutboundByDefault() {
        return state == FirewallSwitch.ON && defaultOutbound == FirewallRule.Action.BLOCK;
    }

    /** True when the firewall is known to be off in this profile (its rules then block nothing). */
    public boolean off() {
        return state == FirewallSwitch.OFF;
    }
}
