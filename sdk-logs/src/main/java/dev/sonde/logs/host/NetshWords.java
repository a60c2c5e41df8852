package dev.sonde.logs.host;

import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallSwitch;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code netsh advfirewall} prints, in the languages Sonde reads: English, French and German. Localized
 * Windows translates labels and values ({@code Enabled: Yes} is {@code Activé : Oui} and {@code Aktiviert: Ja});
 * some labels stay English in every language ({@code LocalPort}, {@code RemoteIP}, {@code Security}), so those are
 * accepted everywhere. Spellings are compared lower-cased, with accents as written and also without them (some
 * consoles lose them). A word not in this table is not understood: its field stays unknown.
 */
final class NetshWords {

    /** The fields of a firewall rule block that Sonde reads. */
    enum RuleField { NAME, ENABLED, DIRECTION, PROFILES, ACTION, PROGRAM, PROTOCOL, LOCAL_PORT, REMOTE_PORT, REMOTE_IP }

    /** The settings of a profile block that Sonde reads. */
    enum ProfileField { STATE, POLICY }

    /** Rule labels, longest first so that a label never shadows a longer one it starts. */
    static final List<Map.Entry<String, RuleField>> RULE_LABELS = longestFirst(Map.ofEntries(
            Map.entry("rule name", RuleField.NAME), Map.entry("nom de la règle", RuleField.NAME),
            Map.entry("regelname", RuleField.NAME),
            Map.entry("enabled", RuleField.ENABLED), Map.entry("activé", RuleField.ENABLED),
            Map.entry("activée", RuleField.ENABLED), Map.entry("aktiviert", RuleField.ENABLED),
            Map.entry("direction", RuleField.DIRECTION), Map.entry("sens", RuleField.DIRECTION),
            Map.entry("richtung", RuleField.DIRECTION),
            Map.entry("profiles", RuleField.PROFILES), Map.entry("profils", RuleField.PROFILES),
            Map.entry("profile", RuleField.PROFILES),
            Map.entry("action", RuleField.ACTION), Map.entry("aktion", RuleField.ACTION),
            Map.entry("program", RuleField.PROGRAM), Map.entry("programme", RuleField.PROGRAM),
            Map.entry("programm", RuleField.PROGRAM),
            Map.entry("protocol", RuleField.PROTOCOL), Map.entry("protocole", RuleField.PROTOCOL),
            Map.entry("protokoll", RuleField.PROTOCOL),
            Map.entry("localport", RuleField.LOCAL_PORT), Map.entry("port local", RuleField.LOCAL_PORT),
            Map.entry("lokaler port", RuleField.LOCAL_PORT),
            Map.entry("remoteport", RuleField.REMOTE_PORT), Map.entry("port distant", RuleField.REMOTE_PORT),
            Map.entry("remote-port", RuleField.REMOTE_PORT),
            Map.entry("remoteip", RuleField.REMOTE_IP), Map.entry("ip distante", RuleField.REMOTE_IP),
            Map.entry("adresse ip distante", RuleField.REMOTE_IP), Map.entry("remote-ip", RuleField.REMOTE_IP)));

    /** Profile setting labels, longest first. */
    static final List<Map.Entry<String, ProfileField>> PROFILE_LABELS = longestFirst(Map.ofEntries(
            Map.entry("state", ProfileField.STATE), Map.entry("état", ProfileField.STATE),
            Map.entry("status", ProfileField.STATE), Map.entry("zustand", ProfileField.STATE),
            Map.entry("firewall policy", ProfileField.POLICY), Map.entry("stratégie de pare-feu", ProfileField.POLICY),
            Map.entry("politique de pare-feu", ProfileField.POLICY), Map.entry("firewallrichtlinie", ProfileField.POLICY),
            Map.entry("firewall-richtlinie", ProfileField.POLICY)));

    private static final Map<String, FirewallSwitch> SWITCHES = Map.ofEntries(
            Map.entry("yes", FirewallSwitch.ON), Map.entry("oui", FirewallSwitch.ON), Map.entry("ja", FirewallSwitch.ON),
            Map.entry("on", FirewallSwitch.ON), Map.entry("actif", FirewallSwitch.ON),
            Map.entry("activé", FirewallSwitch.ON), Map.entry("ein", FirewallSwitch.ON),
            Map.entry("aktiv", FirewallSwitch.ON),
            Map.entry("no", FirewallSwitch.OFF), Map.entry("non", FirewallSwitch.OFF), Map.entry("nein", FirewallSwitch.OFF),
            Map.entry("off", FirewallSwitch.OFF), Map.entry("inactif", FirewallSwitch.OFF),
            Map.entry("désactivé", FirewallSwitch.OFF), Map.entry("aus", FirewallSwitch.OFF),
            Map.entry("inaktiv", FirewallSwitch.OFF));

    private static final Map<String, FirewallRule.Direction> DIRECTIONS = Map.of(
            "out", FirewallRule.Direction.OUT, "sortie", FirewallRule.Direction.OUT,
            "sortant", FirewallRule.Direction.OUT, "ausgehend", FirewallRule.Direction.OUT,
            "in", FirewallRule.Direction.IN, "entrée", FirewallRule.Direction.IN,
            "entrant", FirewallRule.Direction.IN, "eingehend", FirewallRule.Direction.IN);

