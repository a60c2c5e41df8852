package dev.sonde.probes.proxy;

import dev.sonde.facts.ProxyReason;
import dev.sonde.probes.ProbeOutcome;
import java.util.List;

/**
 * What a {@link ProxyAuthProbe} saw.
 *
 * @param outcome    the verdict
 * @param httpStatus the proxy's HTTP status, or 0 when it gave none
 * @param schemes    the authentication schemes the proxy offered ({@code Basic}, {@code Digest},
 *                   {@code NTLM}, {@code Negotiate}, others as sent), in the order offered, each once;
 *                   empty unless it asked for credentials
 */
public record ProxyAuthResult(ProbeOutcome<ProxyReason> outcome, int httpStatus, List<String> schemes) {

    public ProxyAuthResult {
        schemes = List.copyOf(schemes);
    }
}
