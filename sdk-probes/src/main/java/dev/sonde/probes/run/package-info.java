/**
 * The catalog runner: {@link dev.sonde.probes.run.CatalogProber} (the {@code Prober} SPI) plans each catalog
 * endpoint's checks, schedules them on a bounded pool under one overall deadline, counts the checks lost to it,
 * and turns the families' results into facts.
 */
package dev.sonde.probes.run;
