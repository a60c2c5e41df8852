/**
 * TLS: capturing the chain a server serves (whatever it is) and verifying it against given trust anchors and the
 * host name, with the certificate details a report shows.
 */
package dev.sonde.probes.tls;
