package dev.sonde.testsupport;

import dev.sonde.facts.FirewallProfile.Name;
import dev.sonde.facts.FirewallRule.Action;
import dev.sonde.facts.FirewallRule.Direction;
import dev.sonde.facts.FirewallSwitch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated {@code netsh advfirewall} outputs for property tests: rules and profile headings in English, French or
 * German, labels padded to any width, fields in any order or left out, CRLF, garbage lines between the fields. Driven
 * by a {@link Random} seeded from a QuickTheories value, so that a failure replays.
 */
public final class NetshOutputs {

    private NetshOutputs() {
    }

    /** One generated rule: what it says, and what the reader must give back. */
    public record Spec(String name, FirewallSwitch enabled, Direction direction, Set<Name> profiles, Action action,
                String program, String protocol, String remotePorts) {
    }

    /** The languages of the table. */
    public enum Lang { EN, FR, DE }

    /** Lines netsh prints that no reader field names, and junk. */
    static final String[] GARBAGE = {"", "Ok.", "Grouping:", "Edge traversal:  No", "??????", "\u0000\u0001",
            "Security:   NotRequired", "Rule source:  Local Setting", "InterfaceTypes:  Any", "    ", "Logging:",
            "Description:  Action: Block this rule? No", ":::", "-----"};

    public static Spec spec(Random rnd, int i) {
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
    public static void render(Spec s, Lang lang, int width, boolean crlf, Random rnd, List<String> out) {
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

    public static String heading(Name p, Lang lang) {
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

    public static String stateWord(FirewallSwitch s, Lang lang) {
        return word(lang, s == FirewallSwitch.ON, "ON", "Actif", "EIN", "OFF", "Inactif", "AUS");
    }

    public static String pad(String label, int width, String colon) {
        String l = label + colon;
        return l + " ".repeat(Math.max(1, width - l.length()));
    }

    static String label(Lang lang, String en, String fr, String de) {
        return lang == Lang.EN ? en : lang == Lang.FR ? fr : de;
    }

    static String word(Lang lang, boolean yes, String en, String fr, String de, String enNo, String frNo, String deNo) {
        return yes ? label(lang, en, fr, de) : label(lang, enNo, frNo, deNo);
    }

    @SafeVarargs
    public static <T> T pick(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
