package dev.sonde.facts;

import java.util.Optional;

/**
 * Windows error numbers seen in GWSMO logs: WinHTTP's {@code ERROR_WINHTTP_*} (12001-12186) and the
 * Winsock errors behind them. Logs print them in decimal ({@code 12002}), as a bare code
 * ({@code Code: 0x00002f8f}) or as an HRESULT ({@code hr = 0x80072f8f}); {@link #fromNumber} takes
 * all three.
 */
public enum NetworkErrorCode {
    TIMEOUT(12002, NetworkErrorKind.TIMEOUT, null),
    INTERNAL_ERROR(12004, NetworkErrorKind.OTHER, null),
    INVALID_URL(12005, NetworkErrorKind.OTHER, null),
    NAME_NOT_RESOLVED(12007, NetworkErrorKind.NAME_NOT_RESOLVED, null),
    LOGIN_FAILURE(12015, NetworkErrorKind.OTHER, null),
    OPERATION_CANCELLED(12017, NetworkErrorKind.OTHER, null),
    CANNOT_CONNECT(12029, NetworkErrorKind.CONNECTION_REFUSED, null),
    CONNECTION_ERROR(12030, NetworkErrorKind.CONNECTION_RESET, null),
    RESEND_REQUEST(12032, NetworkErrorKind.OTHER, null),
    SECURE_CERT_DATE_INVALID(12037, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.CERT_DATE_INVALID),
    SECURE_CERT_CN_INVALID(12038, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.CERT_CN_INVALID),
    CLIENT_AUTH_CERT_NEEDED(12044, NetworkErrorKind.SECURE_FAILURE, null),
    SECURE_INVALID_CA(12045, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.INVALID_CA),
    SECURE_CERT_REV_FAILED(12057, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.CERT_REV_FAILED),
    HEADER_NOT_FOUND(12150, NetworkErrorKind.OTHER, null),
    INVALID_SERVER_RESPONSE(12152, NetworkErrorKind.BAD_RESPONSE, null),
    REDIRECT_FAILED(12156, NetworkErrorKind.OTHER, null),
    SECURE_CHANNEL_ERROR(12157, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.SECURITY_CHANNEL_ERROR),
    BAD_AUTO_PROXY_SCRIPT(12166, NetworkErrorKind.PROXY_CONFIGURATION, null),
    UNABLE_TO_DOWNLOAD_SCRIPT(12167, NetworkErrorKind.PROXY_CONFIGURATION, null),
    SECURE_INVALID_CERT(12169, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.INVALID_CERT),
    SECURE_CERT_REVOKED(12170, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.CERT_REVOKED),
    SECURE_FAILURE(12175, NetworkErrorKind.SECURE_FAILURE, null),
    AUTO_PROXY_SERVICE_ERROR(12178, NetworkErrorKind.PROXY_CONFIGURATION, null),
    SECURE_CERT_WRONG_USAGE(12179, NetworkErrorKind.SECURE_FAILURE, SecurityFlag.CERT_WRONG_USAGE),
    AUTODETECTION_FAILED(12180, NetworkErrorKind.PROXY_CONFIGURATION, null),
    /** Winsock: connection reset by peer. */
    WSAECONNRESET(10054, NetworkErrorKind.CONNECTION_RESET, null),
    /** Winsock: connection timed out. */
    WSAETIMEDOUT(10060, NetworkErrorKind.TIMEOUT, null),
    /** Winsock: connection refused. */
    WSAECONNREFUSED(10061, NetworkErrorKind.CONNECTION_REFUSED, null),
    /** Winsock: host unreachable. */
    WSAEHOSTUNREACH(10065, NetworkErrorKind.CONNECTION_REFUSED, null),
    /** Winsock: network unreachable. */
    WSAENETUNREACH(10051, NetworkErrorKind.CONNECTION_REFUSED, null),
    /** Winsock: host not found. */
    WSAHOST_NOT_FOUND(11001, NetworkErrorKind.NAME_NOT_RESOLVED, null);

    private final int number;
    private final NetworkErrorKind kind;
    private final SecurityFlag flag;

    NetworkErrorCode(int number, NetworkErrorKind kind, SecurityFlag flag) {
        this.number = number;
        this.kind = kind;
        this.flag = flag;
    }

    /** The Win32 error number (decimal), e.g. 12175. */
    public int number() {
        return number;
    }

    /** What the error means for the connection. */
    public NetworkErrorKind kind() {
        return kind;
    }

    /** The security flag a certificate error corresponds to, if any. */
    public Optional<SecurityFlag> securityFlag() {
        return Optional.ofNullable(flag);
    }

    /** The name Windows uses, e.g. {@code ERROR_WINHTTP_SECURE_FAILURE} or {@code WSAECONNRESET}. */
    public String windowsName() {
        return name().startsWith("WSA") ? name() : "ERROR_WINHTTP_" + name();
    }

    /** The HRESULT form, e.g. {@code 0x80072F8F}. */
    public String hresult() {
        return String.format("0x%08X", 0x80070000L | number);
    }

    /**
     * Decodes a logged number: a Win32 error ({@code 12175}, {@code 0x2f8f}) or an HRESULT of the
     * Win32 facility ({@code 0x80072f8f}).
     */
    public static Optional<NetworkErrorCode> fromNumber(long value) {
        long win32 = value;
        if ((value & 0xFFFF0000L) == 0x80070000L) {
            win32 = value & 0xFFFFL;
        }
        for (NetworkErrorCode c : values()) {
            if (c.number == win32) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The code named {@code ERROR_WINHTTP_<NAME>}, {@code <NAME>} or a Winsock name, if known. */
    public static Optional<NetworkErrorCode> fromName(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace("ERROR_WINHTTP_", "");
        for (NetworkErrorCode c : values()) {
            if (c.name().equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
