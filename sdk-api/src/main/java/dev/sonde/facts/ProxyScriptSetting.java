package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * An automatic proxy configuration this computer's Internet Settings turn on (article step 3, proxies as Internet
 * Explorer sees them): a proxy auto-config (PAC) script named by {@code AutoConfigURL}, and whether Windows looks for
 * one itself (auto-detect, WPAD: flag {@code 0x08} of {@code DefaultConnectionSettings} under
 * {@code ...\Internet Settings\Connections}). Read from the saved {@code reg query} output
 * ({@code internet-settings.txt}, {@code internet-settings-policy.txt}, {@code internet-settings-machine.txt}); at most
 * one per origin and file, quoting the
 * {@code AutoConfigURL} line, else the {@code DefaultConnectionSettings} one. None when the settings turn neither on.
 *
 * @param origin        where it was found: {@link ProxyOrigin#USER} (the user's Internet Settings),
 *                      {@link ProxyOrigin#POLICY} (the group-policy keys that override them) or {@link ProxyOrigin#MACHINE}
 *                      (the machine's own, in force per-machine); which is in force:
 *                      {@link ProxyOrigin#internetSettingsRank(boolean)}
 * @param autoConfigUrl the PAC script's URL as written (without credentials), or {@code ""} when none is set
 * @param autoDetect    true when auto-detect (WPAD) is on; false when off or not in the saved output
 */
public record ProxyScriptSetting(ProxyOrigin origin, String autoConfigUrl, boolean autoDetect, LogTime time, String thread,
        Evidence source) implements Fact {

    public ProxyScriptSetting {
        Objects.requireNonNull(origin, "origin");
        autoConfigUrl = Objects.requireNonNullElse(autoConfigUrl, "");
    }

    /** True when a PAC script's URL is set. */
    public boolean hasScript() {
        return !autoConfigUrl.isBlank();
    }
}
