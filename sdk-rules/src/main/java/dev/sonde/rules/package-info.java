/**
 * Sonde's Drools engine: {@link dev.sonde.rules.DroolsRuleEngineFactory} (found by ServiceLoader)
 * reads a {@link dev.sonde.rules.RulePack} (the built-in GWSMO pack, or a vendor's folder or archive),
 * compiles it once into a {@link dev.sonde.rules.DroolsRuleEngine} shared by all threads, and each
 * analysis runs a fresh session that folds repeated facts, fires the rules under the deadline, merges
 * and ranks the detections and renders their text from the pack's {@link dev.sonde.rules.MessageBundle}.
 * {@link dev.sonde.rules.GoldenCase} reads and checks a pack's golden cases. The format is documented
 * in {@code docs/rules.md}.
 */
package dev.sonde.rules;
