package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.facts.ProxySetting;
import dev.sonde.testsupport.RegQueryOutputs;
import dev.sonde.testsupport.RegQueryOutputs.Installed;
import dev.sonde.testsupport.RegQueryOutputs.Key;
import dev.sonde.testsupport.RegQueryOutputs.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated {@code reg query} outputs (value and key order, column spacing, missing values, per-scheme lists,
 * {@code DefaultConnectionSettings} of every width, CRLF, messages and junk between) read as the facts they hold.
 */
class RegQueryPropertyTest {

    static final String USER_KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
    static final String POLICY_KEY = "HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

    /** Split as the reader hands lines over, or only at LF (a CR left at each line's end). */
    static List<String> lines(String text, boolean keepCr) {
        return List.of(keepCr ? text.split("\n", -1) : text.split("\\R", -1));
    }

    @Test
    void internetSettingsReadAsTheProxyAndScriptTheyTurnOn() {
        qt().withExamples(400).forAll(RegQueryOutputs.settings(), RegQueryOutputs.settings(), longs().all())
                .checkAssert((user, policy, seed) -> {
                    List<Key> keys = new ArrayList<>(RegQueryOutputs.keys(USER_KEY, user, seed));
                    keys.addAll(RegQueryOutputs.keys(POLICY_KEY, policy, seed + 1));
                    String text = RegQueryOutputs.render(keys, seed);
                    List<String> lines = lines(text, seed % 2 == 0);
                    List<Fact> facts = InternetSettingsOutput.parse("internet-settings.txt", lines);
                    expect(facts, ProxyOrigin.USER, user, lines);
                    expect(facts, ProxyOrigin.POLICY, policy, lines);
                });
    }

    private static void expect(List<Fact> facts, ProxyOrigin origin, Settings s, List<String> lines) {
        List<ProxySetting> proxies = facts.stream().filter(f -> f instanceof ProxySetting p && p.origin() == origin)
                .map(ProxySetting.class::cast).toList();
        if (s.proxy() == null) {
            assertThat(proxies).as("%s proxy of %s", origin, s).isEmpty();
        } else {
            assertThat(proxies).as("%s proxy of %s", origin, s).singleElement().satisfies(p -> {
                assertThat(p.proxy()).isEqualTo(s.proxy());
                assertThat(p.bypass()).isEqualTo(s.override() == null ? "" : s.override());
                assertThat(lines.get((int) p.source().line() - 1)).contains("ProxyServer").contains(s.server());
            });
        }
        List<ProxyScriptSetting> scripts = facts.stream().filter(f -> f instanceof ProxyScriptSetting p && p.origin() == origin)
                .map(ProxyScriptSetting.class::cast).toList();
        if (!s.script()) {
            assertThat(scripts).as("%s script of %s", origin, s).isEmpty();
        } else {
            assertThat(scripts).as("%s script of %s", origin, s).singleElement().satisfies(p -> {
                assertThat(p.autoConfigUrl()).isEqualTo(s.url() == null ? "" : s.url());
                assertThat(p.autoDetect()).isEqualTo(s.autoDetect());
                assertThat(lines.get((int) p.source().line() - 1)).contains(p.hasScript() ? "AutoConfigURL" : "DefaultConnectionSettings");
            });
        }
    }

    @Test
    void uninstallKeysReadAsTheGoogleProductsTheyName() {
        qt().withExamples(300).forAll(RegQueryOutputs.installed(), longs().all()).checkAssert((entries, seed) -> {
            String text = RegQueryOutputs.render(RegQueryOutputs.uninstallKeys(entries, seed), seed);
            List<String> lines = lines(text, seed % 2 == 0);
            Set<String> expected = new LinkedHashSet<>();
            for (Installed e : entries) {
                if (!e.product().isEmpty()) {
                    expected.add(e.product() + " " + e.version());
                }
            }
            List<Fact> facts = UninstallOutput.parse("uninstall.txt", lines);
            assertThat(facts).extracting(f -> ((ClientInfo) f).product() + " " + ((ClientInfo) f).version())
                    .containsExactlyElementsOf(expected);
            assertThat(facts).allSatisfy(f -> assertThat(lines.get((int) f.source().line() - 1)).contains("DisplayName"));
        });
    }

    @Test
    void anyTextReadsWithoutFailingAndWithFewFacts() {
        qt().withExamples(400).forAll(strings().allPossible().ofLengthBetween(0, 400), RegQueryOutputs.settings(), longs().all())
                .checkAssert((junk, s, seed) -> {
                    String text = RegQueryOutputs.render(RegQueryOutputs.keys(USER_KEY, s, seed), seed);
                    int cut = (int) Math.floorMod(seed, (long) text.length() + 1);
                    List<String> lines = lines(text.substring(0, cut) + junk + text.substring(cut), false);
                    assertThat(InternetSettingsOutput.parse("x", lines)).hasSizeLessThanOrEqualTo(4);
                    assertThat(UninstallOutput.parse("x", lines)).isEmpty();
                });
    }
}
