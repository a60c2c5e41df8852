/**
 * {@code sonde rules check}: {@link dev.sonde.rules.lint.PackCheck} checks a pack without loading it anywhere and
 * returns every problem found, with file, line and column.
 */
package dev.sonde.rules.lint;
