package dev.sonde.spi;

import dev.sonde.facts.Fact;

/** Where evidence collectors send the facts they find, as they find them (streaming). */
@FunctionalInterface
public interface FactSink {
    /** Adds one fact to the analysis. */
    void add(Fact fact);
}
