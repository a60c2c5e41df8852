package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.LogTime;
import dev.sonde.logs.host.NetshWords.Labelled;
import dev.sonde.logs.host.NetshWords.RuleField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Windows Firewall's outbound rules (article step 1), as {@code netsh advfirewall firewall show rule name=all
 * dir=out verbose} prints them, saved as {@value #FILE}. English Windows:
 *
 * <pre>
 * Rule Name:                            Block Outlook
 * ----------------------------------------------------------------------
 * Description:                          Blocks Outlook from the Internet
 * Enabled:                              Yes
 * Direction:                            Out
 * Profiles:                             Domain,Private,Public
 * Grouping:
 * LocalIP:                              Any
 * RemoteIP:                             Any
 * Protocol:                             TCP
 * LocalPort:                            Any
 * RemotePort:                           443
 * Edge traversal:                       No
 * Program:                              C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE
 * InterfaceTypes:                       Any
 * Security:                             NotRequired
 * Rule source:                          Local Setting
 * Action:                               Block
 *
 * Ok.
 * </pre>
 *
 * French Windows translates labels and values ({@code Any} is {@code Tout}; labels take a space before the colon):
 *
 * <pre>
 * Nom de la règle :                     Bloquer le Web
 * ----------------------------------------------------------------------
 * Description :                         Proxy obligatoire
 * Activé :                              Oui
 * Direction :                           Sortie
 * Profils :                             Domaine,Privé,Public
 * Groupement :
 * LocalIP :                             Tout
 * RemoteIP :                            Tout
 * Protocole :                           TCP
 * LocalPort :                           Tout
 * RemotePort :                          80,443
 * Programme :                           Tout
 * InterfaceTypes :                      Tout
 * Sécurité :                            NotRequired
 * Source de la règle :                  Paramètre local
 * Action :                              Bloquer
 *
 * Ok.
 * </pre>
 *
 * German reads {@code Regelname}, {@code Aktiviert: Ja}, {@code Richtung: Ausgehend}, {@code Profile:
 * Domäne,Privat,Öffentlich}, {@code Programm}, {@code Protokoll}, {@code Aktion: Blockieren}; the table of every
 * label and value is {@link NetshWords}. A block starts at a rule-name label, or at any line followed by a line of
 * dashes (the rule name in a language Sonde does not know: the rule is kept, the fields it cannot name stay
 * unknown, and an unknown value never makes a block). Lines that belong to no block, or that no label names, are
 * skipped. At most {@value #MAX_FACTS} rules are read; lines are read up to {@value #MAX_LINE} characters.
 */
public final class FirewallRulesOutput {

    /** The documented file name. */
    public static final String FILE = "firewall-rules.txt";
    /** Most rules read from one file. */
    public static final int MAX_FACTS = 10_000;
    /** Longest part of a line that is read. */
    static final int MAX_LINE = 4096;

    private FirewallRulesOutput() {
    }

    /**
     * The rules of one saved output.
     *
     * @param file  the file's name as the evidence will show it
     * @param lines its lines, decoded (line ends removed or not)
     * @return one {@link FirewallRule} per block, in file order; never throws on what it cannot read
     */
    public static List<Fact> parse(String file, List<String> lines) {
        List<Fact> out = new ArrayList<>();
        int start = -1;
        Map<RuleField, String> fields = new EnumMap<>(RuleField.class);
        for (int i = 0; i < lines.size() && out.size() < MAX_FACTS; i++) {
            String line = NetshText.clean(lines.get(i), MAX_LINE);
            Labelled<RuleField> l = NetshWords.label(line, NetshWords.RULE_LABELS);
            boolean named = l != null && l.field() == RuleField.NAME;
            boolean headed = !NetshText.isDashes(line) && !line.isBlank() && i + 1 < lines.size()
                    && NetshText.isDashes(NetshText.clean(lines.get(i + 1), MAX_LINE));
            if (named || headed) {
                add(out, file, lines, start, fields);
                start = i;
                fields.clear();
                fields.put(RuleField.NAME, named ? l.value() : NetshText.afterColon(line));
            } else if (start >= 0 && l != null) {
                fields.putIfAbsent(l.field(), l.value());
            }
        }
        if (out.size() < MAX_FACTS) {
            add(out, file, lines, start, fields);
        }
        return out;
    }

    private static void add(List<Fact> out, String file, List<String> lines, int start, Map<RuleField, String> f) {
        if (start < 0) {
            return;
        }
        String program = f.getOrDefault(RuleField.PROGRAM, "");
        out.add(new FirewallRule(f.get(RuleField.NAME),
                NetshWords.onOff(f.getOrDefault(RuleField.ENABLED, "")),
                NetshWords.direction(f.getOrDefault(RuleField.DIRECTION, "")),
                NetshWords.profiles(f.getOrDefault(RuleField.PROFILES, "")),
                NetshWords.action(f.getOrDefault(RuleField.ACTION, "")),
                NetshWords.isAny(program) ? "" : program,
                NetshWords.protocol(f.getOrDefault(RuleField.PROTOCOL, "")),
                f.getOrDefault(RuleField.LOCAL_PORT, ""),
                f.getOrDefault(RuleField.REMOTE_PORT, ""),
                f.getOrDefault(RuleField.REMOTE_IP, ""),
                LogTime.UNKNOWN, "", new Evidence(file, start + 1, NetshText.clean(lines.get(start), MAX_LINE))));
    }
}
