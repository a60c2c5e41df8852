/**
 * The compile cache: {@link dev.sonde.rules.cache.CompileCache} keeps compiled packs in a folder
 * ({@code CacheFolder}: this user's alone, with its own secret key) under a key naming everything they were compiled
 * from ({@link dev.sonde.rules.cache.CacheKey}), so that a start with unchanged packs skips compiling.
 */
package dev.sonde.rules.cache;
