package dev.sonde.logs;

import dev.sonde.facts.LogTime;

/**
 * The first line of a log record, parsed: its time, thread, level, code location and message.
 *
 * @param format   {@link TraceLogFormat#NAME} or {@link AuthorizationLogFormat#NAME}
 * @param time     the printed time (with its offset when printed)
 * @param thread   the thread id in lower-case hex, or {@code ""} (authorization logs)
 * @param level    the level as printed ({@code E}, {@code ERROR}, ...)
 * @param location the code location as printed ({@code ClientMigration!WinHttp::HandleCallback @ 2025},
 *                 {@code windows_http.cc(331)})
 * @param message  the text after the prefix
 */
record RecordStart(String format, LogTime time, String thread, String level, String location, String message) {

    /** The executable named in a trace location ({@code ClientMigration} in {@code ClientMigration!WinHttp::...}), else {@code ""}. */
    String exe() {
        int bang = location.indexOf('!');
        if (bang <= 0) {
            return "";
        }
        String exe = location.substring(0, bang);
        return exe.indexOf(' ') >= 0 ? "" : exe;
    }
}
