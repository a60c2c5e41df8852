package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallRule.Direction;
import dev.sonde.facts.FirewallSwitch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of the netsh readers over generated outputs: any language of the table, any column width, any rule
 * order, fields left out, CRLF line ends, garbage lines between the fields. What was written reads back; what was
 * left out reads unknown; nothing throws.
 */
class NetshPropertyTest {

    /** One generated rule: what it says, and what the reader must give back. */
    record Spec(String name, FirewallSwitch enabled, Direction direction, Set<Name> profiles, Action action,
                String program, String protocol, String remotePorts) {
    }

    enum Lang { EN, FR, DE }

    private static final String[] GARBAGE = {"", "Ok.", "Grouping:", "Edge traversal:  No", "??????", "\u0000\u0001",
            "Security:   NotRequired", "Rule source:  Local Setting", "InterfaceTypes:  Any", "    ", "Logging:",
            "Description:  Action: Block this rule? No", ":::", "-----"};

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
                Spec s = spec(rnd, i);
                specs.add(s);
                render(s, lang, width, crlf, rnd, lines);
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
                lines.add(heading(p, lang) + end);
                lines.add("-".repeat(70) + end);
                FirewallSwitch state = rnd.nextInt(5) == 0 ? FirewallSwitch.UNKNOWN
                        : rnd.nextBoolean() ? FirewallSwitch.ON : FirewallSwitch.OFF;
                Action out = rnd.nextInt(5) == 0 ? Action.UNKNOWN : rnd.nextBoolean() ? Action.ALLOW : Action.BLOCK;
                states.add(state);
                outbound.add(out);
                List<String> body = new ArrayList<>();
                if (state != FirewallSwitch.UNKNOWN) {
                    body.add(pad(lang == Lang.EN ? "State" : lang == Lang.FR ? "État" : "Status", width, "")
                            + stateWord(state, lang));
                }
                if (out != Action.UNKNOWN) {
                    body.add(pad(lang == Lang.EN ? "Firewall Policy" : lang == Lang.FR ? "Stratégie de pare-feu"
                            : "Firewallrichtlinie", width, "") + "BlockInbound," + (out == Action.ALLOW ? "Allow" : "Block") + "Outbound");
                }
                body.add(pad("LocalFirewallRules", width, "") + "N/A (GPO-store only)");
                body.add("");
                body.add("Logging:");
                body.add(pad("LogDroppedConnections", width, "") + "Disable");
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

    private static Spec spec(Random rnd, int i) {
        FirewallSwitch enabled = pick(rnd, FirewallSwitch.ON, FirewallSwitch.OFF, FirewallSwitch.UNKNOWN);
        Direction direction = pick(rnd, Direction.OUT, Direction.IN, Direction.UNKNOWN);
        Action action = pick(rnd, Action.ALLOW, Action.BLOCK, Action.BYPASS, Action.UNKNOWN);
        Set<Name> profiles = switch (rnd.nextInt(4)) {
            case 0 -> Set.of();
            case 1 -> EnumSet.allOf(Name.class);
            default -> {
                Set<Name> s = EnumSet.noneOf(Name.class);
                for (Name p : Name.values()) {
                    if (rnd.nextBoolean()) {
                        s.add(p);
                    }
                }
                yield s.isEmpty() ? EnumSet.of(Name.PUBLIC) : s;
            }
        };
        String program = pick(rnd, "", "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
                "%ProgramFiles%\\Google\\Google Apps Sync\\ProfileEditor.exe", "C:\\Tools\\a: b.exe");
        String protocol = pick(rnd, "TCP", "UDP", "ANY", "47", "");
        String ports = protocol.equals("TCP") || protocol.equals("UDP") ? pick(rnd, "443", "80,443", "1-1024", "Any", "") : "";
        String name = pick(rnd, "Block Outlook", "Règle n°" + i, "@FirewallAPI.dll,-28502", "Outlook: web", "x") + " " + i;
        return new Spec(name, enabled, direction, profiles, action, program, protocol, ports);
    }

