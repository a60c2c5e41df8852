package dev.sonde;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's own configuration that Sonde reads as evidence (the help article's steps 1 and 3): the saved
 * output of a Windows command, each under a documented file name. {@link Sonde#analyze} finds these files in the
 * folders and archives it is given (at any depth, like {@code *.log}), {@code sonde collect} writes them into a
 * support bundle's {@code host/} folder, and {@code sonde probe}/{@code diagnose} run the commands themselves on
 * Windows. {@code docs/host-evidence.md} says what each proves.
 */
public enum HostEvidence {
    /** Outbound firewall rules: a rule that blocks Outlook.exe, ProfileEditor.exe or TCP 80/443. */
    FIREWALL_RULES("firewall-rules.txt",
            List.of(List.of("netsh", "advfirewall", "firewall", "show", "rule", "name=all", "dir=out", "verbose"))),
    /** The firewall profiles (domain, private, public): on or off, default outbound action. */
    FIREWALL_PROFILES("firewall-profiles.txt", List.of(List.of("netsh", "advfirewall", "show", "allprofiles"))),
    /** The active firewall profile(s). */
    FIREWALL_CURRENT_PROFILE("firewall-currentprofile.txt",
            List.of(List.of("netsh", "advfirewall", "show", "currentprofile"))),
    /** The machine-wide WinHTTP proxy. */
    WINHTTP_PROXY("winhttp-proxy.txt", List.of(List.of("netsh", "winhttp", "show", "proxy"))),
    /** The user's Internet Settings: manual proxy, bypass list, auto-config script URL, auto-detect. */
    INTERNET_SETTINGS("internet-settings.txt", List.of(List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "/s"))),
    /** The policies that override the user's Internet Settings (machine and user). */
    INTERNET_SETTINGS_POLICY("internet-settings-policy.txt", List.of(
            List.of("reg", "query", "HKLM\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "/s"),
            List.of("reg", "query", "HKCU\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "/s"))),
    /**
     * The machine's own Internet Settings: in force instead of the user's when the policy {@code ProxySettingsPerUser}
     * is 0 ("make proxy settings per-machine").
     */
    INTERNET_SETTINGS_MACHINE("internet-settings-machine.txt", List.of(List.of("reg", "query",
            "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "/s"))),
    /** The proxy auto-config script the Internet Settings name, as fetched. */
    PROXY_SCRIPT("proxy.pac", List.of()),
    /** The machine's trusted root certificates. */
    ROOTS_MACHINE("roots-machine.txt", List.of(List.of("certutil", "-store", "Root"))),
    /** The user's trusted root certificates. */
    ROOTS_USER("roots-user.txt", List.of(List.of("certutil", "-user", "-store", "Root"))),
    /** Installed programs, for the sync products' versions. */
    UNINSTALL("uninstall.txt", List.of(
            List.of("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall", "/s"),
            List.of("reg", "query", "HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall", "/s")));

    private final String fileName;
    private final List<List<String>> commands;

    HostEvidence(String fileName, List<List<String>> commands) {
        this.fileName = fileName;
        this.commands = commands;
    }

    /** The documented file name the saved output goes under, e.g. {@code firewall-rules.txt}. */
    public String fileName() {
        return fileName;
    }

    /**
     * The commands whose outputs, one after the other, make the file (program and arguments, no shell); empty for
     * the auto-config script, which is fetched, not run.
     */
    public List<List<String>> commands() {
        return commands;
    }

    /** The name of the input format a report gives these files: {@code host:firewall-rules}. */
    public String format() {
        return "host:" + fileName.substring(0, fileName.lastIndexOf('.'));
    }

    /**
     * The source whose documented name a file has (letter case ignored), from its path or an archive entry's
     * ({@code host/firewall-rules.txt}, {@code bundle.zip!/host/FIREWALL-RULES.TXT}, {@code C:\out\roots-user.txt}).
     */
    public static Optional<HostEvidence> ofFile(String path) {
        int cut = Math.max(path.lastIndexOf('/'), Math.max(path.lastIndexOf('\\'), path.lastIndexOf('!')));
        String name = path.substring(cut + 1).toLowerCase(Locale.ROOT);
        for (HostEvidence e : values()) {
            if (e.fileName.equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
