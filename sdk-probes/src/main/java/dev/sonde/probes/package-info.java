/**
 * What every probe family shares: {@link dev.sonde.probes.ProbeOutcome} (ok, problem with a typed reason, or
 * not run with why), {@link dev.sonde.probes.Deadline} (every network call is bounded by one) and
 * {@link dev.sonde.probes.Elapsed}. The families are the sub-packages; {@code run} schedules them for a catalog.
 */
package dev.sonde.probes;
