package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A live probe that did not run, and why (its prerequisite failed, e.g. DNS failed so TLS was not
 * tried, or the overall deadline passed). Evidence file {@code probe:<family>}.
 *
 * @param family the probe family: {@code dns}, {@code tcp}, {@code tls}, {@code https}, {@code revocation},
 *               {@code proxy}, {@code clock} (see {@link ProbeFamily})
 * @param target what it would have checked ({@code host:port}, a URL)
 * @param why    one plain sentence
 */
public record ProbeSkipped(ProbeFamily family, String target, String why, LogTime time, String thread, Evidence source)
        implements Fact {

    public ProbeSkipped {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(why, "why");
    }
}
