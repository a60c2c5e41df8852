package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallSwitch;
import dev.sonde.facts.LogTime;
import dev.sonde.logs.host.NetshWords.Labelled;
import dev.sonde.logs.host.NetshWords.ProfileField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Windows Firewall's profiles (article step 1: whether the firewall is on, and whether it blocks outbound
 * traffic that no rule allows), as {@code netsh advfirewall show allprofiles} prints them, saved as {@value #FILE},
 * and {@code netsh advfirewall show currentprofile}, saved as {@value #CURRENT_FILE}, which prints the same blocks
 * for the active profile(s) only (its facts say {@link FirewallProfile#current()}). English Windows:
 *
 * <pre>
 * Domain Profile Settings:
 * ----------------------------------------------------------------------
 * State                                 ON
 * Firewall Policy                       BlockInbound,AllowOutbound
 * LocalFirewallRules                    N/A (GPO-store only)
 * LocalConSecRules                      N/A (GPO-store only)
 * InboundUserNotification               Disable
 * RemoteManagement                      Disable
 * UnicastResponseToMulticast            Enable
 *
 * Logging:
 * LogAllowedConnections                 Disable
 * LogDroppedConnections                 Disable
 * FileName                              %systemroot%\system32\LogFiles\Firewall\pfirewall.log
 * MaxFileSize                           4096
 *
 * Public Profile Settings:
 * ----------------------------------------------------------------------
 * State                                 ON
 * Firewall Policy                       BlockInbound,BlockOutbound
 *
 * Ok.
 * </pre>
 *
 * French Windows translates the headings, labels and states (the policy's words stay English):
 *
 * <pre>
 * Paramètres Profil de domaine :
 * ----------------------------------------------------------------------
 * État                                  Actif
 * Stratégie de pare-feu                 BlockInbound,AllowOutbound
 *
 * Paramètres Profil public :
 * ----------------------------------------------------------------------
 * État                                  Actif
 * Stratégie de pare-feu                 BlockInbound,BlockOutbound
 *
 * Ok.
 * </pre>
 *
 * German reads {@code Domänenprofil-Einstellungen:}, {@code Status  EIN}, {@code Firewallrichtlinie}; the table is
 * {@link NetshWords}. A block starts at a heading that names a profile ({@code Domain}, {@code Private},
 * {@code Public} in one of those languages) and ends at the next heading; a heading naming no known profile (another
 * language) starts nothing, and its settings are skipped. Values not understood stay unknown. At most
 * {@value #MAX_FACTS} profiles are read from one file.
 */
public final class FirewallProfilesOutput {

    /** The documented file name of {@code netsh advfirewall show allprofiles}. */
    public static final String FILE = "firewall-profiles.txt";
    /** The documented file name of {@code netsh advfirewall show currentprofile}. */
    public static final String CURRENT_FILE = "firewall-currentprofile.txt";
    /** Most profiles read from one file (netsh prints three). */
    public static final int MAX_FACTS = 10_000;

    private FirewallProfilesOutput() {
    }

    /**
     * The profiles of one saved output; they are the active ones when {@code file} is (or ends with)
     * {@value #CURRENT_FILE}.
     *
     * @param file  the file's name as the evidence will show it
     * @param lines its lines, decoded (line ends removed or not)
     * @return one {@link FirewallProfile} per profile block, in file order; never throws on what it cannot read
     */
    public static List<Fact> parse(String file, List<String> lines) {
        boolean current = isCurrent(file);
        List<Fact> out = new ArrayList<>();
        int start = -1;
        FirewallProfile.Name profile = null;
        Map<ProfileField, String> fields = new EnumMap<>(ProfileField.class);
        for (int i = 0; i < lines.size() && out.size() < MAX_FACTS; i++) {
            String line = NetshText.clean(lines.get(i), FirewallRulesOutput.MAX_LINE);
            Heading h = heading(line, i + 1 < lines.size() ? lines.get(i + 1) : "");
            if (h != Heading.NONE) {
                if (profile != null) {
                    out.add(fact(file, lines, start, profile, fields, current));
                }
                profile = h.profile;
                start = i;
                fields.clear();
            } else if (profile != null) {
                Labelled<ProfileField> l = NetshWords.label(line, NetshWords.PROFILE_LABELS);
                if (l != null) {
                    fields.putIfAbsent(l.field(), l.value());
                }
            }
        }
        if (profile != null && out.size() < MAX_FACTS) {
            out.add(fact(file, lines, start, profile, fields, current));
        }
        return out;
    }

    /** True when the file holds {@code show currentprofile}'s output. */
    static boolean isCurrent(String file) {
        String f = file.replace('\\', '/').toLowerCase(Locale.ROOT);
        return f.equals(CURRENT_FILE) || f.endsWith("/" + CURRENT_FILE);
    }

    private static FirewallProfile fact(String file, List<String> lines, int start, FirewallProfile.Name profile,
                                        Map<ProfileField, String> f, boolean current) {
        return new FirewallProfile(profile, NetshWords.onOff(f.getOrDefault(ProfileField.STATE, "")),
                outbound(f.getOrDefault(ProfileField.POLICY, "")), current, LogTime.UNKNOWN, "",
                new Evidence(file, start + 1, NetshText.clean(lines.get(start), FirewallRulesOutput.MAX_LINE)));
    }

    /** The outbound half of {@code BlockInbound,AllowOutbound}; unknown when absent or not understood. */
    static FirewallRule.Action outbound(String policy) {
        for (String item : policy.split(",", 8)) {
            String w = NetshWords.plain(NetshWords.normalize(item));
            if (w.endsWith("outbound") || w.endsWith("sortant") || w.endsWith("ausgehend")) {
                String verb = w.replaceFirst("(outbound|sortant|ausgehend)$", "");
                return NetshWords.action(verb);
            }
        }
        return FirewallRule.Action.UNKNOWN;
    }

    /** What a line says as a heading: a profile's block, or nothing. */
    private enum Heading {
        NONE(null), DOMAIN(FirewallProfile.Name.DOMAIN), PRIVATE(FirewallProfile.Name.PRIVATE),
        PUBLIC(FirewallProfile.Name.PUBLIC), OTHER(null);

        final FirewallProfile.Name profile;

        Heading(FirewallProfile.Name profile) {
            this.profile = profile;
        }
    }

    /**
     * A heading is a line ending with a colon, or followed by a line of dashes, that names a profile
     * ({@code Domain Profile Settings:}, {@code Paramètres Profil privé :}, {@code Domänenprofil-Einstellungen:});
     * {@link Heading#OTHER} for a heading in an unknown language, which ends the block before it.
     */
    private static Heading heading(String line, String next) {
        String w = NetshWords.plain(NetshWords.normalize(line));
        boolean dashed = NetshText.isDashes(NetshText.clean(next, FirewallRulesOutput.MAX_LINE));
        if (w.isEmpty() || NetshText.isDashes(w) || !(dashed || w.endsWith(":")) || !w.contains("profil")) {
            return dashed && !w.isEmpty() && !NetshText.isDashes(w) ? Heading.OTHER : Heading.NONE;
        }
        if (w.contains("domain") || w.contains("doman")) {
            return Heading.DOMAIN;
        }
        if (w.contains("privat") || w.contains("prive")) {
            return Heading.PRIVATE;
        }
        if (w.contains("public") || w.contains("offentlich")) {
            return Heading.PUBLIC;
        }
        return Heading.OTHER;
    }
}
