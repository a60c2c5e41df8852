package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.FirewallProfile;
import dev.sonde.facts.FirewallRule;
import dev.sonde.facts.FirewallSwitch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Saved outputs in the console's OEM code page (what {@code netsh ... > file.txt} in {@code cmd} writes on a French or
 * German Windows) read as the same outputs in UTF-8 do; Windows-1252 and UTF-8 text are never taken for OEM text.
 */
class OemCodePageTest {

    static final Charset CP850 = Charset.forName("IBM850");
    static final Charset CP1252 = Charset.forName("windows-1252");

    /** A French rule as {@code netsh advfirewall firewall show rule name=all dir=out verbose} prints it. */
    static final String FRENCH = String.join("\r\n",
            "",
            "Nom de la règle :                     Bloquer le Web (proxy obligatoire)",
            "----------------------------------------------------------------------",
            "Description :                         Tout le trafic Web passe par le proxy",
            "Activé :                              Oui",
            "Direction :                           Sortie",
            "Profils :                             Domaine,Privé",
            "Groupement :                          ",
            "LocalIP :                             Tout",
            "RemoteIP :                            Tout",
            "Protocole :                           TCP",
            "LocalPort :                           Tout",
            "RemotePort :                          80,443",
            "Programme :                           Tout",
            "InterfaceTypes :                      Tout",
            "Sécurité :                            NotRequired",
            "Source de la règle :                  Paramètre local",
            "Action :                              Bloquer",
            "",
            "Ok.",
            "");

    /** The German one, whose profile names carry umlauts. */
    static final String GERMAN = String.join("\r\n",
            "",
            "Regelname:                            Outlook blockieren",
            "----------------------------------------------------------------------",
            "Aktiviert:                            Ja",
            "Richtung:                             Ausgehend",
            "Profile:                              Domäne,Privat,Öffentlich",
            "Protokoll:                            TCP",
            "RemotePort:                           443",
            "Programm:                             C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
            "Aktion:                               Blockieren",
            "",
            "OK.",
            "");

    final List<Fact> facts = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    InputSummary read(byte[] bytes) {
        return new GwsmoLogReader().read(LogInput.ofBytes("host/firewall-rules.txt", bytes), facts::add, warnings::add,
                Instant.now().plusSeconds(30));
    }

    FirewallRule onlyRule() {
        assertThat(facts).hasSize(1);
        return (FirewallRule) facts.get(0);
    }

    @Test
    void aFrenchOutputInCodePage850ReadsAsInUtf8() {
        InputSummary s = read(FRENCH.getBytes(CP850));
        FirewallRule oem = onlyRule();
        assertThat(s.encoding()).isEqualTo("IBM850");
        assertThat(oem.enabled()).isEqualTo(FirewallSwitch.ON); // "Activé", 0x82 for é
        assertThat(oem.profiles()).isEqualTo(Set.of(FirewallProfile.Name.DOMAIN, FirewallProfile.Name.PRIVATE));
        assertThat(oem.name()).isEqualTo("Bloquer le Web (proxy obligatoire)");

        facts.clear();
        read(FRENCH.getBytes(StandardCharsets.UTF_8));
        assertThat(onlyRule()).isEqualTo(oem);
    }

    @Test
    void aGermanOutputInCodePage850KeepsItsUmlauts() {
        read(GERMAN.getBytes(CP850));
        assertThat(onlyRule().profiles()).isEqualTo(Set.of(FirewallProfile.Name.DOMAIN, FirewallProfile.Name.PRIVATE,
                FirewallProfile.Name.PUBLIC));
        assertThat(onlyRule().blocksOutbound()).isTrue();
    }

    @Test
    void windows1252TextStaysWindows1252() {
        InputSummary s = read(FRENCH.getBytes(CP1252));
        assertThat(s.encoding()).isNotEqualTo("IBM850");
        assertThat(onlyRule().enabled()).isEqualTo(FirewallSwitch.ON);
    }

    static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :.,-()\\";
    /** Accented letters CP850 puts in 0x80-0x9F, where Windows-1252 has no letter: the evidence. */
    static final String SMALL = "éèàçêôûùîïâëäöüÄÖÜÉ";
    /** Accented letters CP850 puts higher, where Windows-1252 has letters too: no evidence either way. */
    static final String OTHER = "ßÀÂÈ";

    @Test
    void textWithAccentedLettersIsOemOnlyInCodePage850() {
        String all = LETTERS + SMALL + OTHER;
        qt().forAll(lists().of(integers().between(0, all.length() - 1)).ofSizeBetween(0, 200),
                integers().between(0, SMALL.length() - 1))
                .checkAssert((picks, accent) -> {
                    StringBuilder text = new StringBuilder();
                    int other = 0;
                    for (int p : picks) {
                        text.append(all.charAt(p));
                        other += p >= LETTERS.length() + SMALL.length() ? 1 : 0;
                    }
                    for (int i = 0; i <= other; i++) { // more of the evidence than of the rest
                        text.insert(0, SMALL.charAt(accent));
                    }
                    String t = text.toString();
                    assertThat(OemCodePage.of(t.getBytes(CP850))).as(t).isPresent()
                            .hasValueSatisfying(c -> assertThat(new String(t.getBytes(CP850), c)).isEqualTo(t));
                    assertThat(OemCodePage.of(t.getBytes(CP1252))).as(t).isEmpty();
                    assertThat(OemCodePage.of(t.getBytes(StandardCharsets.UTF_8))).as(t).isEmpty();
                    assertThat(OemCodePage.of(t.getBytes(StandardCharsets.UTF_16LE))).as(t).isEmpty();
                });
    }

    @Test
    void asciiIsNeverOem() {
        assertThat(OemCodePage.of("Rule Name: Block Outlook\r\nEnabled: Yes\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }
}
