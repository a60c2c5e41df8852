/**
 * Sonde's public API: {@link dev.sonde.Sonde} analyzes GWSMO logs into a {@link dev.sonde.Report} of
 * ranked {@link dev.sonde.Finding}s. Facts that rules match on live in {@code dev.sonde.facts}; the
 * extension points (log readers, rule engines) in {@code dev.sonde.spi}.
 */
package dev.sonde;
