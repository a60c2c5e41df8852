package dev.sonde.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkErrorCodeTest {

    @Test
    void decodesDecimalBareHexAndHresultForms() {
        assertThat(NetworkErrorCode.fromNumber(12175)).contains(NetworkErrorCode.SECURE_FAILURE);
        assertThat(NetworkErrorCode.fromNumber(0x00002f8f)).contains(NetworkErrorCode.SECURE_FAILURE);
        assertThat(NetworkErrorCode.fromNumber(0x80072f8fL)).contains(NetworkErrorCode.SECURE_FAILURE);
        assertThat(NetworkErrorCode.fromNumber(0x80072EE2L)).contains(NetworkErrorCode.TIMEOUT);
        assertThat(NetworkErrorCode.fromNumber(0x80072EE7L)).contains(NetworkErrorCode.NAME_NOT_RESOLVED);
        assertThat(NetworkErrorCode.fromNumber(0x80072EFDL)).contains(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(NetworkErrorCode.fromNumber(0x80072EFEL)).contains(NetworkErrorCode.CONNECTION_ERROR);
        assertThat(NetworkErrorCode.fromNumber(0x80072F0DL)).contains(NetworkErrorCode.SECURE_INVALID_CA);
        assertThat(NetworkErrorCode.fromNumber(0x80072F19L)).contains(NetworkErrorCode.SECURE_CERT_REV_FAILED);
        assertThat(NetworkErrorCode.fromNumber(0x8007274DL)).contains(NetworkErrorCode.WSAECONNREFUSED);
        assertThat(NetworkErrorCode.fromNumber(0x00010000)).isEmpty();
        assertThat(NetworkErrorCode.fromNumber(0x80042f8fL)).isEmpty(); // not the Win32 facility
    }

    @Test
    void namesAndKinds() {
        assertThat(NetworkErrorCode.SECURE_FAILURE.hresult()).isEqualTo("0x80072F8F");
        assertThat(NetworkErrorCode.SECURE_FAILURE.windowsName()).isEqualTo("ERROR_WINHTTP_SECURE_FAILURE");
        assertThat(NetworkErrorCode.fromName("ERROR_WINHTTP_TIMEOUT")).contains(NetworkErrorCode.TIMEOUT);
        assertThat(NetworkErrorCode.CANNOT_CONNECT.kind()).isEqualTo(NetworkErrorKind.CONNECTION_REFUSED);
        assertThat(NetworkErrorCode.SECURE_CERT_CN_INVALID.securityFlag()).contains(SecurityFlag.CERT_CN_INVALID);
        assertThat(NetworkErrorCode.TIMEOUT.securityFlag()).isEmpty();
    }
}
