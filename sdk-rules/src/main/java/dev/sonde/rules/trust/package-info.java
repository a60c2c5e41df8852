/**
 * Signed rule packs: {@link dev.sonde.rules.trust.PackSignature} signs and verifies a pack (Ed25519 over a
 * {@code SignedStatement} listing every file's SHA-256; {@code ZipPatch} writes the signature into an archive), and
 * {@link dev.sonde.rules.trust.TrustedPacks} loads packs that must be signed, verifying the very bytes it builds
 * them from.
 */
package dev.sonde.rules.trust;
