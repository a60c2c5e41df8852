package dev.sonde.facts;

import dev.sonde.Evidence;

/**
 * A Windows network error, decoded from whatever form the log used ({@code hr = 0x80072ee2},
 * {@code Code: 0x00002f8f}, {@code error 12002}, {@code ERROR_WINHTTP_TIMEOUT}).
 *
 * @param code      the decoded error
 * @param operation the WinHTTP call that failed, when logged ({@code WinHttpSendRequest}), else {@code ""}
 */
public record NetworkError(NetworkErrorCode code, String operation, LogTime time, String thread, Evidence source)
        implements Fact {

    /** What the error means for the connection. */
    public NetworkErrorKind kind() {
        return code.kind();
    }

    /** Always true: this fact records a failure. */
    @Override
    public boolean failure() {
        return true;
    }
}
