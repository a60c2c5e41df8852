package dev.sonde.logs;

import dev.sonde.facts.LogTime;
import java.util.HashMap;
import java.util.Map;

/**
 * One file's last answer per thread, so that a busy sync loop (hundreds of {@code HTTP status 200} a minute) gives
 * one {@link dev.sonde.facts.ServerAnswer} a minute rather than one per line: an answer that repeats its thread's
 * last one sent (same host, URL, address, port and status) less than {@value #MINUTE} s after it is not sent again.
 * One a minute is as fine as states need (an attempt's failures and later successes are compared to the minute),
 * and the facts of a repeat would cost a line's evidence each (issue 10: the reader must stay as fast). Bounded:
 * past {@value #MAX_THREADS} threads it starts again empty, which only lets a repeat through.
 */
final class RepeatedAnswers {

    /** Seconds within which a repeated answer is not sent again. */
    static final long MINUTE = LogTime.SAME_MINUTE_SECONDS;
    private static final int MAX_THREADS = 1024;

    private record Last(String key, LogTime time) {
    }

    private final Map<String, Last> byThread = new HashMap<>();

    /**
     * True when this answer is to be sent: the first of its kind on its thread, another one, or the same a minute or
     * more after the last one sent. Remembers it when it is.
     */
    boolean admit(String thread, String key, LogTime time) {
        Last last = byThread.get(thread);
        if (last != null && last.key().equals(key) && last.time().within(time, MINUTE - 1)) {
            return false;
        }
        if (byThread.size() >= MAX_THREADS && last == null) {
            byThread.clear();
        }
        byThread.put(thread, new Last(key, time));
        return true;
    }
}