    private static final Map<String, FirewallRule.Action> ACTIONS = Map.of(
            "allow", FirewallRule.Action.ALLOW, "autoriser", FirewallRule.Action.ALLOW,
            "zulassen", FirewallRule.Action.ALLOW,
            "block", FirewallRule.Action.BLOCK, "bloquer", FirewallRule.Action.BLOCK,
            "blockieren", FirewallRule.Action.BLOCK,
            "bypass", FirewallRule.Action.BYPASS, "contourner", FirewallRule.Action.BYPASS,
            "umgehen", FirewallRule.Action.BYPASS);

    private static final Map<String, FirewallProfile.Name> PROFILES = Map.of(
            "domain", FirewallProfile.Name.DOMAIN, "domaine", FirewallProfile.Name.DOMAIN,
            "domäne", FirewallProfile.Name.DOMAIN,
            "private", FirewallProfile.Name.PRIVATE, "privé", FirewallProfile.Name.PRIVATE,
            "privat", FirewallProfile.Name.PRIVATE,
            "public", FirewallProfile.Name.PUBLIC, "publique", FirewallProfile.Name.PUBLIC,
            "öffentlich", FirewallProfile.Name.PUBLIC);

    /** "Any" ({@code Any}, {@code Tout}, {@code Beliebig}...): every program, protocol, port or profile. */
    private static final Set<String> ANY = Set.of("any", "all", "quelconque", "tout", "tous", "toutes",
            "n'importe lequel", "beliebig", "alle", "jeder");

    private NetshWords() {
    }

    /** Lower-cased, trimmed, runs of white space (including no-break spaces) as one space. */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The word without accents: {@code é} → {@code e}, {@code ä} → {@code a} (consoles that lost them). */
    static String plain(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static boolean isAny(String value) {
        return ANY.contains(normalize(value));
    }

    static FirewallSwitch onOff(String value) {
        return lookup(SWITCHES, value, FirewallSwitch.UNKNOWN);
    }

    static FirewallRule.Direction direction(String value) {
        return lookup(DIRECTIONS, value, FirewallRule.Direction.UNKNOWN);
    }

    static FirewallRule.Action action(String value) {
        return lookup(ACTIONS, value, FirewallRule.Action.UNKNOWN);
    }

    /** One profile word, or {@code null} when not understood. */
    static FirewallProfile.Name profile(String value) {
        return lookup(PROFILES, value, null);
    }

    /**
     * A profile list ({@code Domain,Private}, {@code Any}): all three for "any"; empty (unknown) when one item is not
     * understood, so that a rule is never placed on fewer profiles than it has.
     */
    static Set<FirewallProfile.Name> profiles(String value) {
        if (isAny(value)) {
            return EnumSet.allOf(FirewallProfile.Name.class);
        }
        Set<FirewallProfile.Name> out = EnumSet.noneOf(FirewallProfile.Name.class);
        for (String item : value.split(",", 8)) {
            FirewallProfile.Name p = profile(item);
            if (p == null) {
                return Set.of();
            }
            out.add(p);
        }
        return out;
    }

    /** The protocol upper-cased ({@code TCP}, {@code UDP}, {@code 47}), {@code ANY} for "any", {@code ""} if blank. */
    static String protocol(String value) {
        return isAny(value) ? "ANY" : normalize(value).toUpperCase(Locale.ROOT);
    }

    /** The label a line starts with (followed by white space, {@code :} or its end), or {@code null}. */
    static <F> Labelled<F> label(String line, List<Map.Entry<String, F>> labels) {
        String lower = line.stripLeading().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, F> e : labels) {
            for (String spelling : new String[] {e.getKey(), plain(e.getKey())}) {
                if (lower.startsWith(spelling) && ends(lower, spelling.length())) {
                    return new Labelled<>(e.getValue(), value(line.stripLeading().substring(spelling.length())));
                }
            }
        }
        return null;
    }

    /** A line's label and value. */
    record Labelled<F>(F field, String value) {
    }

    private static boolean ends(String lower, int at) {
        if (at == lower.length()) {
            return true;
        }
        char c = lower.charAt(at);
        return c == ':' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** What follows a label: its padding and one colon removed (French writes {@code Activé :  Oui}). */
    private static String value(String rest) {
        String v = rest.strip();
        if (v.startsWith(":")) {
            v = v.substring(1).strip();
        }
        return v;
    }

    private static <V> V lookup(Map<String, V> table, String value, V unknown) {
        String w = normalize(value);
        V v = table.get(w);
        if (v == null) {
            for (Map.Entry<String, V> e : table.entrySet()) {
                if (plain(e.getKey()).equals(plain(w))) {
                    return e.getValue();
                }
            }
        }
        return v == null ? unknown : v;
    }

    private static <F> List<Map.Entry<String, F>> longestFirst(Map<String, F> labels) {
        Map<String, F> sorted = new LinkedHashMap<>();
        labels.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return List.copyOf(sorted.entrySet());
    }
}
