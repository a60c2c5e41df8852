package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installed products reader on its documented sample and on English and French outputs. */
class UninstallOutputTest {

    static List<Fact> parse(String text) {
        return UninstallOutput.parse(UninstallOutput.FILE, List.of(text.split("\\R", -1)));
    }

    @Test
    void documentedSample() {
        assertThat(parse(UninstallOutput.SAMPLE)).containsExactly(new ClientInfo("GWSMO", "", "4.3.58.0", true, LogTime.UNKNOWN, "",
                new Evidence("uninstall.txt", 3, "    DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook")));
    }

    @Test
    void theSampleIsShownAtTheTopOfTheClass() {
        assertThat(HostSamples.shownAtTheTop("UninstallOutput")).isEqualTo(UninstallOutput.SAMPLE);
    }

    /** Both registry views on a French Windows: the WOW6432Node query found nothing and said so in French. */
    static final String BOTH_VIEWS_FR = """

            HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{A1}
                DisplayVersion    REG_SZ    1.0.4.0
                DisplayName    REG_SZ    G Suite Password Sync
            ERREUR : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.
            HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{B2}
                DisplayName    REG_SZ    Google Apps Migration for Microsoft Exchange
                DisplayVersion    REG_SZ    5.0.1.0
            HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{C3}
                DisplayName    REG_SZ    Google Apps Migration for Microsoft Outlook
            HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Office16.PROPLUS
                DisplayName    REG_SZ    Microsoft Office Professional Plus 2016
                DisplayVersion    REG_SZ    16.0.4266.1001
            HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Outlook
                DisplayName    REG_SZ    Microsoft Outlook
                DisplayVersion    REG_SZ    16.0.1
            """;

    @Test
    void productsOfEveryNameAndViewWithTheirVersions() {
        assertThat(parse(BOTH_VIEWS_FR)).extracting(f -> ((ClientInfo) f).product() + " " + ((ClientInfo) f).version() + " "
                + f.source().line()).containsExactly("GAPS 1.0.4.0 4", "GSMME 5.0.1.0 7", "GWMMO  10");
        assertThat(parse(BOTH_VIEWS_FR)).allSatisfy(f -> assertThat(((ClientInfo) f).installed()).isTrue());
    }

    @Test
    void aDisplayVersionOfAnotherKeyIsNeverTaken() {
        String text = """
                HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{A1}
                    DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook
                HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{A2}
                    DisplayVersion    REG_SZ    9.9.9.9
                """;
        assertThat(parse(text)).extracting(f -> ((ClientInfo) f).version()).containsExactly("");
    }

    @Test
    void theSameProductAndVersionInBothViewsIsOneFact() {
        String key = """
                HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{A1}
                    DisplayName    REG_SZ    Google Workspace Sync for Microsoft Outlook
                    DisplayVersion    REG_SZ    4.3.58.0
                """;
        assertThat(parse(key + key.replace("SOFTWARE", "SOFTWARE\\WOW6432Node"))).hasSize(1);
    }

    @Test
    void factsAreCapped() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < UninstallOutput.MAX_FACTS + 5; i++) {
            lines.add("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{" + i + "}");
            lines.add("    DisplayName    REG_SZ    GSMME");
            lines.add("    DisplayVersion    REG_SZ    1." + i);
        }
        assertThat(UninstallOutput.parse("u", lines)).hasSize(UninstallOutput.MAX_FACTS);
    }

    @Test
    void longVersionsAreClipped() {
        String text = "HKEY_LOCAL_MACHINE\\X\\{1}\n    DisplayName    REG_SZ    GSMME\n    DisplayVersion    REG_SZ    " + "9".repeat(500);
        assertThat(((ClientInfo) parse(text).get(0)).version()).hasSize(UninstallOutput.MAX_VERSION);
    }
}
