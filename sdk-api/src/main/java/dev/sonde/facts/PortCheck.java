package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * A live probe opened (or failed to open) a TCP connection to a catalog host and port (article
 * step 1: TCP 443 to Google, TCP 80 to the revocation hosts). Evidence file {@code probe:tcp}.
 *
 * @param host     the catalog host
 * @param port     the port
 * @param services the catalog services behind this host and port ({@code mail}, {@code revocation} ...)
 * @param status   ok, problem, or not run
 * @param reason   {@code CONNECTED}, {@code REFUSED} (reset: actively rejected), {@code TIMED_OUT}
 *                 (silently dropped), {@code UNREACHABLE}, {@code DNS_FAILED}; its status is {@code status}
 * @param address  the address that answered (or was tried), or {@code ""}
 */
public record PortCheck(String host, int port, List<String> services, ProbeStatus status, TcpReason reason, String address,
        LogTime time, String thread, Evidence source) implements Fact {

    public PortCheck {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        services = List.copyOf(services);
        ProbeFacts.agree(status, reason);
        address = Objects.requireNonNullElse(address, "");
    }

    /** The catalog service of the revocation hosts (CRLs and OCSP over plain HTTP, TCP 80; article steps 1-2). */
    public static final String REVOCATION_SERVICE = "revocation";

    /** True when the connection could not be made because of the network (refused, dropped, unroutable). */
    public boolean blocked() {
        return status == ProbeStatus.PROBLEM && reason != TcpReason.DNS_FAILED;
    }

    /** How it was blocked, in words rules pass on: {@code dropped}, {@code refused}, {@code unreachable}, or {@code ""}. */
    public String blocking() {
        return switch (reason) {
            case TIMED_OUT -> "dropped";
            case REFUSED -> "refused";
            case UNREACHABLE -> "unreachable";
            case CONNECTED, DNS_FAILED -> "";
        };
    }

    /** True when this port serves certificate revocation (the catalog's {@value #REVOCATION_SERVICE} service). */
    public boolean revocation() {
        return services.contains(REVOCATION_SERVICE);
    }

    /** True when one of the catalog services behind this port is {@code service}. */
    public boolean serves(String service) {
        return services.contains(service);
    }

    /** {@code host:port}. */
    public String target() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /** True when the check passed ({@link ProbeStatus#OK}): the TCP connection was made. */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK;
    }
}
