package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A live probe resolved a catalog host name (article step 2: the allowed URLs must resolve).
 * Evidence file {@code probe:dns}.
 *
 * @param host      the name looked up
 * @param status    ok, problem, or not run
 * @param reason    why it ended so; its status is {@code status}
 * @param addresses the addresses found, in the order they would be tried (empty when it failed)
 */
public record DnsCheck(String host, ProbeStatus status, DnsReason reason, List<String> addresses,
        LogTime time, String thread, Evidence source) implements Fact {

    public DnsCheck {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        ProbeFacts.agree(status, reason);
        addresses = List.copyOf(addresses);
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the host resolved. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