    /** Writes a rule block in the language, labels padded to the width, fields in random order, garbage between. */
    private static void render(Spec s, Lang lang, int width, boolean crlf, Random rnd, List<String> out) {
        String colon = lang == Lang.FR ? " :" : ":";
        String end = crlf ? "\r" : "";
        out.add(pad(label(lang, "Rule Name", "Nom de la règle", "Regelname"), width, colon) + s.name() + end);
        out.add("-".repeat(70) + end);
        List<String> body = new ArrayList<>();
        if (s.enabled() != FirewallSwitch.UNKNOWN) {
            body.add(pad(label(lang, "Enabled", "Activé", "Aktiviert"), width, colon)
                    + word(lang, s.enabled() == FirewallSwitch.ON, "Yes", "Oui", "Ja", "No", "Non", "Nein"));
        }
        if (s.direction() != Direction.UNKNOWN) {
            body.add(pad(label(lang, "Direction", "Sens", "Richtung"), width, colon)
                    + word(lang, s.direction() == Direction.OUT, "Out", "Sortie", "Ausgehend", "In", "Entrée", "Eingehend"));
        }
        if (!s.profiles().isEmpty()) {
            List<String> ps = new ArrayList<>();
            for (Name p : s.profiles()) {
                ps.add(switch (p) {
                    case DOMAIN -> label(lang, "Domain", "Domaine", "Domäne");
                    case PRIVATE -> label(lang, "Private", "Privé", "Privat");
                    case PUBLIC -> label(lang, "Public", "Public", "Öffentlich");
                });
            }
            body.add(pad(label(lang, "Profiles", "Profils", "Profile"), width, colon) + String.join(",", ps));
        }
        if (s.action() != Action.UNKNOWN) {
            body.add(pad(label(lang, "Action", "Action", "Aktion"), width, colon) + switch (s.action()) {
                case ALLOW -> label(lang, "Allow", "Autoriser", "Zulassen");
                case BLOCK -> label(lang, "Block", "Bloquer", "Blockieren");
                default -> label(lang, "Bypass", "Contourner", "Umgehen");
            });
        }
        if (!s.program().isEmpty() || rnd.nextBoolean()) {
            body.add(pad(label(lang, "Program", "Programme", "Programm"), width, colon)
                    + (s.program().isEmpty() ? label(lang, "Any", "Tout", "Beliebig") : s.program()));
        }
        if (!s.protocol().isEmpty()) {
            body.add(pad(label(lang, "Protocol", "Protocole", "Protokoll"), width, colon)
                    + (s.protocol().equals("ANY") ? label(lang, "Any", "Tout", "Beliebig") : s.protocol()));
        }
        if (!s.remotePorts().isEmpty()) {
            body.add(pad("RemotePort", width, colon) + s.remotePorts());
        }
        java.util.Collections.shuffle(body, rnd);
        for (String line : body) {
            if (rnd.nextInt(4) == 0) {
                out.add(GARBAGE[rnd.nextInt(GARBAGE.length)] + end);
            }
            out.add(line + end);
        }
        out.add(end);
    }

    private static String heading(Name p, Lang lang) {
        return switch (lang) {
            case EN -> switch (p) {
                case DOMAIN -> "Domain Profile Settings: ";
                case PRIVATE -> "Private Profile Settings: ";
                case PUBLIC -> "Public Profile Settings: ";
            };
            case FR -> switch (p) {
                case DOMAIN -> "Paramètres Profil de domaine :";
                case PRIVATE -> "Paramètres Profil privé :";
                case PUBLIC -> "Paramètres Profil public :";
            };
            case DE -> switch (p) {
                case DOMAIN -> "Domänenprofil-Einstellungen:";
                case PRIVATE -> "Privates Profil-Einstellungen:";
                case PUBLIC -> "Öffentliches Profil-Einstellungen:";
            };
        };
    }

    private static String stateWord(FirewallSwitch s, Lang lang) {
        return word(lang, s == FirewallSwitch.ON, "ON", "Actif", "EIN", "OFF", "Inactif", "AUS");
    }

    private static String pad(String label, int width, String colon) {
        String l = label + colon;
        return l + " ".repeat(Math.max(1, width - l.length()));
    }

    private static String label(Lang lang, String en, String fr, String de) {
        return lang == Lang.EN ? en : lang == Lang.FR ? fr : de;
    }

    private static String word(Lang lang, boolean yes, String en, String fr, String de, String enNo, String frNo, String deNo) {
        return yes ? label(lang, en, fr, de) : label(lang, enNo, frNo, deNo);
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
