/** Clock: comparing the local clock with a server's {@code Date} header, within a tolerance. */
package dev.sonde.probes.clock;
