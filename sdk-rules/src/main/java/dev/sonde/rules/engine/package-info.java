/**
 * The Drools engine: {@link dev.sonde.rules.engine.DroolsRuleEngineFactory} (the {@code RuleEngineFactory} found by
 * {@code ServiceLoader}) loads the packs and compiles them once ({@code PackCompiler}, or reads them from the
 * compile cache) into a {@link dev.sonde.rules.engine.DroolsRuleEngine} shared by all threads; each analysis runs a
 * fresh {@code DroolsSession} that folds repeated facts ({@code FactFolder}), fires the rules under the deadline
 * ({@code BoundedFiring}), and merges, ranks and renders the detections ({@code FindingAssembler}).
 */
package dev.sonde.rules.engine;
