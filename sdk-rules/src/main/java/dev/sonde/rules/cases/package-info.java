/**
 * Golden cases ({@code sonde rules test}): {@link dev.sonde.rules.cases.GoldenCase} reads a pack's
 * {@code cases/NAME/} folders (logs, recorded probes, {@code expect.json}), runs them and says what contradicts
 * the expectation.
 */
package dev.sonde.rules.cases;
