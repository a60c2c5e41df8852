package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A live request through a discovered proxy, without credentials ({@code CONNECT host:443}). A 407
 * answer is also reported as a {@link ProxyEvent} of kind {@code AUTH_REQUIRED}, so the rules that
 * read logs apply unchanged. Evidence file {@code probe:proxy}.
 *
 * @param proxy      {@code host:port}
 * @param origin     where the proxy setting came from (see {@link ProxySetting#origin()})
 * @param status     ok (tunnel opened), problem, or not run
 * @param reason     {@code OPEN}, {@code AUTH_REQUIRED}, {@code DENIED}, {@code BAD_RESPONSE}, {@code TIMED_OUT},
 *                   {@code PROXY_UNREACHABLE}, {@code DNS_FAILED}; its status is {@code status}
 * @param httpStatus the proxy's HTTP status, or 0
 * @param schemes    authentication schemes offered with a 407 (Basic, Digest, NTLM, Negotiate)
 * @param server     the answer's {@code Server} header (printable ASCII, at most 120 characters, secrets removed), or
 *                   {@code ""}: a filter often names itself there ({@code ProxySG}, {@code squid/5.7})
 * @param via        the answer's {@code Via} header, cleaned the same way, or {@code ""}
 */
public record ProxyCheck(String proxy, ProxyOrigin origin, ProbeStatus status, ProxyReason reason, int httpStatus,
        List<String> schemes, String server, String via, LogTime time, String thread, Evidence source) implements Fact {

    public ProxyCheck {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        ProbeFacts.agree(status, reason);
        schemes = List.copyOf(schemes);
        server = Objects.requireNonNullElse(server, "");
        via = Objects.requireNonNullElse(via, "");
    }

    /**
     * A check whose answer named no {@code Server} nor {@code Via} (the form before issue 10; kept so that code
     * written for it compiles unchanged).
     */
    public ProxyCheck(String proxy, ProxyOrigin origin, ProbeStatus status, ProxyReason reason, int httpStatus,
            List<String> schemes, LogTime time, String thread, Evidence source) {
        this(proxy, origin, status, reason, httpStatus, schemes, "", "", time, thread, source);
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the proxy let the tunnel through. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
