/**
 * What a rule pack is and how it is read: {@link dev.sonde.rules.pack.RulePack} (DRL, data, message bundles) built
 * from one bounded reading of its files ({@link dev.sonde.rules.pack.PackFiles}, {@link dev.sonde.rules.pack.PackPaths}),
 * its {@code pack.json} ({@link dev.sonde.rules.pack.PackManifest}), data files ({@link dev.sonde.rules.pack.PackData},
 * endpoint catalogs in {@link dev.sonde.rules.pack.CatalogFile}), message bundles
 * ({@link dev.sonde.rules.pack.MessageBundle}), layering ({@code PackLayers}) and the built-in pack
 * ({@code BuiltInPack}, the resources under {@code dev/sonde/packs/gwsmo/}).
 */
package dev.sonde.rules.pack;
