/**
 * The compile cache: {@link dev.sonde.rules.cache.CompileCache} keeps compiled packs in a folder
 * ({@code CacheFolder}: this user's alone, with its own secret key) under a key naming everything they were compiled
 * from ({@link dev.sonde.rules.cache.CacheKey}), so that a start with unchanged packs skips compiling; and the
 * built-in pack compiled at build time into the jar ({@link dev.sonde.rules.cache.PrecompiledPack}), in the same
 * form ({@code CompiledForm}).
 */
package dev.sonde.rules.cache;
