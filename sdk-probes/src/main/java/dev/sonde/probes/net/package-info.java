/**
 * Live network probes: TCP reachability, TLS chain capture and verification against given trust
 * anchors, CRL and OCSP revocation checks, authenticated-proxy detection and clock skew.
 *
 * <p>Every probe returns a {@link dev.sonde.probes.net.ProbeOutcome}: <em>ok</em>, <em>problem</em>
 * with a typed reason, or <em>not run</em> with why, plus a small detail map and the time it took.
 * Every network call is bounded by a {@link dev.sonde.probes.net.Deadline}; probes send no
 * credentials, follow no redirect and read only small, bounded answers. Probes are immutable and
 * thread-safe: configure one once and share it.
 */
package dev.sonde.probes.net;
