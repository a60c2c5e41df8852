/**
 * HTTP: requesting an allow-listed URL the way the client does (and telling Google's answer from a filter's), and the
 * small bounded HTTP fetch and head reader the other families use.
 */
package dev.sonde.probes.http;
