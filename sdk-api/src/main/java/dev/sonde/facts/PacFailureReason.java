package dev.sonde.facts;

/**
 * Why a proxy auto-config (PAC) script gave no route ({@link PacFailure}). The first four are failures to get
 * the script (WinHTTP's 12167, {@code ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT}); the others are failures of the
 * script itself (WinHTTP's 12166, {@code ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT}): see {@link #download()}.
 */
public enum PacFailureReason {
    /** The script's server could not be reached (refused, name not resolved, no answer in time). */
    UNREACHABLE(true),
    /** The server answered, but not with the script (an HTTP status other than 200, too many redirects). */
    BAD_ANSWER(true),
    /** The script is larger than allowed (1 MiB by default). */
    TOO_LARGE(true),
    /** The script's location is not one Sonde fetches from (not http or https; {@code file:} unless allowed). */
    NOT_ALLOWED(true),
    /** The script is not valid JavaScript. */
    SYNTAX(false),
    /** The script defines no {@code FindProxyForURL} (nor {@code FindProxyForURLEx}) function. */
    NO_FUNCTION(false),
    /** The script threw an exception, including its attempts to use Java or anything outside the PAC helpers. */
    THREW(false),
    /** The script ran past its deadline or instruction budget and was stopped. */
    TIMED_OUT(false),
    /** The script used more memory or stack than allowed and was stopped. */
    EXHAUSTED(false),
    /** The script answered something that is no PAC result ({@code PROXY host:port}, {@code DIRECT} ...). */
    BAD_RESULT(false);

    private final boolean download;

    PacFailureReason(boolean download) {
        this.download = download;
    }

    /** True when the script could not be obtained; false when it was obtained and failed. */
    public boolean download() {
        return download;
    }
}
