package dev.sonde.facts;

/**
 * Why a live probe ended as it did: the {@code reason} of a probe fact ({@link DnsCheck}, {@link PortCheck},
 * {@link ServedChain}, {@link UrlCheck}, {@link RevocationCheck}, {@link ProxyCheck}) and of the probes'
 * own outcomes. Each probe family has its own enum ({@link DnsReason}, {@link TcpReason}, {@link TlsReason},
 * {@link UrlReason}, {@link RevocationReason}, {@link ProxyReason}, {@link ClockReason}); every constant
 * fixes the {@link ProbeStatus} it stands for, so a reason means one thing everywhere. Rules compare
 * constants ({@code reason == UrlReason.UNTRUSTED}), so a misspelled reason fails to compile; recorded
 * probes files hold the constant's name.
 */
public interface ProbeReason {

    /** The status an outcome with this reason has. */
    ProbeStatus status();

    /** The reason's stable name (the enum constant's name), as rules, reports and recorded probes use it. */
    String name();
}
