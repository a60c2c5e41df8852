/**
 * Parsers of network notations that both the log readers and the live probes meet: IP address literals
 * ({@link dev.sonde.net.IpLiterals}) and HTTP authentication challenges ({@link dev.sonde.net.AuthChallenges}).
 * One copy each, linear in the length of their input and free of DNS lookups, so a log line and a probe's
 * answer are read by the same rules.
 */
package dev.sonde.net;
