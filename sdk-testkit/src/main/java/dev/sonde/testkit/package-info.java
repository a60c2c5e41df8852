/**
 * Testing with Sonde in JUnit 5: {@link dev.sonde.testkit.SondeExtension} injects a shared, built
 * {@link dev.sonde.Sonde}; {@link dev.sonde.testkit.SondeAssertions} asserts on reports and findings;
 * {@link dev.sonde.testkit.GoldenCases} turns a rule pack's golden cases into dynamic tests; the
 * {@link dev.sonde.testkit.logs} package writes GWSMO logs to analyze.
 */
package dev.sonde.testkit;
