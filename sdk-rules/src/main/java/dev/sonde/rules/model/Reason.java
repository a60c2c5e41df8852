package dev.sonde.rules.model;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.SecurityFlag;
import java.util.Objects;

/**
 * One reason WinHTTP gave for a secure failure, whichever way the log said it: a flag of a
 * {@link dev.sonde.facts.TlsFailure} or the flag behind a certificate error code of a
 * {@link dev.sonde.facts.NetworkError}. Derived in DRL ({@code certificates.drl}) so that rules match one
 * shape; it answers {@link #source()}, {@link #time()} and {@link #thread()} for the fact it came from.
 *
 * @param flag the reason
 * @param fact the fact that reported it
 */
public record Reason(SecurityFlag flag, Fact fact) implements Fact {

    public Reason {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(fact, "fact");
    }

    @Override
    public Evidence source() {
        return fact.source();
    }

    @Override
    public LogTime time() {
        return fact.time();
    }

    @Override
    public String thread() {
        return fact.thread();
    }
}
