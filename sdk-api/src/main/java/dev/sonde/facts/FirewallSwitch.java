package dev.sonde.facts;

/**
 * An on/off setting of the Windows Firewall as {@code netsh advfirewall} prints it: a rule's {@code Enabled: Yes/No}
 * ({@link FirewallRule#enabled()}), a profile's {@code State ON/OFF} ({@link FirewallProfile#state()}).
 * {@link #UNKNOWN} when the line is missing or written in a language the reader does not know.
 */
public enum FirewallSwitch {
    /** Enabled, on. */
    ON,
    /** Disabled, off. */
    OFF,
    /** Not printed, or not understood. */
    UNKNOWN
}
