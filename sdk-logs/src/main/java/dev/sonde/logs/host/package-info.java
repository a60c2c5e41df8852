/**
 * Host evidence: the saved output of Windows commands that show this computer's own configuration, each read by one
 * class with a documented file name ({@code FILE}) and sample, as a pure function of (file name, lines) to facts.
 * Here: the proxy configuration Internet Explorer sees ({@link dev.sonde.logs.host.InternetSettingsOutput},
 * {@code internet-settings.txt}, {@code internet-settings-policy.txt}, {@code internet-settings-machine.txt}) and the installed Google products
 * ({@link dev.sonde.logs.host.UninstallOutput}, {@code uninstall.txt}), both {@code reg query} output
 * ({@code RegQueryLines}). Input is hostile: hand scans linear in its length, bounded facts, nothing thrown on
 * garbage (what is not understood is skipped).
 */
package dev.sonde.logs.host;
