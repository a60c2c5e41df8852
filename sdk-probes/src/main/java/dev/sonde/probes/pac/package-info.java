/**
 * Proxy auto-config (PAC) scripts (article step 3): which proxy each Google URL takes according to the
 * machine's {@code AutoConfigURL}. {@link dev.sonde.probes.pac.PacRoutes} is the entry point (facts
 * {@link dev.sonde.facts.PacRoute} and {@link dev.sonde.facts.PacFailure}); {@link dev.sonde.probes.pac.PacFetch}
 * gets a script, {@link dev.sonde.probes.pac.PacScript} evaluates it in a sandbox (Mozilla Rhino, interpreted,
 * no Java, files, network or host access beyond the PAC helpers, bounded in time, instructions, depth and size),
 * bounded by {@link dev.sonde.probes.pac.PacOptions}.
 */
package dev.sonde.probes.pac;
