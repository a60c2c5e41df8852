package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Windows Firewall rule (article step 1: Outlook.exe and ProfileEditor.exe must be let out on TCP 443, and TCP 80
 * must be open for revocation lists), one block of {@code netsh advfirewall firewall show rule name=all dir=out
 * verbose} saved as {@code firewall-rules.txt}. Values are read from English, French or German Windows; a value the
 * reader cannot name stays unknown ({@code UNKNOWN}, an empty set, or {@code ""} as written). Evidence: the block's
 * {@code Rule Name:} line. The output has no time: {@link LogTime#UNKNOWN}.
 *
 * @param name            the rule's name as written (may be localized, e.g. {@code @FirewallAPI.dll,-28502} resolved)
 * @param enabled         {@code Enabled: Yes/No}
 * @param direction       {@code Direction: In/Out}
 * @param profiles        the profiles it applies to ({@code Domain,Private,Public}; {@code Any}/{@code All} is all
 *                        three); empty when not known
 * @param action          {@code Action: Allow/Block/Bypass}
 * @param program         the program's full path as written ({@code %ProgramFiles%\...\OUTLOOK.EXE}), {@code ""}
 *                        for any program ({@code Any} or no {@code Program:} line)
 * @param protocol        {@code TCP}, {@code UDP}, {@code ANY} (any protocol, in any language) or a protocol
 *                        number, as written upper-cased; {@code ""} when not known
 * @param localPorts      {@code LocalPort} as written ({@code Any}, {@code 443}, {@code 80,443}, {@code 1-1024},
 *                        {@code RPC}...), {@code ""} when not printed
 * @param remotePorts     {@code RemotePort} as written, {@code ""} when not printed (netsh omits ports for
 *                        protocols without them: any port)
 * @param remoteAddresses {@code RemoteIP} as written ({@code Any}, {@code 8.8.8.8/32,LocalSubnet}), {@code ""} when
 *                        not printed
 */
public record FirewallRule(String name, FirewallSwitch enabled, Direction direction, Set<FirewallProfile.Name> profiles,
                           Action action, String program, String protocol, String localPorts, String remotePorts,
                           String remoteAddresses, LogTime time, String thread, Evidence source) implements Fact {

    /** Which traffic the rule applies to. */
    public enum Direction {
        /** Inbound ({@code In}, {@code Entrée}, {@code Eingehend}). */
        IN,
        /** Outbound ({@code Out}, {@code Sortie}, {@code Ausgehend}). */
        OUT,
        /** Not printed, or not understood. */
        UNKNOWN
    }

    /** What the rule does with the traffic it matches (also a profile's default, {@link FirewallProfile}). */
    public enum Action {
        /** Let it through. */
        ALLOW,
        /** Drop it. */
        BLOCK,
        /** Let it through when it is authenticated (IPsec), overriding block rules. */
        BYPASS,
        /** Not printed, or not understood. */
        UNKNOWN
    }

    public FirewallRule {
        name = Objects.requireNonNullElse(name, "");
        enabled = Objects.requireNonNullElse(enabled, FirewallSwitch.UNKNOWN);
        direction = Objects.requireNonNullElse(direction, Direction.UNKNOWN);
        profiles = profiles == null ? Set.of() : Set.copyOf(profiles);
        action = Objects.requireNonNullElse(action, Action.UNKNOWN);
        program = Objects.requireNonNullElse(program, "");
        protocol = Objects.requireNonNullElse(protocol, "");
        localPorts = Objects.requireNonNullElse(localPorts, "");
        remotePorts = Objects.requireNonNullElse(remotePorts, "");
        remoteAddresses = Objects.requireNonNullElse(remoteAddresses, "");
        time = Objects.requireNonNullElse(time, LogTime.UNKNOWN);
        thread = Objects.requireNonNullElse(thread, "");
        Objects.requireNonNull(source, "source");
    }

    /** True when the rule is known to be enabled, outbound and blocking. */
    public boolean blocksOutbound() {
        return enabled == FirewallSwitch.ON && direction == Direction.OUT && action == Action.BLOCK;
    }

    /** True when the rule is known to be enabled, outbound and allowing (or bypassing, which also lets through). */
    public boolean allowsOutbound() {
        return enabled == FirewallSwitch.ON && direction == Direction.OUT
                && (action == Action.ALLOW || action == Action.BYPASS);
    }

    /**
     * True when what decides whether the rule lets traffic out was read: enabled, direction, action and profiles
     * (false for a block in a language the reader does not know: rules must not conclude from its silence).
     */
    public boolean understood() {
        return enabled != FirewallSwitch.UNKNOWN && direction != Direction.UNKNOWN && action != Action.UNKNOWN
                && !profiles.isEmpty();
    }

    /** True when the rule applies to {@code profile}. False when its profiles are not known. */
    public boolean appliesTo(FirewallProfile.Name profile) {
        return profiles.contains(profile);
    }

    /** True when the rule applies to every program ({@link #program} is {@code ""}). */
    public boolean anyProgram() {
        return program.isEmpty();
    }

    /**
     * The program's file name, lower-cased ({@code outlook.exe} for {@code C:\Program Files\...\OUTLOOK.EXE}), or
     * {@code ""} for any program.
     */
    public String programFile() {
        int cut = Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/'));
        return program.substring(cut + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** True when the rule is known to match TCP: {@code TCP}, {@code 6} or any protocol ({@code ANY}). */
    public boolean coversTcp() {
        return protocol.equals("TCP") || protocol.equals("6") || protocol.equals("ANY");
    }

    /**
     * True when {@link #remotePorts} covers {@code port}: {@code Any} (in English, French or German), a number, a
     * range {@code 1-1024}, or a comma-separated list of these; no port printed covers every port only when the
     * protocol is {@code ANY} (netsh prints no ports then). Other keywords ({@code IPHTTPSOut}, {@code RPC},
     * {@code PlayToDiscovery}...) name special ports, never 80 or 443 of an outbound web connection: they cover
     * nothing here. Anything not understood covers nothing (never guess a block).
     */
    public boolean coversRemotePort(int port) {
        if (remotePorts.isBlank()) {
            return protocol.equals("ANY");
        }
        return FirewallPorts.covers(remotePorts, port);
    }
}
