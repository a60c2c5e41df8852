/** Revocation: fetching a leaf certificate's CRL and asking its OCSP responder, answers verified and size-bounded. */
package dev.sonde.probes.revocation;
