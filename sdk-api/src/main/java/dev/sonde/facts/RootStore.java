package dev.sonde.facts;

import java.util.Locale;

/**
 * Which Windows trusted-root store a certificate was listed in ({@link InstalledRoot#store()}). Its text form
 * ({@link #toString()}) is the lower-case name: {@code machine}, {@code user}.
 */
public enum RootStore {
    /** The computer's Trusted Root Certification Authorities ({@code certutil -store Root}): every user trusts it. */
    MACHINE,
    /** The signed-in user's own Trusted Root store ({@code certutil -user -store Root}). */
    USER;

    /** {@code machine} or {@code user}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
