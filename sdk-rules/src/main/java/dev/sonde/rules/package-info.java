/**
 * Sonde's rules: the Drools engine behind the API and everything about rule packs, one package per job.
 * <ul>
 * <li>{@link dev.sonde.rules.engine}: the engine (compiling a pack, sessions, firing, ranking);</li>
 * <li>{@link dev.sonde.rules.pack}: what a pack is and how it is read, layered and digested;</li>
 * <li>{@link dev.sonde.rules.trust}: pack signatures;</li>
 * <li>{@link dev.sonde.rules.cache}: the compile cache;</li>
 * <li>{@link dev.sonde.rules.lint}: {@code sonde rules check};</li>
 * <li>{@link dev.sonde.rules.cases}: golden cases ({@code sonde rules test});</li>
 * <li>{@link dev.sonde.rules.watch}: watching pack folders for hot reload;</li>
 * <li>{@link dev.sonde.rules.model}: the vocabulary DRL files use besides the facts.</li>
 * </ul>
 * The pack format is documented in {@code docs/rules.md} and {@code docs/rule-packs.md}.
 */
package dev.sonde.rules;
