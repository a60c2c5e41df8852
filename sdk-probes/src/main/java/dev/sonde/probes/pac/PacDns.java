package dev.sonde.probes.pac;

import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.dns.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The DNS lookups of one script's helpers: through the configured {@link HostResolver}, each bounded by the
 * lookup timeout and the evaluation's deadline, answers (failures included) remembered for the script's life,
 * and at most {@code maxDnsLookups} distinct names asked: past that, or for a name no DNS server would take
 * (empty, over 253 characters), the answer is "not resolvable" without asking. IP literals are answered
 * without a lookup. Used from one evaluation thread at a time.
 */
final class PacDns {

    private final HostResolver resolver;
    private final PacOptions options;
    private final Map<String, List<InetAddress>> answers = new HashMap<>();

    PacDns(PacOptions options) {
        this.resolver = options.resolver();
        this.options = options;
    }

    /** The addresses of {@code host}; empty when it does not resolve (in time, within the limits). */
    List<InetAddress> resolve(String host, Deadline evaluation) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return List.of();
        }
        Optional<InetAddress> literal = IpLiterals.parse(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        String key = host.toLowerCase(Locale.ROOT);
        List<InetAddress> known = answers.get(key);
        if (known != null) {
            return known;
        }
        if (answers.size() >= options.maxDnsLookups()) {
            return List.of();
        }
        List<InetAddress> found;
        try {
            found = List.copyOf(resolver.resolve(key, evaluation.orEarlier(options.dnsTimeout())));
        } catch (IOException | RuntimeException e) {
            found = List.of();
        }
        answers.put(key, found);
        return found;
    }

    /** The first IPv4 address of {@code host}, as {@code dnsResolve} answers. */
    Optional<InetAddress> ipv4(String host, Deadline evaluation) {
        return resolve(host, evaluation).stream().filter(a -> a.getAddress().length == 4).findFirst();
    }
}
