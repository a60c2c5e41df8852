package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyScriptSetting;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.ProxySettingsPerMachine;
import dev.sonde.net.ProxyServerLists;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The proxy configuration as Internet Explorer sees it (article step 3), from the saved output of
 * {@code reg query "HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings" /s} ({@value #FILE}) and of the
 * group-policy keys that override it ({@value #POLICY_FILE}: {@code reg query} of
 * {@code HKLM\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings} and of the same path under
 * {@code HKCU}, possibly concatenated), and of the machine's own settings ({@value #MACHINE_FILE}). Sample ({@link #SAMPLE}; read back in {@code InternetSettingsOutputTest}):
 *
 * <pre>
 *
 * HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Internet Settings
 *     CertificateRevocation    REG_DWORD    0x1
 *     User Agent    REG_SZ    Mozilla/4.0 (compatible; MSIE 8.0; Win32)
 *     ProxyEnable    REG_DWORD    0x1
 *     ProxyServer    REG_SZ    http=web.corp.example:3128;https=secure.corp.example:8443
 *     ProxyOverride    REG_SZ    &lt;local&gt;;*.corp.example
 *     AutoConfigURL    REG_SZ    http://wpad.corp.example/proxy.pac
 *
 * HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Internet Settings\Connections
 *     DefaultConnectionSettings    REG_BINARY    46000000070000000D0000001C000000
 *
 * HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Internet Settings\ZoneMap
 *     AutoDetect    REG_DWORD    0x0
 * </pre>
 *
 * reads as {@code ProxySetting(user, "secure.corp.example:8443", "<local>;*.corp.example")} quoting the
 * {@code ProxyServer} line, and {@code ProxyScriptSetting(user, "http://wpad.corp.example/proxy.pac", autoDetect
 * true)} quoting the {@code AutoConfigURL} line (byte 8 of {@code DefaultConnectionSettings}, {@code 0x0D}, has
 * auto-detect's bit {@code 0x08}). The values of other subkeys ({@code ZoneMap}'s own {@code AutoDetect}) are not
 * the proxy's and are ignored.
 *
 * <p>Read: under a key ending in {@code \Internet Settings}, {@code ProxyEnable} (a proxy is used only when it is 1
 * and {@code ProxyServer} names one; of a per-scheme list the entry HTTPS takes, see {@link ProxyServerLists}),
 * {@code ProxyServer}, {@code ProxyOverride} (the bypass list) and {@code AutoConfigURL} (the PAC script;
 * credentials written into it are dropped); under {@code \Internet Settings\Connections},
 * {@code DefaultConnectionSettings} (byte 8 holds flags: {@code 0x01} direct, {@code 0x02} proxy, {@code 0x04}
 * auto-config URL, {@code 0x08} auto-detect). Keys under {@code \Policies\} give origin {@link ProxyOrigin#POLICY}
 * (the machine's policy winning over the user's), the user's keys {@link ProxyOrigin#USER}, the machine's own
 * settings ({@code HKLM\Software\Microsoft\...}, {@code internet-settings-machine.txt}) {@link ProxyOrigin#MACHINE}.
 * The machine's policy {@code ProxySettingsPerUser} of 0 ("make proxy settings per-machine") gives a
 * {@link ProxySettingsPerMachine}: which settings are then in force is decided across files by whoever reads the facts
 * ({@link ProxyOrigin#internetSettingsRank(boolean)}), since the policy and the settings are saved apart. Value
 * names are never translated, the surrounding messages are ({@code ERROR: The system was unable to find the specified registry key or value.}, French
 * {@code ERREUR : le système n'a pas trouvé la clé ou la valeur de Registre spécifiée.}): those are skipped, as is
 * anything else not understood. At most two facts per origin, and one {@code ProxySettingsPerMachine}; no time ({@link LogTime#UNKNOWN}).
 */
public final class InternetSettingsOutput {

    /** The documented file name of the user's Internet Settings. */
    public static final String FILE = "internet-settings.txt";
    /** The documented file name of the group-policy keys that override them. */
    public static final String POLICY_FILE = "internet-settings-policy.txt";
    /** The documented file name of the machine's own Internet Settings, in force per-machine. */
    public static final String MACHINE_FILE = "internet-settings-machine.txt";

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """

            HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings
                CertificateRevocation    REG_DWORD    0x1
                User Agent    REG_SZ    Mozilla/4.0 (compatible; MSIE 8.0; Win32)
                ProxyEnable    REG_DWORD    0x1
                ProxyServer    REG_SZ    http=web.corp.example:3128;https=secure.corp.example:8443
                ProxyOverride    REG_SZ    <local>;*.corp.example
                AutoConfigURL    REG_SZ    http://wpad.corp.example/proxy.pac

            HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections
                DefaultConnectionSettings    REG_BINARY    46000000070000000D0000001C000000

            HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap
                AutoDetect    REG_DWORD    0x0
            """;

    static final String PROXY_ENABLE = "ProxyEnable";
    static final String PROXY_SERVER = "ProxyServer";
    static final String PROXY_OVERRIDE = "ProxyOverride";
    static final String AUTO_CONFIG_URL = "AutoConfigURL";
    static final String CONNECTION_SETTINGS = "DefaultConnectionSettings";
    static final String PER_USER = "ProxySettingsPerUser";
    /** The byte of {@code DefaultConnectionSettings} that holds its flags, and auto-detect's flag. */
    static final int FLAGS_BYTE = 8;
    static final int AUTO_DETECT = 0x08;

    private static final String SETTINGS_KEY = "\\software\\microsoft\\windows\\currentversion\\internet settings";
    private static final String POLICY_KEY = "\\software\\policies\\microsoft\\windows\\currentversion\\internet settings";
    private static final String CONNECTIONS = "\\connections";
    private static final Set<String> READ = Set.of(PROXY_ENABLE.toLowerCase(Locale.ROOT),
            PROXY_SERVER.toLowerCase(Locale.ROOT), PROXY_OVERRIDE.toLowerCase(Locale.ROOT),
            AUTO_CONFIG_URL.toLowerCase(Locale.ROOT), PER_USER.toLowerCase(Locale.ROOT));

    private InternetSettingsOutput() {
    }

    /**
     * The proxy settings in force that the output shows: at most a {@link ProxySetting} and a
     * {@link ProxyScriptSetting} per origin. Never throws on content; evidence {@code new Evidence(file, line, text)}.
     *
     * @param file  the file's name, as evidence names it
     * @param lines its lines, decoded
     */
    public static List<Fact> parse(String file, List<String> lines) {
        Map<ProxyOrigin, Settings> byOrigin = new EnumMap<>(ProxyOrigin.class);
        List<Fact> out = new ArrayList<>();
        for (RegValue v : RegQueryLines.values(lines, InternetSettingsOutput::proxyValue)) {
            boolean policy = v.key().contains(POLICY_KEY);
            boolean machine = v.key().startsWith("hkey_local_machine");
            if (policy && v.named(PER_USER)) {
                if (machine && v.number().orElse(1) == 0 && out.isEmpty()) {
                    out.add(new ProxySettingsPerMachine(LogTime.UNKNOWN, "", evidence(file, v)));
                }
                continue;
            }
            ProxyOrigin origin = policy ? ProxyOrigin.POLICY : machine ? ProxyOrigin.MACHINE : ProxyOrigin.USER;
            byOrigin.computeIfAbsent(origin, o -> new Settings()).put(v, machine);
        }
        byOrigin.forEach((origin, s) -> s.facts(origin, file, out));
        return out;
    }

    /** A value this reader reads: one of the proxy's names, under the settings key or its Connections subkey. */
    private static boolean proxyValue(RegValue v) {
        String key = v.key();
        if (key.endsWith(SETTINGS_KEY) || key.endsWith(POLICY_KEY)) {
            return READ.contains(v.name().toLowerCase(Locale.ROOT));
        }
        return (key.endsWith(SETTINGS_KEY + CONNECTIONS) || key.endsWith(POLICY_KEY + CONNECTIONS)) && v.named(CONNECTION_SETTINGS);
    }

    /** The values of one origin: a machine's policy value wins over a user's, else the last printed wins. */
    private static final class Settings {
        private final Map<String, RegValue> values = new HashMap<>();
        private final Set<String> fromMachine = new HashSet<>();

        void put(RegValue v, boolean machine) {
            String name = v.name().toLowerCase(Locale.ROOT);
            if (!machine && fromMachine.contains(name)) {
                return;
            }
            values.put(name, v);
            if (machine) {
                fromMachine.add(name);
            }
        }

        Optional<RegValue> get(String name) {
            return Optional.ofNullable(values.get(name.toLowerCase(Locale.ROOT)));
        }

        void facts(ProxyOrigin origin, String file, List<Fact> out) {
            Optional<RegValue> server = get(PROXY_SERVER);
            OptionalLong enabled = get(PROXY_ENABLE).map(RegValue::number).orElse(OptionalLong.empty());
            if (enabled.isPresent() && enabled.getAsLong() == 1 && server.isPresent()) {
                Optional<String> proxy = ProxyServerLists.forHttps(server.get().data());
                String bypass = get(PROXY_OVERRIDE).map(RegValue::data).orElse("");
                proxy.ifPresent(p -> out.add(new ProxySetting(origin, p, bypass, LogTime.UNKNOWN, "", evidence(file, server.get()))));
            }
            Optional<RegValue> url = get(AUTO_CONFIG_URL).filter(v -> !v.data().isBlank());
            Optional<RegValue> connections = get(CONNECTION_SETTINGS);
            int flags = connections.map(c -> c.binaryByte(FLAGS_BYTE)).orElse(-1);
            boolean autoDetect = flags >= 0 && (flags & AUTO_DETECT) != 0;
            if (url.isPresent() || autoDetect) {
                RegValue quoted = url.orElseGet(connections::get);
                out.add(new ProxyScriptSetting(origin, url.map(v -> withoutCredentials(v.data())).orElse(""), autoDetect,
                        LogTime.UNKNOWN, "", evidence(file, quoted)));
            }
        }
    }

    private static Evidence evidence(String file, RegValue v) {
        return new Evidence(file, v.line(), v.text());
    }

    /** A URL without the {@code user:password@} its authority may hold. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        return at >= start ? url.substring(0, start) + url.substring(at + 1) : url;
    }
}
