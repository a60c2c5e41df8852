package dev.sonde.facts;

import dev.sonde.Evidence;

/**
 * The group policy "Make proxy settings per-machine (rather than per-user)" is on: {@code ProxySettingsPerUser} is 0
 * under {@code HKLM\Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings}
 * ({@code internet-settings-policy.txt}). The machine's own Internet Settings ({@link ProxyOrigin#MACHINE}) are then in
 * force and the user's ({@link ProxyOrigin#USER}) are not, whichever files they were read from: see
 * {@link ProxyOrigin#internetSettingsRank(boolean)}. The policy's line is the evidence.
 */
public record ProxySettingsPerMachine(LogTime time, String thread, Evidence source) implements Fact {
}
