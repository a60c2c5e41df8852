/** Extension points: log readers, live probers and rule engines, discovered with {@link java.util.ServiceLoader}. */
package dev.sonde.spi;
