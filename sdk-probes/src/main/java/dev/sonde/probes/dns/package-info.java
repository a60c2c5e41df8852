/** DNS: resolving a catalog host within a deadline, IP literals parsed without any lookup. */
package dev.sonde.probes.dns;
