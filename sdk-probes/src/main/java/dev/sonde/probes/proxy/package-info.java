/**
 * Proxies: finding the configured ones (given, WinHTTP, environment, JVM) and sending each a {@code CONNECT} without
 * credentials to see whether it demands authentication and with which schemes.
 */
package dev.sonde.probes.proxy;
