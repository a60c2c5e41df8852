/** Extension points: log readers and rule engines, discovered with {@link java.util.ServiceLoader}. */
package dev.sonde.spi;
