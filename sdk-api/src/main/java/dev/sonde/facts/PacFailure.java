package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A proxy auto-config (PAC) script that gave no route: it could not be fetched, or it failed when evaluated in
 * Sonde's sandbox (article step 3). A client whose script fails this way sees WinHTTP's 12167 (script not
 * downloaded) or 12166 (error in the script) and usually falls back to a direct connection. Evidence file
 * {@code probe:pac} for a script fetched from its URL, {@code proxy.pac} for a saved one.
 *
 * @param script where the script came from (see {@link PacRoute#script()})
 * @param url    the catalog URL being evaluated when the script failed, or {@code ""} when the failure is the
 *               script's as a whole (not fetched, not compiled, its top level threw)
 * @param reason why; {@link PacFailureReason#download()} tells a script not obtained from a script that failed
 * @param detail one line saying what happened (an error message, an HTTP status), at most 300 characters
 */
public record PacFailure(String script, String url, PacFailureReason reason, String detail, LogTime time,
        String thread, Evidence source) implements Fact {

    /** Longest detail kept, in characters. */
    public static final int MAX_DETAIL = 300;

    public PacFailure {
        Objects.requireNonNull(script, "script");
        url = Objects.requireNonNullElse(url, "");
        Objects.requireNonNull(reason, "reason");
        detail = clip(Objects.requireNonNullElse(detail, ""));
    }

    private static String clip(String text) {
        String head = text.length() <= 4 * MAX_DETAIL ? text : text.substring(0, 4 * MAX_DETAIL);
        String oneLine = head.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** Always true: a script that gives no route is a problem. */
    @Override
    public boolean failure() {
        return true;
    }
}
