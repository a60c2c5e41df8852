/**
 * GWSMO logs written for tests: {@link dev.sonde.testkit.logs.GwsmoLog} builds a trace or authorization log
 * record by record; {@link dev.sonde.testkit.logs.GwsmoLogs} renders failed TLS attempts, healthy chatter, the help
 * article's two examples verbatim, and the variants a reader must be indifferent to (CRLF, byte-order marks,
 * UTF-16, interleaved threads, inserted healthy records).
 */
package dev.sonde.testkit.logs;
