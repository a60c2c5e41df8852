/**
 * Hot reload: {@link dev.sonde.rules.watch.RulePackWatcher} watches pack folders and archives and runs a reload once
 * they are quiet (see {@code docs/hot-reload.md}).
 */
package dev.sonde.rules.watch;
