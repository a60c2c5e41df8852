/**
 * Real loopback servers and a test PKI for the network probes' tests (published in sdk-probes'
 * test-jar): {@link dev.sonde.testsupport.net.TestPki} (certificates made at test time with Bouncy
 * Castle), {@link dev.sonde.testsupport.net.TlsTestServer}, {@link dev.sonde.testsupport.net.RevocationTestServer}
 * (CRL and OCSP), {@link dev.sonde.testsupport.net.ProxyTestServer}, {@link dev.sonde.testsupport.net.ClosedPort}
 * and {@link dev.sonde.testsupport.net.BlackHolePort}. Everything binds to 127.0.0.1 only and is closed by
 * {@code close()}.
 */
package dev.sonde.testsupport.net;
