/**
 * Golden cases ({@code sonde rules test}) and the recorded probes they may hold: {@link dev.sonde.rules.cases.GoldenCase}
 * reads a pack's {@code cases/NAME/} folders (logs, recorded probes, {@code expect.json}), runs them and says what
 * contradicts the expectation; {@link dev.sonde.rules.cases.RecordedProbes} writes, reads, replays and records the
 * facts of live probes ({@code probes.json}), one class per job.
 */
package dev.sonde.rules.cases;
