/**
 * TCP: opening a connection to a host's port within a deadline and naming why it failed (refused, dropped,
 * unreachable), shared by every probe that talks TCP.
 */
package dev.sonde.probes.tcp;
