package dev.sonde.facts;

import java.util.Locale;

/**
 * Where a proxy setting was found ({@link ProxySetting#origin()}, {@link ProxyCheck#origin()},
 * {@link ProxyScriptSetting#origin()}). Its text form ({@link #toString()}, what recorded probes files and evidence
 * hold) is the lower-case name: {@code given}, {@code winhttp}, {@code env}, {@code jvm}, {@code user},
 * {@code policy}, {@code machine}, {@code script}.
 */
public enum ProxyOrigin {
    /** Passed by the caller ({@code --proxy}). */
    GIVEN,
    /** {@code netsh winhttp show proxy}: the machine-wide WinHTTP proxy GWSMO uses. */
    WINHTTP,
    /** The environment: {@code HTTPS_PROXY}, {@code HTTP_PROXY} (with {@code NO_PROXY}). */
    ENV,
    /** The JVM: system properties ({@code https.proxyHost} ...) or its {@code ProxySelector}. */
    JVM,
    // issue 13, per-user Internet Settings (i13-hostcfg)
    /**
     * The user's Internet Settings ({@code HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings}):
     * the proxy Internet Explorer and the Windows proxy dialog show, saved as {@code internet-settings.txt}.
     */
    USER,
    /**
     * The group-policy keys that override the user's Internet Settings
     * ({@code HKLM} or {@code HKCU\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings}), saved
     * as {@code internet-settings-policy.txt}.
     */
    POLICY,
    /**
     * The machine's own Internet Settings ({@code HKLM\Software\Microsoft\Windows\CurrentVersion\Internet
     * Settings}, saved as {@code internet-settings-machine.txt}): in force instead of the user's only when the policy
     * {@code ProxySettingsPerUser} is 0 ({@link ProxySettingsPerMachine}).
     */
    MACHINE,
    /**
     * The proxy auto-config script the Internet Settings name ({@code AutoConfigURL}): the proxy it chooses for a
     * Google URL, as WinHTTP would (live probes on Windows).
     */
    SCRIPT;

    /**
     * How settings of this origin rank when Windows chooses the Internet Settings in force: 0 for a policy's (which
     * wins), 1 for the machine's own when {@code perMachine} (the policy {@code ProxySettingsPerUser} is 0) or else
     * the user's, -1 for settings that are not in force and for origins that are not Internet Settings.
     */
    public int internetSettingsRank(boolean perMachine) {
        return switch (this) {
            case POLICY -> 0;
            case MACHINE -> perMachine ? 1 : -1;
            case USER -> perMachine ? -1 : 1;
            default -> -1;
        };
    }

    /** {@code given}, {@code winhttp}, {@code env}, {@code jvm}, {@code user}, {@code policy}, {@code machine} or {@code script}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
