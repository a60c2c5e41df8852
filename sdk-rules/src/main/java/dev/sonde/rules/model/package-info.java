/**
 * The vocabulary a rule pack's DRL uses besides the facts of {@code dev.sonde.facts}: the pack's data
 * ({@link dev.sonde.rules.model.GoogleIssuer}, {@link dev.sonde.rules.model.GoogleHost},
 * {@link dev.sonde.rules.model.Interceptor}, {@link dev.sonde.rules.model.MinimumVersion},
 * {@link dev.sonde.rules.model.AllowedUrl}), derived facts ({@link dev.sonde.rules.model.Reason}), what
 * rules conclude ({@link dev.sonde.rules.model.Detection}, {@link dev.sonde.rules.model.Explanation})
 * and the helpers consequences call ({@link dev.sonde.rules.model.Raise},
 * {@link dev.sonde.rules.model.Values}).
 */
package dev.sonde.rules.model;
