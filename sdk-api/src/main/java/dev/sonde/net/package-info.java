/**
 * Parsers of network notations that both the log readers and the live probes meet: IP address literals
 * ({@link dev.sonde.net.IpLiterals}), HTTP authentication challenges ({@link dev.sonde.net.AuthChallenges}), HTTP
 * {@code Date} values ({@link dev.sonde.net.HttpDates}) and Windows proxy server lists
 * ({@link dev.sonde.net.ProxyServerLists}).
 * One copy each, linear in the length of their input and free of DNS lookups, so a log line and a probe's
 * answer are read by the same rules.
 */
package dev.sonde.net;
