/**
 * The fact model: what log readers (and probes) observe, as immutable records that DRL rules match
 * on. It is the language rule authors write in, so it stays small; numbers are decoded into named
 * values here ({@link dev.sonde.facts.SecurityFlag}, {@link dev.sonde.facts.NetworkErrorCode}) so that
 * rules read like the troubleshooting article.
 */
package dev.sonde.facts;
