package dev.sonde.probes.net;

/**
 * A typed reason for a probe's outcome. Each probe family has its own enum ({@link TcpReason},
 * {@link TlsReason}, {@link RevocationReason}, {@link ProxyReason}, {@link ClockReason}); every
 * constant fixes the {@link ProbeStatus} it stands for, so a reason means one thing everywhere.
 */
public interface ProbeReason {

    /** The status an outcome with this reason has. */
    ProbeStatus status();

    /** The reason's stable name (the enum constant's name), as rules and reports use it. */
    String name();
}
